import fs from 'node:fs';
import path from 'node:path';
import { ApolloGateway, type GraphQLDataSource } from '@apollo/gateway';
import type { GatewayInterface } from '@apollo/server-gateway-interface';
import type { GraphQLSchema } from 'graphql';
import { flagOff } from '../config/settings';
import { CompiledOperations } from './compiled-operations';
import { ForwardingDataSource } from './forwarding-data-source';
import { leanGatewayRequestContexts } from './gateway-request-context';
import { InProcessDataSource } from './in-process-data-source';
import { memoizeGatewayOperations } from './operation-memo';
import { compileGatewayShaping } from './result-shaping';
import { SingleFetchGateway, type LocalSubgraph } from './single-fetch-gateway';
import { subgraphTimeoutMs } from './subgraph-timeouts';
import type { SubgraphFailureLog } from './subgraph-failure-log';

export const SUPERGRAPH_FILE = path.resolve(__dirname, '../../schema/supergraph.graphql');

/**
 * The gateway always plans from the committed supergraph. A subgraph whose schema is given
 * runs in this process; any other is called at its URL (`SUBGRAPH_<NAME>_URL` overrides the
 * URL written in the supergraph). Every call to a subgraph has a timeout (`timeoutMs`, else
 * `SUBGRAPH_<NAME>_TIMEOUT_MS` / `SUBGRAPH_TIMEOUT_MS`, 3 s by default); a subgraph that fails
 * or times out costs only its own fields, as errors naming them (subgraph-failure.ts).
 * Queries planned as one fetch from an in-process subgraph run on it directly
 * (single-fetch-gateway.ts); `direct: false` sends them through the gateway's plan too.
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
  /** Whether single-fetch queries to in-process subgraphs skip the gateway's plan (default true). */
  direct?: boolean;
  /** Whether in-process subgraphs run operations compiled by graphql-jit (default true). */
  jit?: boolean;
}): GatewayInterface {
  memoizeGatewayOperations();
  compileGatewayShaping();
  leanGatewayRequestContexts();
  const env = options.env ?? process.env;
  const supergraphSdl = options.supergraphSdl ?? fs.readFileSync(SUPERGRAPH_FILE, 'utf8');
  const timeoutOf = (name: string) => options.timeoutMs?.[name] ?? subgraphTimeoutMs(name, env);
  const locals = new Map<string, LocalSubgraph>();
  for (const [name, schema] of Object.entries(options.localSchemas ?? {})) {
    locals.set(name, { name, schema, timeoutMs: timeoutOf(name), operations: new CompiledOperations(schema, { jit: options.jit }) });
  }
  let single: SingleFetchGateway | undefined;
  const gateway = withApolloTelemetryAsAsked(env, () => new ApolloGateway({
    supergraphSdl,
    experimental_didResolveQueryPlan: (plan) => single?.didResolveQueryPlan(plan),
    buildService: ({ name, url }): GraphQLDataSource => {
      const timeoutMs = timeoutOf(name);
      const local = locals.get(name);
      if (local) return new InProcessDataSource(local.operations, { name, timeoutMs });
      const override = options.urls?.[name] ?? env[`SUBGRAPH_${name.toUpperCase()}_URL`];
      return new ForwardingDataSource(name, override ?? url!, timeoutMs, options.failureLog);
    },
  }));
  if (options.direct === false || !locals.size) return gateway;
  single = new SingleFetchGateway(gateway, locals);
  return single;
}

const TELEMETRY = 'APOLLO_TELEMETRY_DISABLED';

/**
 * Builds Apollo Gateway with its own telemetry off unless `env` turns it on. Left to itself,
 * the gateway (unless APOLLO_TELEMETRY_DISABLED is `true` or `1`) probes the cloud metadata
 * addresses of Alibaba, AWS, GCP and Azure when built (on a machine elsewhere, GCP's lookup
 * ends in a MetadataLookupWarning after its timeout) and then sends usage metrics to Apollo
 * every minute: outbound calls a newsroom's operators never asked for. The gateway reads the
 * variable from `process.env` in its constructor only, so it is set for that call and put back.
 */
function withApolloTelemetryAsAsked<T>(env: NodeJS.ProcessEnv, build: () => T): T {
  // "Disabled" off: telemetry on.
  const on = flagOff(env[TELEMETRY]);
  const before = process.env[TELEMETRY];
  if (on) delete process.env[TELEMETRY];
  else process.env[TELEMETRY] = 'true';
  try {
    return build();
  } finally {
    if (before === undefined) delete process.env[TELEMETRY];
    else process.env[TELEMETRY] = before;
  }
}
