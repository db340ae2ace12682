import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer, HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import type { ApolloGateway } from '@apollo/gateway';
import type { GraphQLSchema } from 'graphql';
import { createRequestContext, type RequestContext } from '../context/request-context';
import { formatError } from '../errors/format-error';
import { accessTokenKey } from '../auth/token-keys';
import { ResponseCache, type CacheableRequest } from '../cache/response-cache';

/** A plain HTTP endpoint served beside GraphQL (e.g. a subgraph's `/beacon`); `client.ip` as for rate limits. */
export type HttpRoute = (req: http.IncomingMessage, res: http.ServerResponse, client: { ip: string }) => void | Promise<void>;

export type RunningServer = { url: string; port: number; server: http.Server; apollo: ApolloServer<RequestContext>; stop(): Promise<void> };

const MAX_BODY = 1024 * 1024;

function isProduction(): boolean {
  return process.env.NODE_ENV === 'production';
}

/**
 * Serves one GraphQL endpoint (the gateway, or a subgraph on its own) at /graphql on plain
 * node:http, with /healthz for load balancers. Request bodies are capped at 1 MiB.
 */
export async function startGraphQLServer(options: {
  gateway?: ApolloGateway;
  schema?: GraphQLSchema;
  port: number;
  host?: string;
  /** The shared full-response cache for anonymous readers (gateway only). */
  responseCache?: ResponseCache;
  /** Plain HTTP endpoints by exact path, or by prefix with a key ending in `/*`, answered before GraphQL. */
  routes?: Record<string, HttpRoute>;
  /** What a browser gets at /graphql; Apollo's own landing pages load from CDNs, so none by default. */
  landingPage?: ApolloServerPlugin<RequestContext>;
  plugins?: ApolloServerPlugin<RequestContext>[];
  /** Defaults to on outside production. */
  introspection?: boolean;
}): Promise<RunningServer> {
  const production = isProduction();
  // Fail at start, not at the first signed-in request, when production has no signing key.
  accessTokenKey();
  const apollo = new ApolloServer<RequestContext>({
    ...(options.gateway ? { gateway: options.gateway } : { schema: options.schema! }),
    formatError,
    includeStacktraceInErrorResponses: false,
    introspection: options.introspection ?? !production,
    plugins: [
      options.landingPage ?? ApolloServerPluginLandingPageDisabled(),
      ...(options.plugins ?? []),
      // Subgraphs answer the gateway without Apollo Studio trace payloads.
      ...(options.schema ? [ApolloServerPluginInlineTraceDisabled()] : []),
      // Cache policy is computed once per operation by the response cache (cache-policy.ts);
      // Apollo's per-field cache-control hooks would wrap every resolver for nothing.
      ApolloServerPluginCacheControlDisabled(),
    ],
  } as ConstructorParameters<typeof ApolloServer<RequestContext>>[0]);
  await apollo.start();

  const server = http.createServer((req, res) => {
    handle(apollo, req, res, options.responseCache, options.routes).catch((err) => {
      console.error('[http]', err);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] }));
    });
  });
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve) => server.listen(options.port, options.host ?? '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://${options.host ?? '127.0.0.1'}:${port}/graphql`,
    port,
    server,
    apollo,
    async stop() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections?.();
      await apollo.stop();
      await options.responseCache?.close();
    },
  };
}

/** The client address; X-Forwarded-For is trusted only when TRUST_PROXY=1 (behind a known proxy). */
function clientIp(req: http.IncomingMessage): string {
  const forwarded = req.headers['x-forwarded-for'];
  if (process.env.TRUST_PROXY === '1' && typeof forwarded === 'string') return forwarded.split(',')[0].trim();
  return req.socket.remoteAddress ?? '';
}

/**
 * The cache entry for an anonymous, cacheable query (null when the request may not use the
 * shared cache), and the stored answer when there is one.
 */
async function cacheLookup(cache: ResponseCache, method: string, url: URL, body: unknown, headers: Record<string, string>) {
  if (!ResponseCache.isAnonymous(headers)) return null;
  let request: CacheableRequest | null = null;
  if (method === 'POST' && body && typeof body === 'object' && typeof (body as CacheableRequest).query === 'string') {
    request = body as CacheableRequest;
  } else if (method === 'GET' && url.searchParams.get('query')) {
    let variables: unknown = null;
    try {
      variables = JSON.parse(url.searchParams.get('variables') ?? 'null');
    } catch {
      return null;
    }
    request = { query: url.searchParams.get('query')!, variables, operationName: url.searchParams.get('operationName') };
  }
  if (!request) return null;
  const policy = cache.policy(request);
  if (!policy.cacheable) return null;
  const key = cache.key(request);
  return { key, maxAge: policy.maxAge, hit: await cache.get(key) };
}

async function readBody(req: http.IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** The route whose `/*` key is a prefix of the path (the longest, should several match). */
function prefixRoute(routes: Record<string, HttpRoute> | undefined, pathname: string): HttpRoute | undefined {
  let best: string | undefined;
  for (const key of Object.keys(routes ?? {})) {
    if (key.endsWith('/*') && pathname.startsWith(key.slice(0, -1)) && (!best || key.length > best.length)) best = key;
  }
  return best ? routes![best] : undefined;
}

async function handle(
  apollo: ApolloServer<RequestContext>,
  req: http.IncomingMessage,
  res: http.ServerResponse,
  cache: ResponseCache | undefined,
  routes: Record<string, HttpRoute> | undefined,
): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (url.pathname === '/healthz') {
    res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
    return;
  }
  const route = routes?.[url.pathname] ?? prefixRoute(routes, url.pathname);
  if (route) return route(req, res, { ip: clientIp(req) });
  if (url.pathname !== '/graphql' && url.pathname !== '/') {
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    return;
  }
  const headers = new HeaderMap();
  const plain: Record<string, string> = {};
  for (const [key, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    const joined = Array.isArray(value) ? value.join(', ') : value;
    headers.set(key, joined);
    plain[key.toLowerCase()] = joined;
  }
  const raw = req.method === 'POST' ? await readBody(req) : '';
  if (raw === null) {
    res.writeHead(413, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ errors: [{ message: 'Request body too large', extensions: { code: 'BAD_REQUEST' } }] }));
    return;
  }
  let body: unknown = raw;
  if (raw && (plain['content-type'] ?? '').includes('application/json')) {
    try {
      body = JSON.parse(raw);
    } catch {
      res.writeHead(400, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ errors: [{ message: 'Malformed JSON body', extensions: { code: 'BAD_REQUEST' } }] }));
      return;
    }
  }
  const cached = cache ? await cacheLookup(cache, req.method ?? 'GET', url, body, plain) : null;
  if (cached?.hit) {
    res.writeHead(200, { ...cached.hit.headers, 'cache-control': `public, max-age=${cached.maxAge}`, 'x-cache': 'HIT' });
    res.end(cached.hit.body);
    return;
  }
  const response = await apollo.executeHTTPGraphQLRequest({
    httpGraphQLRequest: { method: (req.method ?? 'GET').toUpperCase(), headers, search: url.search, body },
    context: () => createRequestContext(plain, clientIp(req)),
  });
  for (const [key, value] of response.headers) res.setHeader(key, value);
  res.statusCode = response.status ?? 200;
  if (cache) res.setHeader('cache-control', cached ? `public, max-age=${cached.maxAge}` : 'private, no-store');
  if (response.body.kind === 'complete') {
    if (cached && res.statusCode === 200 && !response.body.string.includes('"errors"')) {
      res.setHeader('x-cache', 'MISS');
      await cache!.set(cached.key, {
        body: response.body.string,
        headers: { 'content-type': response.headers.get('content-type') ?? 'application/json; charset=utf-8' },
        storedAt: Date.now(),
        maxAge: cached.maxAge,
      });
    }
    res.end(response.body.string);
    return;
  }
  for await (const chunk of response.body.asyncIterator) res.write(chunk);
  res.end();
}

