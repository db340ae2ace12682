import { context, propagation, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, type Context, type Tracer } from '@opentelemetry/api';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** The span attribute holding the request id: the `requestId` of every log line and error of the request. */
export const REQUEST_ID_ATTRIBUTE = 'newsroom.request_id';

/**
 * The context a request's span starts from. A subgraph continues the trace of a call whose
 * signature it verified (the gateway's `traceparent`); the gateway, the public door, starts
 * a trace of its own for every client request, so a client can neither force sampling nor
 * attach its spans to someone else's trace.
 */
export function callerTraceContext(request: FastifyRequest, fromGateway: boolean): Context {
  return fromGateway ? propagation.extract(ROOT_CONTEXT, request.headers) : ROOT_CONTEXT;
}

/**
 * Runs `work` (the answer to one GraphQL request) inside a server span named after the route,
 * which the spans of everything it awaits (Apollo Gateway's, a subgraph's) take as parent.
 * The span carries the request id, the HTTP status and whether the response cache answered;
 * the operation is named by tracing.plugin.ts once Apollo has resolved it.
 */
export async function inRequestSpan<T>(tracer: Tracer, request: FastifyRequest, reply: FastifyReply, parent: Context, work: () => Promise<T>): Promise<T> {
  const route = request.routeOptions.url ?? request.url;
  const span = tracer.startSpan(
    `${request.method} ${route}`,
    {
      kind: SpanKind.SERVER,
      attributes: { 'http.request.method': request.method, 'http.route': route, [REQUEST_ID_ATTRIBUTE]: request.id },
    },
    parent,
  );
  try {
    const result = await context.with(trace.setSpan(parent, span), work);
    span.setAttribute('http.response.status_code', reply.statusCode);
    const cache = reply.getHeader('x-cache');
    if (cache) span.setAttribute('newsroom.response_cache', String(cache).toLowerCase());
    if (reply.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
    return result;
  } catch (err) {
    span.recordException(err as Error);
    span.setStatus({ code: SpanStatusCode.ERROR, message: (err as Error).message });
    throw err;
  } finally {
    span.end();
  }
}
