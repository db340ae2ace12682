import type { GraphQLSchema } from 'graphql';
import type { DataSource } from 'typeorm';
import type { DatabaseTarget } from '../db/database-config';
import { createGateway } from '../gateway/create-gateway';
import { startGraphQLServer, type GraphQLServerOptions, type RunningServer } from '../server/graphql-http-server';
import { EdgePurge } from '../cache/edge-purge';
import { ResponseCache } from '../cache/response-cache';
import type { ContentEventBus } from '../events/content-events';
import { createEventChannels, type EventChannels } from '../events/event-channels';
import { outboxFlushPlugin } from '../events/outbox-flush.plugin';
import { gatewayOperationGuards, type GatewayOperationGuards } from '../limits/gateway-operation-guards';
import { subgraphList } from '../subgraphs/subgraph-modules';
import type { SubgraphConfig, SubgraphRuntimes } from '../subgraphs/subgraph-config';
import type { RunningSubgraph, SubgraphModule } from '../subgraphs/subgraph-module';
import type { SubgraphPeers } from '../subgraphs/subgraph-peers';
import { closeDatabases, openDatabases } from './open-databases';
import { ReadRouting } from '../db/read-routing';
import { ideModeFromEnv, type IdeMode } from '../ide/ide-mode';
import { ideServerOptions } from '../ide/ide-server-options';
import { metricsEnabled, ProcessMetrics } from '../observability/process-metrics';
import { sqlCounter } from '../db/sql-counter';
import { readinessOf } from '../server/readiness-checks';

export type NewsroomApp = {
  url: string;
  gateway: RunningServer;
  dataSources: Map<string, DataSource>;
  schemas: Record<string, GraphQLSchema>;
  /** Every content event this process hears, after its commit (tests watch it). */
  events: ContentEventBus;
  /** The process's event channels, for another subgraph instance started beside the app. */
  channels: EventChannels;
  /** Relays every committed event now (a test that wrote without a mutation, e.g. a scheduler pass). */
  settleEvents(): Promise<void>;
  /** The runtime a subgraph's composition root built in this app (tests reach its mailer, buffers, counters). */
  runtime<N extends keyof SubgraphRuntimes>(name: N): SubgraphRuntimes[N];
  /** The process's Prometheus metrics, served at /metrics (undefined with METRICS=off). */
  metrics?: ProcessMetrics;
  stop(): Promise<void>;
};

/**
 * The whole supergraph in one process: every subgraph's database opened and migrated,
 * optionally seeded with the demo newsroom when empty, and the gateway executing each
 * subgraph in process from the committed supergraph.
 */
export async function startNewsroom(
  options: {
    port?: number;
    host?: string;
    seedDemo?: boolean;
    modules?: SubgraphModule[];
    targets?: Partial<Record<string, DatabaseTarget>>;
    /** The anonymous full-response cache: on unless RESPONSE_CACHE=off. */
    responseCache?: boolean;
    /** Background jobs such as the publication scheduler (off unless asked: tests drive them). */
    jobs?: boolean;
    /** Operation limits, cost, rate limits, persisted operations: from the environment unless given; false for none. */
    operationGuards?: GatewayOperationGuards | false;
    /** HTTP host settings over the environment's (production mode, CORS origins, Apollo plugins, logger …). */
    http?: Omit<GraphQLServerOptions, 'gateway' | 'schema' | 'port' | 'host' | 'routes' | 'responseCache'>;
    /** Edge caches to purge by tag on content events: `EDGE_PURGE_URLS` unless given. */
    edgePurge?: EdgePurge | null;
    /** Parts and tunables of the subgraphs (test doubles, options); the rest comes from the environment. */
    subgraphs?: SubgraphConfig;
    /** The offline IDE at /ide: by default open in development, off in production unless IDE=on (then staff only). */
    ide?: IdeMode;
    /** Prometheus metrics at /metrics: built here unless METRICS=off; false for none. */
    metrics?: ProcessMetrics | false;
  } = {},
): Promise<NewsroomApp> {
  const modules = options.modules ?? subgraphList();
  const readRouting = new ReadRouting(Number(process.env.READ_YOUR_WRITES_MS ?? 2000));
  const dataSources = await openDatabases(modules, { targets: options.targets, readRouting });
  const running = new Map<string, RunningSubgraph>();
  // The process's event channels (Redis Streams with EVENT_BROKER_URL, else this process alone).
  const ownEvents = options.subgraphs?.events ? null : await createEventChannels(process.env);
  const events = options.subgraphs?.events ?? ownEvents!;
  const metrics =
    options.metrics === false ? undefined : (options.metrics ?? (metricsEnabled() ? new ProcessMetrics({ sqlStatements: () => sqlCounter.total }) : undefined));
  try {
    if (options.seedDemo) {
      for (const mod of modules) await mod.seedDemo?.(dataSources.get(mod.name)!);
    }
    const schemas: Record<string, GraphQLSchema> = {};
    const served = new Set<string>(modules.map((m) => m.name));
    const peers: SubgraphPeers = { has: (name) => served.has(name), schema: (name) => schemas[name] };
    for (const mod of modules) {
      const subgraph: RunningSubgraph = await mod.start(dataSources.get(mod.name)!, { ...options.subgraphs, events, metrics }, peers);
      running.set(mod.name, subgraph);
      if (subgraph.outbox) metrics?.watchOutbox(mod.name, subgraph.outbox);
      schemas[mod.name] = subgraph.schema;
    }
    const settleEvents = async () => {
      await Promise.all([...running.values()].map((s) => s.outbox?.drain()));
    };
    // Production as the HTTP host sees it (an option, else NODE_ENV): the IDE follows the same.
    const production = options.http?.production ?? process.env.NODE_ENV === 'production';
    const ideMode = options.ide ?? ideModeFromEnv({ ...process.env, NODE_ENV: production ? 'production' : 'development' });
    const ide = ideServerOptions(ideMode, { production });
    const gateway = await startGraphQLServer({
      // Ready while every subgraph's database and the broker (EVENT_BROKER_URL) answer.
      ready: readinessOf([
        ...[...dataSources].map(([name, dataSource]) => ({ name: `${name} database`, check: () => dataSource.query('SELECT 1') })),
        { name: 'broker', check: () => events.transport.ping() },
      ]),
      ...options.http,
      gateway: createGateway({ localSchemas: schemas }),
      port: options.port ?? 0,
      host: options.host,
      readRouting,
      routes: Object.assign({}, ...[...running.values()].map((s) => s.routes), ide.routes),
      operationGuards: options.operationGuards === false ? undefined : (options.operationGuards ?? gatewayOperationGuards()),
      landingPage: ide.landingPage,
      plugins: [...ide.plugins, outboxFlushPlugin(settleEvents), ...(options.http?.plugins ?? [])],
      introspection: ide.introspection,
      metrics,
      responseCache: (options.responseCache ?? process.env.RESPONSE_CACHE !== 'off') ? new ResponseCache(undefined, undefined, events.bus) : undefined,
    });
    // After the gateway's own cache (subscribed when it was built), so an edge refetching at
    // once never gets the gateway's stale copy.
    const edgePurge = options.edgePurge === undefined ? EdgePurge.fromEnv() : options.edgePurge;
    const stopEdgePurge = edgePurge ? events.bus.subscribe((event) => edgePurge.onEvent(event)) : () => undefined;
    const stopJobs = options.jobs ? modules.map((mod) => mod.startJobs?.(dataSources.get(mod.name)!, events)) : [];
    return {
      url: gateway.url,
      gateway,
      dataSources,
      schemas,
      events: events.bus,
      channels: events,
      settleEvents,
      metrics,
      runtime<N extends keyof SubgraphRuntimes>(name: N): SubgraphRuntimes[N] {
        const subgraph = running.get(name);
        if (!subgraph) throw new Error(`The ${name} subgraph is not served by this app`);
        // The module of that name built it (SubgraphModule<N>); the map erases the pairing.
        return subgraph.runtime as SubgraphRuntimes[N];
      },
      async stop() {
        for (const stopJob of stopJobs) stopJob?.();
        stopEdgePurge();
        await gateway.stop();
        for (const s of running.values()) await s.stop();
        await ownEvents?.close();
        await closeDatabases(dataSources);
      },
    };
  } catch (err) {
    for (const s of running.values()) await s.stop();
    await ownEvents?.close();
    await closeDatabases(dataSources);
    throw err;
  }
}
