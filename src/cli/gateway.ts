/**
 * Runs the gateway alone against subgraphs served elsewhere: the URLs written in
 * schema/supergraph.graphql, each overridable with SUBGRAPH_<NAME>_URL.
 */
import 'reflect-metadata';
import { checkSettings } from '../config/settings';
import { createGateway } from '../gateway/create-gateway';
import { gatewayOperationGuards } from '../limits/gateway-operation-guards';
import { startGraphQLServer } from '../server/graphql-http-server';
import { exitOnStartFailure } from './start-failure';
import { ideModeFromEnv } from '../ide/ide-mode';
import { ideServerOptions } from '../ide/ide-server-options';

async function main(): Promise<void> {
  checkSettings();
  const port = Number(process.env.PORT ?? 4000);
  const mode = ideModeFromEnv(process.env);
  const ide = ideServerOptions(mode, { production: process.env.NODE_ENV === 'production' });
  const server = await startGraphQLServer({
    gateway: createGateway({}),
    operationGuards: gatewayOperationGuards(),
    port,
    host: process.env.HOST ?? '0.0.0.0',
    ...ide,
  });
  console.log(`Gateway ready at http://localhost:${server.port}/graphql`);
  if (mode !== 'off') console.log(`GraphQL IDE at http://localhost:${server.port}/ide${mode === 'staff' ? ' (staff sign-in)' : ''}`);
  // Graceful drain: no new connections, requests in flight finish (10 s at most), then exit.
  process.once('SIGTERM', () => void server.stop().then(() => process.exit(0)));
  process.once('SIGINT', () => void server.stop().then(() => process.exit(0)));
}

main().catch(exitOnStartFailure);
