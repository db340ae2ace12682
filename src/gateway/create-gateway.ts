import fs from 'node:fs';
import path from 'node:path';
import { ApolloGateway, type GraphQLDataSource } from '@apollo/gateway';
import type { GraphQLSchema } from 'graphql';
import { ForwardingDataSource } from './forwarding-data-source';
import { InProcessDataSource } from './in-process-data-source';
import { subgraphTimeoutMs } from './subgraph-timeouts';
import type { SubgraphFailureLog } from './subgraph-failure-log';

export const SUPERGRAPH_FILE = path.resolve(__dirname, '../../schema/supergraph.graphql');

/**
 * The gateway always plans from the committed supergraph. A subgraph whose schema is given
 * runs in this process; any other is called at its URL (`SUBGRAPH_<NAME>_URL` overrides the
 * URL written in the supergraph). Every call to a subgraph has a timeout (`timeoutMs`, else
 * `SUBGRAPH_<NAME>_TIMEOUT_MS` / `SUBGRAPH_TIMEOUT_MS`, 3 s by default); a subgraph that fails
 * or times out costs only its own fields, as errors naming them (subgraph-failure.ts).
 */
export function createGateway(options: {
  localSchemas?: Record<string, GraphQLSchema>;
  urls?: Record<string, string>;
  supergraphSdl?: string;
  /** Per subgraph name; overrides the environment (tests). */
  timeoutMs?: Record<string, number>;
  env?: NodeJS.ProcessEnv;
  /** Where failed calls to subgraphs served elsewhere are logged (throttled); none by default. */
  failureLog?: SubgraphFailureLog;
}): ApolloGateway {
  const env = options.env ?? process.env;
  const supergraphSdl = options.supergraphSdl ?? fs.readFileSync(SUPERGRAPH_FILE, 'utf8');
  return new ApolloGateway({
    supergraphSdl,
    buildService: ({ name, url }): GraphQLDataSource => {
      const timeoutMs = options.timeoutMs?.[name] ?? subgraphTimeoutMs(name, env);
      const local = options.localSchemas?.[name];
      if (local) return new InProcessDataSource(local, { name, timeoutMs });
      const override = options.urls?.[name] ?? env[`SUBGRAPH_${name.toUpperCase()}_URL`];
      return new ForwardingDataSource(name, override ?? url!, timeoutMs, options.failureLog);
    },
  });
}
