import { randomUUID } from 'node:crypto';

/** Who is asking. Anonymous readers have no viewer. */
export type Viewer = { userId: number; roles: string[] };

/**
 * What every resolver of every subgraph receives. In one process the gateway hands this same
 * object to each subgraph; over HTTP each subgraph builds its own from the forwarded headers.
 * Per-request loaders hang off this object (see `perRequest`).
 */
export type RequestContext = {
  requestId: string;
  /** One clock reading per request, so every visibility check in it agrees. */
  now: Date;
  viewer: Viewer | null;
  headers: Record<string, string>;
};

export function createRequestContext(headers: Record<string, string> = {}, viewer: Viewer | null = null): RequestContext {
  return { requestId: headers['x-request-id'] || randomUUID(), now: new Date(), viewer, headers };
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
