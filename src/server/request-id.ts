import { randomUUID } from 'node:crypto';

/** An id a proxy or a client may choose: short, and safe to put in a log line or a header as is. */
const SANE_REQUEST_ID = /^[A-Za-z0-9._:@-]{8,128}$/;

/**
 * The id of one request, from the edge to every log line and error: the incoming
 * `x-request-id` when it looks like an id (a load balancer's or the gateway's), a fresh UUID
 * otherwise, so a client cannot inject text into the logs through it.
 */
export function requestIdFrom(header: string | string[] | undefined): string {
  return typeof header === 'string' && SANE_REQUEST_ID.test(header) ? header : randomUUID();
}
