import { randomUUID } from 'node:crypto';
import { verifyAccessToken, type TokenFailure } from '../auth/access-token';
import type { Viewer } from '../auth/viewer';

/**
 * What every resolver of every subgraph receives. In one process the gateway hands this same
 * object to each subgraph; over HTTP each subgraph builds its own from the forwarded headers,
 * verifying the token itself. Per-request loaders hang off this object (see `perRequest`).
 */
export type RequestContext = {
  requestId: string;
  /** One clock reading per request, so every visibility check in it agrees. */
  now: Date;
  viewer: Viewer | null;
  /** Why a bearer token was refused, if one was sent; protected fields report it. */
  authFailure?: TokenFailure;
  /** The client's address, for rate limits. */
  ip: string;
  headers: Record<string, string>;
  /** Aborted when the HTTP host's request deadline passes: long work (subgraph calls, queries) may stop early. */
  signal?: AbortSignal;
};

/** `requestId` is the HTTP host's (a sanitised `x-request-id` or a fresh one); callers without a host get a fresh one. */
export async function createRequestContext(
  headers: Record<string, string> = {},
  ip = '',
  requestId: string = randomUUID(),
  signal?: AbortSignal,
): Promise<RequestContext> {
  const ctx: RequestContext = { requestId, now: new Date(), viewer: null, ip, headers, ...(signal ? { signal } : {}) };
  const auth = headers.authorization ?? '';
  const match = /^Bearer\s+(\S+)$/i.exec(auth);
  if (match) {
    const result = await verifyAccessToken(match[1]);
    if ('viewer' in result) ctx.viewer = result.viewer;
    else ctx.authFailure = result.failure;
  } else if (auth) {
    ctx.authFailure = 'invalid';
  }
  return ctx;
}

/** Memoises `make()` per request context object: the home of per-request DataLoaders. */
export function perRequest<T>(make: (ctx: RequestContext) => T): (ctx: RequestContext) => T {
  const cache = new WeakMap<object, T>();
  return (ctx) => {
    let value = cache.get(ctx);
    if (value === undefined) {
      value = make(ctx);
      cache.set(ctx, value);
    }
    return value;
  };
}

/**
 * Who the client is, for its rate-limit budgets and its read-your-own-writes window: the user or the service token when the request carries
 * a valid token (whatever address it comes from), else the client address.
 */
export function clientKey(ctx: Pick<RequestContext, 'viewer' | 'ip'>): string {
  const viewer = ctx.viewer;
  if (viewer?.kind === 'user') return `user:${viewer.userId}`;
  if (viewer?.kind === 'service') return `service:${viewer.serviceTokenId}`;
  return `ip:${ctx.ip || 'unknown'}`;
}
