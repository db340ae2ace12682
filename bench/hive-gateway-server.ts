/**
 * Hive Gateway in front of our subgraphs, for `npm run bench:gateways`: the committed
 * schema/supergraph.graphql, each subgraph at SUBGRAPH_<NAME>_URL (else the supergraph's URL),
 * every subgraph call signed like our gateway's. `--planner rust` plans with the Hive Router's
 * Rust query planner (@graphql-hive/router-runtime) instead of the default JavaScript one.
 * `--dedupe off` stops Hive from sharing one subgraph call between identical queries in flight
 * (on by default; Apollo Gateway does not do it), to compare the engines like for like.
 * Prints "ready at http://127.0.0.1:<port>/graphql" like `npm run gateway`.
 */
import fs from 'node:fs';
import path from 'node:path';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createGatewayRuntime, type GatewayConfigSupergraph } from '@graphql-hive/gateway-runtime';
import { unifiedGraphHandler } from '@graphql-hive/router-runtime';
import httpTransport from '@graphql-mesh/transport-http';
import { accessTokenKey } from '../src/auth/token-keys';
import { subgraphSigningKey } from '../src/federation/subgraph-signature';
import { argValue } from '../src/cli/args';
import { subgraphSigningPlugin } from './hive-signing.plugin';

const SUPERGRAPH_FILE = path.resolve(__dirname, '../schema/supergraph.graphql');

async function main(): Promise<void> {
  const planner = argValue('--planner') ?? 'js';
  const dedupe = argValue('--dedupe') !== 'off';
  const supergraph = fs.readFileSync(SUPERGRAPH_FILE, 'utf8');
  const names = [...supergraph.matchAll(/@join__graph\(name: "([^"]+)"/g)].map((m) => m[1]);
  const transportEntries: Record<string, { location?: string; options: { deduplicateInflightRequests: boolean } }> = {};
  for (const name of names) {
    const url = process.env[`SUBGRAPH_${name.toUpperCase()}_URL`];
    transportEntries[name] = { ...(url ? { location: url } : {}), options: { deduplicateInflightRequests: dedupe } };
  }
  const config: GatewayConfigSupergraph = {
    supergraph,
    transportEntries,
    // Named here, not found by the runtime's dynamic import: the package is a declared dependency.
    transports: { http: httpTransport },
    plugins: () => [subgraphSigningPlugin(subgraphSigningKey(accessTokenKey()))],
    // The reader's credentials and user agent, as ForwardingDataSource forwards them (the
    // audience subgraph tells robots from readers by the user agent).
    propagateHeaders: {
      fromClientToSubgraphs: ({ request }) => ({
        authorization: request.headers.get('authorization') ?? undefined,
        'user-agent': request.headers.get('user-agent') ?? undefined,
      }),
    },
    requestId: false,
    logging: 'error',
    landingPage: false,
    graphiql: false,
    ...(planner === 'rust' ? { unifiedGraphHandler } : {}),
  };
  const gateway = createGatewayRuntime(config);
  const server = http.createServer(gateway);
  await new Promise<void>((resolve) => server.listen(Number(process.env.PORT ?? 0), process.env.HOST ?? '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  console.log(`Hive Gateway (${planner} planner, dedupe ${dedupe ? 'on' : 'off'}) ready at http://127.0.0.1:${port}/graphql`);
  const shutdown = () => server.close(() => void Promise.resolve(gateway.dispose()).then(() => process.exit(0)));
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
