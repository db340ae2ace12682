import type { DataSource } from 'typeorm';
import { accessTokenKey } from '../auth/token-keys';
import { subgraphSigningKey } from '../federation/subgraph-signature';
import type { ReadRouting } from '../db/read-routing';
import type { SubgraphModule } from '../subgraphs/subgraph-module';
import { startGraphQLServer, type GraphQLServerOptions, type RunningServer } from './graphql-http-server';

/** One subgraph served over HTTP on its own, as behind a gateway or Apollo Router. */
export async function startSubgraphServer(
  mod: SubgraphModule,
  dataSource: DataSource,
  options: { port: number; host?: string; readRouting?: ReadRouting; http?: Omit<GraphQLServerOptions, 'gateway' | 'schema' | 'port' | 'host' | 'routes'> },
): Promise<RunningServer> {
  const schema = await mod.buildSchema(dataSource);
  const services = mod.startServices?.(dataSource, { has: () => false, schema: () => undefined }) ?? {};
  const server = await startGraphQLServer({
    ...options.http,
    schema,
    port: options.port,
    host: options.host,
    routes: services.routes,
    readRouting: options.readRouting,
    // Only the gateway (and other subgraphs) may call a subgraph: `_entities` and `_service`
    // would otherwise list any entity to anyone who can reach the port.
    signedCallsKey: subgraphSigningKey(accessTokenKey()),
    // Ready while its database answers: a subgraph without one would fail every request.
    ready: async () => {
      await dataSource.query('SELECT 1');
      return true;
    },
  }).catch(async (err) => {
    await services.stop?.();
    throw err;
  });
  return {
    ...server,
    async stop() {
      await server.stop();
      await services.stop?.();
    },
  };
}
