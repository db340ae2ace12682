/**
 * Runs one subgraph as its own service: `npm run subgraph -- editorial [--port 4001]`.
 * The gateway then reaches it at the URL in schema/supergraph.graphql, or the one given in
 * SUBGRAPH_<NAME>_URL.
 */
import 'reflect-metadata';
import { openDatabases } from '../app/open-databases';
import { ReadRouting } from '../db/read-routing';
import { startSubgraphServer } from '../server/subgraph-server';
import { subgraphModules } from '../subgraphs/subgraph-modules';
import type { SubgraphName } from '../db/database-config';
import { checkSettings } from '../config/settings';
import { mailerConfig } from '../mail/create-mailer';
import { argValue } from './args';
import { createEventChannels } from '../events/event-channels';
import type { EventOutbox } from '../events/event-outbox';
import { outboxFlushPlugin } from '../events/outbox-flush.plugin';
import { exitOnStartFailure } from './start-failure';
import { metricsEnabled, ProcessMetrics } from '../observability/process-metrics';
import { sqlCounter } from '../db/sql-counter';
import { startTracing } from '../observability/tracing';
import { exitAfterDrain } from './graceful-exit';

async function main(): Promise<void> {
  checkSettings();
  const name = process.argv[2] as SubgraphName;
  const mod = subgraphModules()[name];
  if (!mod) throw new Error(`usage: npm run subgraph -- <${Object.keys(subgraphModules()).join('|')}> [--port N]`);
  // The accounts subgraph sends mail: settings that cannot work stop it before any database is opened.
  if (name === 'accounts') mailerConfig();
  // Off unless an OTLP endpoint is configured (OTEL_EXPORTER_OTLP_ENDPOINT).
  const tracing = startTracing(`newsroom-${name}`);
  const port = Number(argValue('--port') ?? process.env.PORT ?? mod.defaultPort);
  const readRouting = new ReadRouting(Number(process.env.READ_YOUR_WRITES_MS ?? 2000));
  const dataSources = await openDatabases([mod], { readRouting });
  if (process.env.SEED_DEMO !== '0') await mod.seedDemo?.(dataSources.get(name)!);
  // Events between processes: Redis Streams with EVENT_BROKER_URL (see src/events/).
  const events = await createEventChannels(process.env);
  // Mutations answer once their events are on the broker (the subgraph's outbox relayed).
  let outbox: EventOutbox | undefined;
  const metrics = metricsEnabled() ? new ProcessMetrics({ sqlStatements: () => sqlCounter.total }) : undefined;
  const server = await startSubgraphServer(mod, dataSources.get(name)!, {
    port,
    host: process.env.HOST ?? '127.0.0.1',
    readRouting,
    config: { events, metrics },
    http: { plugins: [outboxFlushPlugin(async () => outbox?.drain())], metrics, tracer: tracing?.tracer },
  });
  outbox = server.subgraph.outbox;
  if (outbox) metrics?.watchOutbox(name, outbox);
  if (process.env.JOBS !== '0') mod.startJobs?.(dataSources.get(name)!, events);
  console.log(`Subgraph ${name} ready at http://localhost:${server.port}/graphql`);
  // Graceful drain: no new connections, requests in flight finish (10 s at most), then buffers and spans flush and exit.
  exitAfterDrain([() => server.stop(), () => events.close(), () => tracing?.shutdown()]);
}

main().catch(exitOnStartFailure);
