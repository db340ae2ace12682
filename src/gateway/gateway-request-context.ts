import path from 'node:path';
import type { GatewayGraphQLRequestContext } from '@apollo/server-gateway-interface';

type HeaderMap = Map<string, string>;
type ServerRequestContext = {
  request: { query?: string; operationName?: string | null; variables?: Record<string, unknown>; extensions?: Record<string, unknown>; http?: { method: string; search: string; headers: HeaderMap } };
  response: { http: { status?: number; headers: HeaderMap } };
  schema: unknown;
  contextValue: unknown;
  queryHash?: string;
  document?: unknown;
  source?: string;
  operationName?: string | null;
  operation?: unknown;
  errors?: unknown;
  metrics: unknown;
  overallCachePolicy: unknown;
  requestIsBatched: boolean;
};
type Make = ((requestContext: ServerRequestContext, server: { logger: unknown; cache: unknown }, internals: { includeStacktraceInErrorResponses: boolean }) => GatewayGraphQLRequestContext) & { lean?: true };
type MakeModule = { makeGatewayGraphQLRequestContext: Make };

/** Apollo Server's header map seen as the Fetch API's `Headers`, as Apollo's own adapter does. */
class HeadersOfMap {
  constructor(private readonly map: HeaderMap) {}
  append(name: string, value: string): void {
    const had = this.map.get(name);
    this.map.set(name, had === undefined ? value : `${had}, ${value}`);
  }
  delete(name: string): void {
    this.map.delete(name);
  }
  get(name: string): string | null {
    return this.map.get(name) ?? null;
  }
  has(name: string): boolean {
    return this.map.has(name);
  }
  set(name: string, value: string): void {
    this.map.set(name, value);
  }
  entries(): IterableIterator<[string, string]> {
    return this.map.entries();
  }
  keys(): IterableIterator<string> {
    return this.map.keys();
  }
  values(): IterableIterator<string> {
    return this.map.values();
  }
  [Symbol.iterator](): IterableIterator<[string, string]> {
    return this.map.entries();
  }
}

/**
 * The response head a gateway sees: its status read from and written to the request's own.
 * (Its only own property is `headers`; Apollo's literal also has `status` as an own accessor,
 * which nothing reads as a property list.)
 */
class ResponseHead {
  readonly headers: HeadersOfMap;
  readonly #head: { status?: number; headers: HeaderMap };
  constructor(head: { status?: number; headers: HeaderMap }) {
    this.#head = head;
    this.headers = new HeadersOfMap(head.headers);
  }
  get status(): number | undefined {
    return this.#head.status;
  }
  set status(status: number | undefined) {
    this.#head.status = status;
  }
}

/**
 * Apollo Server builds, for each request it hands a gateway, a context object
 * (`makeGatewayGraphQLRequestContext`) whose response head is an object literal with a getter
 * and a setter for `status`. V8 gives each such literal a hidden class of its own, kept in the
 * old generation, and its accessors are closures over the request: every young-generation
 * collection then found each recent request reachable from the old generation and moved its
 * whole answer and context there. Measured with `node --trace-gc-nvp` on Apollo Server with a
 * gateway answering a 3,000-item list: 6.7 MB moved per collection, 13–15 ms each and a full
 * collection every 15; built as below, 13 KB and 0.7 ms. The home page through Apollo Server
 * and the gateway in one process: 3.3 MB per collection before, 15–380 KB after.
 *
 * The same object is built here with the accessors on a class's prototype, field for field as
 * Apollo Server 5 builds it. Apollo Server calls the function through its module's export, which
 * is replaced once per process. Returns whether the replacement is in place, so that a release
 * of Apollo Server that moves the function shows in `test/unit/request-lifetime.test.ts`.
 */
export function leanGatewayRequestContexts(): boolean {
  let module: MakeModule;
  try {
    const serverDir = path.dirname(require.resolve('@apollo/server'));
    module = require(path.join(serverDir, 'utils/makeGatewayGraphQLRequestContext.js')) as MakeModule;
  } catch {
    return false;
  }
  if (typeof module.makeGatewayGraphQLRequestContext !== 'function') return false;
  if (module.makeGatewayGraphQLRequestContext.lean) return true;
  const lean: Make = (requestContext, server, internals) => {
    const from = requestContext.request;
    const request: GatewayGraphQLRequestContext['request'] = {};
    if ('query' in from) request.query = from.query;
    if ('operationName' in from) request.operationName = from.operationName as string | undefined;
    if ('variables' in from) request.variables = from.variables;
    if ('extensions' in from) request.extensions = from.extensions;
    if (from.http) {
      const search = from.http.search;
      const question = search !== '' && !search.startsWith('?');
      request.http = {
        method: from.http.method,
        url: `https://unknown-url.invalid/${question ? '?' : ''}${search}`,
        headers: new HeadersOfMap(from.http.headers) as unknown as NonNullable<GatewayGraphQLRequestContext['request']['http']>['headers'],
      };
    }
    return {
      request,
      response: { http: new ResponseHead(requestContext.response.http) },
      logger: server.logger,
      schema: requestContext.schema,
      schemaHash: 'schemaHash no longer exists since Apollo Server 4',
      context: requestContext.contextValue,
      cache: server.cache,
      queryHash: requestContext.queryHash,
      document: requestContext.document,
      source: requestContext.source,
      operationName: requestContext.operationName,
      operation: requestContext.operation,
      errors: requestContext.errors,
      metrics: requestContext.metrics,
      debug: internals.includeStacktraceInErrorResponses,
      overallCachePolicy: requestContext.overallCachePolicy,
      requestIsBatched: requestContext.requestIsBatched,
    } as unknown as GatewayGraphQLRequestContext;
  };
  lean.lean = true;
  module.makeGatewayGraphQLRequestContext = lean;
  return true;
}
