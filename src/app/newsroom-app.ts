import type { GraphQLSchema } from 'graphql';
import type { DataSource } from 'typeorm';
import type { DatabaseTarget } from '../db/database-config';
import { createGateway } from '../gateway/create-gateway';
import { startGraphQLServer, type RunningServer } from '../server/graphql-http-server';
import { ResponseCache } from '../cache/response-cache';
import { subgraphList } from '../subgraphs/subgraph-modules';
import type { SubgraphModule, SubgraphPeers, SubgraphServices } from '../subgraphs/subgraph-module';
import { closeDatabases, openDatabases } from './open-databases';
import { ideModeFromEnv, type IdeMode } from '../ide/ide-mode';
import { ideServerOptions } from '../ide/ide-server-options';

export type NewsroomApp = {
  url: string;
  gateway: RunningServer;
  dataSources: Map<string, DataSource>;
  schemas: Record<string, GraphQLSchema>;
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
    /** The offline IDE at /ide: by default open in development, off in production unless IDE=on (then staff only). */
    ide?: IdeMode;
  } = {},
): Promise<NewsroomApp> {
  const modules = options.modules ?? subgraphList();
  const dataSources = await openDatabases(modules, { targets: options.targets });
  const services: SubgraphServices[] = [];
  try {
    if (options.seedDemo) {
      for (const mod of modules) await mod.seedDemo?.(dataSources.get(mod.name)!);
    }
    const schemas: Record<string, GraphQLSchema> = {};
    const served = new Set<string>(modules.map((m) => m.name));
    const peers: SubgraphPeers = { has: (name) => served.has(name), schema: (name) => schemas[name] };
    for (const mod of modules) schemas[mod.name] = await mod.buildSchema(dataSources.get(mod.name)!, peers);
    for (const mod of modules) services.push(mod.startServices?.(dataSources.get(mod.name)!, peers) ?? {});
    const ide = ideServerOptions(options.ide ?? ideModeFromEnv(process.env), { production: process.env.NODE_ENV === 'production' });
    const gateway = await startGraphQLServer({
      gateway: createGateway({ localSchemas: schemas }),
      port: options.port ?? 0,
      host: options.host,
      routes: Object.assign({}, ...services.map((s) => s.routes), ide.routes),
      landingPage: ide.landingPage,
      plugins: ide.plugins,
      introspection: ide.introspection,
      responseCache: (options.responseCache ?? process.env.RESPONSE_CACHE !== 'off') ? new ResponseCache() : undefined,
    });
    const stopJobs = options.jobs ? modules.map((mod) => mod.startJobs?.(dataSources.get(mod.name)!)) : [];
    return {
      url: gateway.url,
      gateway,
      dataSources,
      schemas,
      async stop() {
        for (const stopJob of stopJobs) stopJob?.();
        await gateway.stop();
        for (const s of services) await s.stop?.();
        await closeDatabases(dataSources);
      },
    };
  } catch (err) {
    for (const s of services) await s.stop?.();
    await closeDatabases(dataSources);
    throw err;
  }
}
