import { isUtf8 } from 'node:buffer';
import type { ApolloServer } from '@apollo/server';
import { fastifyApolloHandler } from '@as-integrations/fastify';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { objectSlot } from '../context/object-slot';
import { createRequestContext, type RequestContext } from '../context/request-context';
import type { ErrorScopes } from '../errors/error-scopes';
import { ResponseCache, type CacheableRequest } from '../cache/response-cache';
import { verifySubgraphCall, type SignedCall } from '../federation/subgraph-signature';
import { DeadlineExceededError, InvalidUtf8Error } from './http-errors';
import type { ProcessMetrics } from '../observability/process-metrics';
import type { Tracer } from '@opentelemetry/api';
import { callerTraceContext, inRequestSpan } from '../observability/request-span';

/** An answer as the cache keeps it, shared with identical requests that arrive while it is computed. */
type StoredAnswer = { body: string; headers: Record<string, string> };

/** Header values as one string each, lower-case names: what RequestContext and the cache read. */
export function plainHeaders(headers: FastifyRequest['headers']): Record<string, string> {
  const plain: Record<string, string> = {};
  for (const [key, value] of Object.entries(headers)) {
    if (value !== undefined) plain[key] = Array.isArray(value) ? value.join(', ') : value;
  }
  return plain;
}

/**
 * Fastify's JSON parser on a body checked to be UTF-8 first: decoding invalid bytes would
 * silently turn them into U+FFFD and run a query the client never sent.
 */
export function useStrictJsonParser(app: FastifyInstance): void {
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    if (!isUtf8(body as Buffer)) return done(new InvalidUtf8Error(), undefined);
    void parseJson(request, (body as Buffer).toString('utf8'), done);
  });
}

/**
 * The cache entry for an anonymous, cacheable query (null when the request may not use the
 * shared cache), and the stored answer when there is one.
 */
async function cacheLookup(cache: ResponseCache, request: FastifyRequest, headers: Record<string, string>) {
  if (!ResponseCache.isAnonymous(headers)) return null;
  const body = request.body as CacheableRequest | undefined;
  let operation: CacheableRequest | null = null;
  if (request.method === 'POST' && body && typeof body === 'object' && typeof body.query === 'string') {
    operation = body;
  } else if (request.method === 'GET') {
    const params = new URL(request.url, 'http://localhost').searchParams;
    const query = params.get('query');
    if (!query) return null;
    let variables: unknown = null;
    try {
      variables = JSON.parse(params.get('variables') ?? 'null');
    } catch {
      return null;
    }
    operation = { query, variables, operationName: params.get('operationName') };
  }
  if (!operation) return null;
  const policy = cache.policy(operation);
  if (!policy.cacheable) return null;
  const key = cache.key(operation);
  const { hit, generation } = await cache.get(key);
  return { key, operation, maxAge: policy.maxAge, hit, generation };
}

/**
 * `/graphql` (and `/`): Apollo's official Fastify handler, behind the shared response cache
 * for anonymous readers, within the request deadline (504 GATEWAY_TIMEOUT past it). Apollo
 * calls formatError without the context, so the request id and logger reach it through
 * `errorScopes` (error-scopes.ts).
 *
 * The deadline is hand-written rather than Fastify's `handlerTimeout`: in Fastify 5.12 on
 * Node 20 that timer is cancelled, and `request.signal` aborted, by the request's `close`
 * event, which Node emits as soon as a POST body has been read, i.e. before every GraphQL
 * execution.
 */
/**
 * An answer's text as the bytes sent. Fastify, handed a string, measures its UTF-8 length for
 * Content-Length and then Node encodes it again to write it: a French page is a two-byte string
 * (’, «, é), whose length alone took 26 µs of a 44 KB home page, against 55 µs to encode it
 * once here, after which both read the buffer's length.
 */
function utf8Bytes(body: unknown): unknown {
  return typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
}

export function registerGraphQLRoute(
  app: FastifyInstance,
  options: {
    apollo: ApolloServer<RequestContext>;
    cache?: ResponseCache;
    errorScopes: ErrorScopes;
    requestTimeoutMs: number;
    /** The landing page (development only) loads Apollo Sandbox's scripts, which the default CSP forbids. */
    contentSecurityPolicy: boolean;
    /**
     * A subgraph's key for calls from the gateway: when set, only calls signed with it run
     * (subgraph-signature.ts), and the client address they carry is the request's.
     */
    signedCallsKey?: Buffer;
    /** Counts response-cache hits and misses. */
    metrics?: ProcessMetrics;
    /** Given (tracing on), each request runs in a server span (request-span.ts). */
    tracer?: Tracer;
  },
): void {
  const { apollo, cache, errorScopes, requestTimeoutMs, signedCallsKey, metrics, tracer } = options;
  // The client address a verified gateway call carries, and the request's headers as plain
  // strings (read by the cache and the context), kept on the request (object-slot.ts).
  const callers = objectSlot<FastifyRequest, string>('caller');
  const headersOf = objectSlot<FastifyRequest, Record<string, string>>('plainHeaders');
  const requestHeaders = (request: FastifyRequest): Record<string, string> => {
    let headers = headersOf.get(request);
    if (!headers) {
      headers = plainHeaders(request.headers);
      headersOf.set(request, headers);
    }
    return headers;
  };
  const execute = fastifyApolloHandler<RequestContext>(apollo, {
    context: async (request) => {
      const scope = { requestId: request.id, log: request.log };
      try {
        const contextValue = await createRequestContext(requestHeaders(request), callers.get(request) ?? request.ip, request.id);
        errorScopes.bind(contextValue, scope);
        return contextValue;
      } catch (err) {
        errorScopes.own(err, scope);
        throw err;
      }
    },
  });
  /** Whether the request may run: always without a key; with one, only a fresh call signed with it (POST). */
  const admitted = (request: FastifyRequest): boolean => {
    if (!signedCallsKey) return true;
    const body = request.body as SignedCall | undefined;
    if (request.method !== 'POST' || !body || typeof body !== 'object' || typeof body.query !== 'string') return false;
    const identity = verifySubgraphCall(signedCallsKey, requestHeaders(request), body);
    if (!identity) return false;
    callers.set(request, identity.clientIp);
    return true;
  };
  const withinDeadline = async (request: FastifyRequest, reply: FastifyReply): Promise<unknown> => {
    let timer: NodeJS.Timeout | undefined;
    const expired = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => reject(new DeadlineExceededError(requestTimeoutMs)), requestTimeoutMs);
    });
    const work = Promise.resolve(execute.call(app, request, reply)).then((body) =>
      // Errors Apollo answers before the request has a context carry a stand-in id (error-scopes.ts).
      typeof body === 'string' && reply.statusCode !== 200 ? errorScopes.fillPendingIds(body, request.id) : body,
    );
    // The work goes on after the deadline (a gateway query plan cannot be cancelled midway); its outcome is dropped.
    work.catch(() => undefined);
    try {
      return await Promise.race([work, expired]);
    } finally {
      clearTimeout(timer);
    }
  };
  /**
   * Anonymous cache misses computing right now, by generation and key: an identical request
   * that misses meanwhile waits for that answer instead of computing it again. A purge at peak
   * (a breaking story) turns every reader of the home page into a miss at the same moment;
   * this keeps it one computation per page rather than one per reader. A new generation (a
   * purge while computing) gets a computation of its own.
   */
  const inFlight = new Map<string, Promise<StoredAnswer | null>>();
  const answer = async (request: FastifyRequest, reply: FastifyReply, admittedCall: boolean) => {
    if (!admittedCall) {
      reply.code(401).header('content-type', 'application/json; charset=utf-8');
      return JSON.stringify({
        errors: [{ message: 'This subgraph answers only calls signed by the gateway', extensions: { code: 'UNAUTHENTICATED', requestId: request.id } }],
      });
    }
    const cached = cache ? await cacheLookup(cache, request, requestHeaders(request)) : null;
    if (!cached) {
      const body = await withinDeadline(request, reply);
      if (cache) reply.header('cache-control', 'private, no-store');
      return utf8Bytes(body);
    }
    if (cached.hit) {
      metrics?.responseCache.inc({ result: 'hit' });
      reply.headers({ ...cached.hit.headers, 'cache-control': `public, max-age=${cached.maxAge}`, 'x-cache': 'HIT' });
      return cached.hit.body;
    }
    const flight = `${cached.generation}:${cached.key}`;
    const leader = inFlight.get(flight);
    if (leader) {
      const shared = await leader;
      if (shared) {
        metrics?.responseCache.inc({ result: 'coalesced' });
        reply.headers({ ...shared.headers, 'cache-control': `public, max-age=${cached.maxAge}`, 'x-cache': 'COALESCED' });
        return shared.body;
      }
      // The first request's answer could not be shared (an error, a timeout): compute our own.
    }
    metrics?.responseCache.inc({ result: 'miss' });
    let share!: (answer: StoredAnswer | null) => void;
    if (!leader) inFlight.set(flight, new Promise((resolve) => (share = resolve)));
    let stored: StoredAnswer | null = null;
    try {
      const body = await withinDeadline(request, reply);
      reply.header('cache-control', `public, max-age=${cached.maxAge}`);
      if (typeof body !== 'string' || reply.statusCode !== 200 || body.includes('"errors"')) return body;
      reply.header('x-cache', 'MISS');
      // What the answer contains, so an edge cache can drop it when that changes (cache-tags.ts).
      const surrogateKey = cache!.tags(cached.operation, body).join(' ');
      if (surrogateKey) reply.header('surrogate-key', surrogateKey);
      stored = {
        body,
        headers: {
          'content-type': String(reply.getHeader('content-type') ?? 'application/json; charset=utf-8'),
          ...(surrogateKey ? { 'surrogate-key': surrogateKey } : {}),
        },
      };
      await cache!.set(cached.key, { ...stored, storedAt: Date.now(), maxAge: cached.maxAge }, cached.generation);
      return utf8Bytes(body);
    } finally {
      if (!leader) {
        inFlight.delete(flight);
        share(stored);
      }
    }
  };
  const handler = async (request: FastifyRequest, reply: FastifyReply) => {
    const admittedCall = admitted(request);
    if (!tracer) return answer(request, reply, admittedCall);
    // The gateway's traceparent is followed only on a call whose signature verified (see request-span.ts).
    const parent = callerTraceContext(request, admittedCall && signedCallsKey !== undefined);
    return inRequestSpan(tracer, request, reply, parent, () => answer(request, reply, admittedCall));
  };
  for (const url of ['/graphql', '/']) {
    app.route({
      method: ['GET', 'POST'],
      url,
      config: { contentSecurityPolicy: options.contentSecurityPolicy },
      handler,
    });
  }
}
