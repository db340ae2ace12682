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

async function main(): Promise<void> {
  checkSettings();
  const port = Number(process.env.PORT ?? 4000);
  const server = await startGraphQLServer({ gateway: createGateway({}), operationGuards: gatewayOperationGuards(), port, host: process.env.HOST ?? '0.0.0.0' });
  console.log(`Gateway ready at http://localhost:${server.port}/graphql`);
  // Graceful drain: no new connections, requests in flight finish (10 s at most), then exit.
  process.once('SIGTERM', () => void server.stop().then(() => process.exit(0)));
  process.once('SIGINT', () => void server.stop().then(() => process.exit(0)));
}

main().catch(exitOnStartFailure);
