/**
 * The servers of bench/subgraph-calls.bench.ts, in a child process so the load generator does
 * not share their event loop: editorial, discussion and audience each served over HTTP, and
 * four gateways over the same databases, before and after per-call timeouts. Prints one JSON
 * line with their URLs when ready.
 */
import 'reflect-metadata';
import { ApolloGateway, RemoteGraphQLDataSource, type GraphQLDataSource } from '@apollo/gateway';
import type { GatewayInterface } from '@apollo/server-gateway-interface';
import fs from 'node:fs';
import type { GraphQLSchema } from 'graphql';
import { openDatabases } from '../src/app/open-databases';
import { createGateway, SUPERGRAPH_FILE } from '../src/gateway/create-gateway';
import { InProcessDataSource } from '../src/gateway/in-process-data-source';
import { startGraphQLServer } from '../src/server/graphql-http-server';
import { startSubgraphServer } from '../src/server/subgraph-server';
import { subgraphList } from '../src/subgraphs/subgraph-modules';
import type { SubgraphPeers } from '../src/subgraphs/subgraph-peers';

async function main(): Promise<void> {
  const modules = subgraphList();
  const dataSources = await openDatabases(modules);
  const schemas: Record<string, GraphQLSchema> = {};
  const served = new Set(modules.map((m) => m.name));
  const peers: SubgraphPeers = { has: (name) => served.has(name), schema: (name) => schemas[name] };
  for (const mod of modules) schemas[mod.name] = (await mod.start(dataSources.get(mod.name)!, {}, peers)).schema;
  const remote: Record<string, string> = {};
  for (const name of ['editorial', 'discussion', 'audience']) {
    const mod = modules.find((m) => m.name === name)!;
    remote[name] = (await startSubgraphServer(mod, dataSources.get(name)!, { port: 0 })).url;
    process.env[`SUBGRAPH_${name.toUpperCase()}_URL`] = remote[name];
  }
  const supergraphSdl = fs.readFileSync(SUPERGRAPH_FILE, 'utf8');
  // What the gateway did before: Apollo's RemoteGraphQLDataSource (make-fetch-happen, no
  // timeout) and in-process execution without a timer.
  const before = (local: boolean) =>
    new ApolloGateway({
      supergraphSdl,
      buildService: ({ name, url }): GraphQLDataSource =>
        local || name === 'accounts' ? new InProcessDataSource(schemas[name]) : new RemoteGraphQLDataSource({ url: remote[name] ?? url }),
    });
  const { accounts } = schemas;
  const start = (gateway: GatewayInterface) => startGraphQLServer({ gateway, port: 0 });
  const urls = {
    httpBefore: (await start(before(false))).url,
    httpAfter: (await start(createGateway({ localSchemas: { accounts }, urls: remote }))).url,
    localBefore: (await start(before(true))).url,
    localAfter: (await start(createGateway({ localSchemas: schemas }))).url,
  };
  console.log(JSON.stringify(urls));
}

process.once('SIGTERM', () => process.exit(0));
main().catch((err) => {
  console.error(err);
  process.exit(1);
});
