import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import type { GatewayInterface } from '@apollo/server-gateway-interface';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import fastifyCors from '@fastify/cors';
import type { Logger } from 'pino';
import type { GraphQLSchema } from 'graphql';
import type { RequestContext } from '../context/request-context';
import { ErrorScopes } from '../errors/error-scopes';
import { createFormatError } from '../errors/format-error';
import { LogThrottle } from '../errors/log-throttle';
import { accessTokenKey } from '../auth/token-keys';
import type { ReadRouting } from '../db/read-routing';
import { readRoutingPlugin } from '../db/read-routing.plugin';
import type { GatewayOperationGuards } from '../limits/gateway-operation-guards';
import type { ResponseCache } from '../cache/response-cache';
import { corsPolicy } from './cors-policy';
import { registerGraphQLRoute, useStrictJsonParser } from './graphql-route';
import { registerHealthRoutes } from './health-routes';
import { httpConfigFromEnv, type HttpConfig } from './http-config';
import { handleHttpError, handleNotFound } from './http-errors';
import { createHttpLogger, useAccessLog } from './http-logger';
import { requireResolvedOperationPlugin } from './operation-resolution';
import { hideTypeLookupsPlugin, NoSchemaDumpRule } from './production-introspection';
import { registerPlainRoutes, type HttpRoute } from './plain-routes';
import { requestIdFrom } from './request-id';
import { captureHelmetHeaders, useSecurityHeaders } from './security-headers';
import { ConfigurationError } from '../errors/configuration-error';
import type { ProcessMetrics } from '../observability/process-metrics';
import { metricsPlugin } from '../observability/metrics.plugin';
import { registerMetricsRoute } from '../observability/metrics-route';
import type { Tracer } from '@opentelemetry/api';
import { tracingPlugin } from '../observability/tracing.plugin';


export type RunningServer = {
  url: string;
  port: number;
  server: http.Server;
  fastify: FastifyInstance;
  apollo: ApolloServer<RequestContext>;
  logger: Logger;
  /** Graceful drain: stops accepting, lets requests in flight finish (at most `drainTimeoutMs`), then closes. */
  stop(): Promise<void>;
};

export type GraphQLServerOptions = Partial<HttpConfig> & {
  gateway?: GatewayInterface;
  schema?: GraphQLSchema;
  port: number;
  host?: string;
  /** The shared full-response cache for anonymous readers (gateway only). */
  responseCache?: ResponseCache;
  /** Plain HTTP endpoints by path, answered beside GraphQL; a key ending in `/*` serves a prefix. */
  routes?: Record<string, HttpRoute>;
  /** Operation limits, cost, rate limits and persisted operations (gateway only; see src/limits/). */
  operationGuards?: GatewayOperationGuards;
  /** A subgraph's key for gateway calls: set, it refuses every call the gateway did not sign. */
  signedCallsKey?: Buffer;
  /** Sends this process's reads to MySQL replicas except where a request must see its own writes. */
  readRouting?: ReadRouting;
  /** The page a browser gets at /graphql (the IDE's, see src/ide/); none by default: Apollo's loads from CDNs. */
  landingPage?: ApolloServerPlugin<RequestContext>;
  /**
   * Introspection in production: off unless given (the IDE with IDE=on lets staff introspect,
   * a plugin of its own refusing everyone else). Development always introspects.
   */
  introspection?: boolean;
  /** More Apollo Server plugins (operation limits, persisted operations, metrics …), after the host's own. */
  plugins?: ApolloServerPlugin<RequestContext>[];
  /** Readiness for `/readyz`: true, or false / a reason while the process should get no traffic. */
  ready?: () => Promise<boolean | string>;
  /** The log to write to; by default a pino logger at `LOG_LEVEL` on stdout. */
  logger?: Logger;
  /** Collapses repeated identical error lines (see log-throttle.ts); one from LOG_REPEAT_* by default. */
  logThrottle?: LogThrottle;
  /** How long `stop()` waits for requests in flight before closing their connections. */
  drainTimeoutMs?: number;
  /** The process's Prometheus metrics: given, operations are timed and counted and `GET /metrics` serves them. */
  metrics?: ProcessMetrics;
  /** This process's tracer when tracing is on (observability/tracing.ts): each GraphQL request then runs in a server span. */
  tracer?: Tracer;
};

/** The GraphQL-over-HTTP limit: a larger body is refused with 413 and a closed connection. */
export const MAX_BODY_BYTES = 1024 * 1024;

/**
 * Serves one GraphQL endpoint (the gateway, or a subgraph on its own) at /graphql on Fastify
 * with Apollo's official integration: CORS, security headers (helmet's), a 1 MiB body limit,
 * request ids, proxy trust by hop count, a request deadline, health and readiness, a JSON
 * access log, and a graceful drain. Settings not given come from the environment
 * (`httpConfigFromEnv`).
 */
export async function startGraphQLServer(options: GraphQLServerOptions): Promise<RunningServer> {
  const config: HttpConfig = { ...httpConfigFromEnv(), ...definedOnly(options) };
  // Fail at start, not at the first signed-in request, when production has no signing key.
  accessTokenKey();
  const logger = options.logger ?? createHttpLogger(config.logLevel);
  const errorScopes = new ErrorScopes();
  const logThrottle = options.logThrottle ?? new LogThrottle();
  const apollo = new ApolloServer<RequestContext>({
    ...(options.gateway ? { gateway: options.gateway } : { schema: options.schema! }),
    formatError: createFormatError((error) => errorScopes.of(error), logThrottle, errorScopes.pendingId, logger),
    // Apollo's own warnings as JSON lines in the same log, not console text.
    logger: logger.child({ component: 'apollo' }),
    includeStacktraceInErrorResponses: false,
    // The CLI entry points own SIGTERM/SIGINT (drain, then flush spans and buffers, then exit).
    // Apollo's own handler (on outside NODE_ENV=test) stops Apollo alone and then re-raises the
    // signal, which killed the process in the middle of that drain.
    stopOnTerminationSignals: false,
    ...(options.operationGuards
      ? { parseOptions: options.operationGuards.parseOptions, persistedQueries: options.operationGuards.persistedQueries }
      : {}),
    // Production: no schema dump, and `__type` answers null whatever the name (production-introspection.ts).
    introspection: true,
    validationRules: config.production && !options.introspection ? [NoSchemaDumpRule] : [],
    // No "Did you mean …?" in production: suggestions spell out the schema introspection hides.
    hideSchemaDetailsFromClientErrors: config.production,
    plugins: [
      errorScopes.plugin<RequestContext>(),
      // Before the limits, so that the time of a refused operation is measured too.
      ...(options.metrics ? [metricsPlugin<RequestContext>(options.metrics)] : []),
      ...(options.tracer ? [tracingPlugin<RequestContext>()] : []),
      // The limits first: nothing else should work on an operation they refuse.
      ...(options.operationGuards?.plugins ?? []),
      // Never Apollo's landing page (it loads from CDNs): the IDE's page, or none.
      options.landingPage ?? ApolloServerPluginLandingPageDisabled(),
      ...(config.production && !options.introspection ? [hideTypeLookupsPlugin<RequestContext>()] : []),
      // Subgraphs answer the gateway without Apollo Studio trace payloads.
      ...(options.schema ? [ApolloServerPluginInlineTraceDisabled()] : []),
      // Cache policy is computed once per operation by the response cache (cache-policy.ts);
      // Apollo's per-field cache-control hooks would wrap every resolver for nothing.
      ApolloServerPluginCacheControlDisabled(),
      requireResolvedOperationPlugin<RequestContext>(),
      ...(options.readRouting ? [readRoutingPlugin(options.readRouting)] : []),
      ...(options.plugins ?? []),
    ],
  } as ConstructorParameters<typeof ApolloServer<RequestContext>>[0]);
  await apollo.start();

  let draining = false;
  const app: FastifyInstance = Fastify({
    loggerInstance: logger as FastifyBaseLogger,
    // One access-log line per request (http-logger.ts) instead of Fastify's two.
    logController: new LogController({ disableRequestLogging: true, requestIdLogLabel: 'requestId' }),
    genReqId: (req) => requestIdFrom(req.headers['x-request-id']),
    // Hops, never `true`: the leftmost X-Forwarded-For entry is whatever the client wrote.
    // proxy-addr walks from the socket leftwards, asking whether address i is a trusted proxy;
    // the first `hops` are (Express's hop count; Fastify 5.12 reads a bare number as "none").
    trustProxy: config.trustProxyHops > 0 ? (_address: string, hop: number) => hop < config.trustProxyHops : false,
    bodyLimit: MAX_BODY_BYTES,
    // Slow clients: the whole request must arrive within 30 s, idle keep-alive sockets close after 65 s.
    requestTimeout: 30_000,
    keepAliveTimeout: 65_000,
    forceCloseConnections: 'idle',
    return503OnClosing: true,
  });
  (app.server as http.Server).headersTimeout = 10_000;
  app.setErrorHandler(handleHttpError);
  app.setNotFoundHandler(handleNotFound);
  // On the raw response, so that routes answering on it (plain routes) send it too.
  app.addHook('onRequest', (request, reply, done) => {
    reply.raw.setHeader('x-request-id', request.id);
    done();
  });
  // While draining, every answer closes its connection, so keep-alive clients move elsewhere.
  app.addHook('onSend', (_request, reply, payload, done) => {
    if (draining) reply.header('connection', 'close');
    done(null, payload);
  });
  // Each request's database reads share one routing decision (replica or primary), set here
  // after the body is read so that everything the handler awaits runs inside it.
  const readRouting = options.readRouting;
  if (readRouting) app.addHook('preHandler', (_request, _reply, done) => readRouting.run(() => done()));
  useAccessLog(app);
  useSecurityHeaders(app, await captureHelmetHeaders());
  await app.register(fastifyCors, { delegator: corsPolicy(config.corsOrigins, !config.production) });
  useStrictJsonParser(app);
  registerHealthRoutes(app, { ready: options.ready, draining: () => draining });
  if (options.metrics) registerMetricsRoute(app, options.metrics);
  registerGraphQLRoute(app, {
    apollo,
    cache: options.responseCache,
    errorScopes,
    requestTimeoutMs: config.requestTimeoutMs,
    contentSecurityPolicy: config.production,
    signedCallsKey: options.signedCallsKey,
    metrics: options.metrics,
    tracer: options.tracer,
  });
  if (options.routes) registerPlainRoutes(app, options.routes, () => draining);

  const host = options.host ?? '127.0.0.1';
  try {
    await app.listen({ port: options.port, host });
  } catch (err) {
    // Nothing of this server may outlive the failure (the cache listens to content events).
    await app.close();
    await apollo.stop();
    await options.responseCache?.close();
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new ConfigurationError(`Port ${options.port} on ${host} is already in use: stop the other process or set PORT`);
    if (code === 'EACCES') throw new ConfigurationError(`Not allowed to listen on port ${options.port} on ${host}: choose a port above 1023`);
    if (code === 'EADDRNOTAVAIL') throw new ConfigurationError(`Address ${host} is not available on this machine: check HOST`);
    throw err;
  }
  const port = (app.server.address() as AddressInfo).port;
  const drainTimeoutMs = options.drainTimeoutMs ?? 10_000;
  let stopping: Promise<void> | undefined;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}/graphql`,
    port,
    server: app.server as http.Server,
    fastify: app,
    apollo,
    logger,
    stop() {
      stopping ??= (async () => {
        draining = true;
        const force = setTimeout(() => (app.server as http.Server).closeAllConnections(), drainTimeoutMs);
        try {
          await app.close();
        } finally {
          clearTimeout(force);
        }
        await apollo.stop();
        await options.responseCache?.close();
        logThrottle.flush();
      })();
      return stopping;
    },
  };
}

function definedOnly(options: GraphQLServerOptions): Partial<HttpConfig> {
  const picked: Partial<HttpConfig> = {};
  for (const key of ['production', 'trustProxyHops', 'corsOrigins', 'requestTimeoutMs', 'logLevel'] as const) {
    if (options[key] !== undefined) (picked as Record<string, unknown>)[key] = options[key];
  }
  return picked;
}
