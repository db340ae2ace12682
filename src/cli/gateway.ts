/**
 * Runs the gateway alone against subgraphs served elsewhere: the URLs written in
 * schema/supergraph.graphql, each overridable with SUBGRAPH_<NAME>_URL.
 */
import 'reflect-metadata';
import { checkSettings } from '../config/settings';
import { createGateway } from '../gateway/create-gateway';
import { gatewayOperationGuards } from '../limits/gateway-operation-guards';
import { startGraphQLServer } from '../server/graphql-http-server';
import { EdgePurge } from '../cache/edge-purge';
import { ResponseCache } from '../cache/response-cache';
import { createEventChannels } from '../events/event-channels';
import { gatewayReadiness } from '../gateway/gateway-readiness';
import { LogThrottle } from '../errors/log-throttle';
import { createHttpLogger } from '../server/http-logger';
import { httpConfigFromEnv } from '../server/http-config';
import { exitOnStartFailure } from './start-failure';
import { ideModeFromEnv } from '../ide/ide-mode';
import { ideServerOptions } from '../ide/ide-server-options';
import { metricsEnabled, ProcessMetrics } from '../observability/process-metrics';
import { startTracing } from '../observability/tracing';
import { exitAfterDrain } from './graceful-exit';

async function main(): Promise<void> {
  checkSettings();
  // Off unless an OTLP endpoint is configured (OTEL_EXPORTER_OTLP_ENDPOINT).
  const tracing = startTracing('newsroom-gateway');
  const port = Number(process.env.PORT ?? 4000);
  const mode = ideModeFromEnv(process.env);
  const ide = ideServerOptions(mode, { production: process.env.NODE_ENV === 'production' });
  // A gateway apart hears the fleet's events (EVENT_BROKER_URL) to purge its response cache and the edge.
  const events = await createEventChannels(process.env);
  const edgePurge = EdgePurge.fromEnv();
  // One log and one throttle for the host and the subgraph calls: a subgraph down fails every
  // request alike, and its failures are collapsed with the host's own (log-throttle.ts).
  const logger = createHttpLogger(httpConfigFromEnv().logLevel);
  const logThrottle = new LogThrottle();
  const server = await startGraphQLServer({
    gateway: createGateway({ failureLog: { log: logger.child({ component: 'gateway' }), throttle: logThrottle } }),
    logger,
    logThrottle,
    operationGuards: gatewayOperationGuards(),
    port,
    host: process.env.HOST ?? '0.0.0.0',
    // Not ready while its broker or a required subgraph (editorial) is unreachable.
    ready: gatewayReadiness({ events }),
    responseCache: process.env.RESPONSE_CACHE !== 'off' ? new ResponseCache(undefined, undefined, events.bus) : undefined,
    // No database here: no SQL or outbox series, only requests, cache, refusals and Node's own.
    metrics: metricsEnabled() ? new ProcessMetrics() : undefined,
    tracer: tracing?.tracer,
    ...ide,
  });
  if (edgePurge) events.bus.subscribe((event) => edgePurge.onEvent(event));
  console.log(`Gateway ready at http://localhost:${server.port}/graphql`);
  if (mode !== 'off') console.log(`GraphQL IDE at http://localhost:${server.port}/ide${mode === 'staff' ? ' (staff sign-in)' : ''}`);
  // Graceful drain: no new connections, requests in flight finish (10 s at most), their spans are exported, then exit.
  exitAfterDrain([() => server.stop(), () => events.close(), () => tracing?.shutdown()]);
}

main().catch(exitOnStartFailure);
