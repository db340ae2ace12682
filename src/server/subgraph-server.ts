import type { DataSource } from 'typeorm';
import type { SubgraphName } from '../db/database-config';
import type { SubgraphConfig, SubgraphRuntimes } from '../subgraphs/subgraph-config';
import type { RunningSubgraph, SubgraphModule } from '../subgraphs/subgraph-module';
import { NO_PEERS } from '../subgraphs/subgraph-peers';
import { accessTokenKey } from '../auth/token-keys';
import type { ReadRouting } from '../db/read-routing';
import { subgraphSigningKey } from '../federation/subgraph-signature';
import { readinessOf } from './readiness-checks';
import { startGraphQLServer, type GraphQLServerOptions, type RunningServer } from './graphql-http-server';

export type RunningSubgraphServer<N extends SubgraphName> = RunningServer & { subgraph: RunningSubgraph<SubgraphRuntimes[N]> };

/** One subgraph served over HTTP on its own, as behind a gateway or Apollo Router. */
export async function startSubgraphServer<N extends SubgraphName>(
  mod: SubgraphModule<N>,
  dataSource: DataSource,
  options: { port: number; host?: string; config?: SubgraphConfig; readRouting?: ReadRouting; http?: Omit<GraphQLServerOptions, 'gateway' | 'schema' | 'port' | 'host' | 'routes'> },
): Promise<RunningSubgraphServer<N>> {
  const subgraph = await mod.start(dataSource, options.config ?? {}, NO_PEERS);
  const server = await startGraphQLServer({
    ...options.http,
    schema: subgraph.schema,
    port: options.port,
    host: options.host,
    routes: subgraph.routes,
    readRouting: options.readRouting,
    // Only the gateway (and other subgraphs) may call a subgraph: `_entities` and `_service`
    // would otherwise list any entity to anyone who can reach the port.
    signedCallsKey: subgraphSigningKey(accessTokenKey()),
    // Ready while its database answers (without it every request fails) and its broker, when
    // it has one (without it its events stay in the outbox).
    ready: readinessOf([
      { name: 'database', check: () => dataSource.query('SELECT 1') },
      ...(options.config?.events ? [{ name: 'broker', check: () => options.config!.events!.transport.ping() }] : []),
    ]),
  }).catch(async (err) => {
    await subgraph.stop();
    throw err;
  });
  return {
    ...server,
    subgraph,
    async stop() {
      await server.stop();
      await subgraph.stop();
    },
  };
}
