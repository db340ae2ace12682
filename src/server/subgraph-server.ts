import type { DataSource } from 'typeorm';
import type { SubgraphName } from '../db/database-config';
import type { SubgraphConfig, SubgraphRuntimes } from '../subgraphs/subgraph-config';
import type { RunningSubgraph, SubgraphModule } from '../subgraphs/subgraph-module';
import { NO_PEERS } from '../subgraphs/subgraph-peers';
import { startGraphQLServer, type RunningServer } from './graphql-http-server';

export type RunningSubgraphServer<N extends SubgraphName> = RunningServer & { subgraph: RunningSubgraph<SubgraphRuntimes[N]> };

/** One subgraph served over HTTP on its own, as behind a gateway or Apollo Router. */
export async function startSubgraphServer<N extends SubgraphName>(
  mod: SubgraphModule<N>,
  dataSource: DataSource,
  options: { port: number; host?: string; config?: SubgraphConfig },
): Promise<RunningSubgraphServer<N>> {
  const subgraph = await mod.start(dataSource, options.config ?? {}, NO_PEERS);
  const server = await startGraphQLServer({ schema: subgraph.schema, port: options.port, host: options.host, routes: subgraph.routes }).catch(async (err) => {
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
