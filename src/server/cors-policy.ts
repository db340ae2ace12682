import type { FastifyRequest } from 'fastify';
import type { FastifyCorsOptions } from '@fastify/cors';

/** Any port of the developer's own machine (a Next.js or Vite dev server on :3000, :5173 …). */
const LOCAL_ORIGIN = /^https?:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d{1,5})?$/;

/** Headers a browser client may read: the request id to quote in a bug report, and the rate-limit state. */
const EXPOSED_HEADERS = ['x-request-id', 'ratelimit-limit', 'ratelimit-remaining', 'ratelimit-reset', 'ratelimit-policy', 'retry-after'];

/**
 * Per-request CORS options for @fastify/cors: listed origins get CORS with credentials; in
 * development, localhost origins get CORS without credentials; any other origin gets no
 * Access-Control-Allow-* header at all (its preflight is a 404), and Apollo's CSRF prevention
 * still refuses the simple requests a browser sends without asking.
 */
export function corsPolicy(listed: string[], development: boolean) {
  const allowed = new Set(listed);
  return (request: FastifyRequest, callback: (error: Error | null, options: FastifyCorsOptions) => void) => {
    const origin = request.headers.origin;
    const base = { methods: ['GET', 'POST'], exposedHeaders: EXPOSED_HEADERS, maxAge: 600 };
    if (origin && allowed.has(origin)) return callback(null, { ...base, origin, credentials: true });
    if (origin && development && LOCAL_ORIGIN.test(origin)) return callback(null, { ...base, origin, credentials: false });
    callback(null, { origin: false });
  };
}
