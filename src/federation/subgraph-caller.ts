import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { execute, parse, type DocumentNode, type ExecutionResult, type GraphQLSchema } from 'graphql';
import type { RequestContext } from '../context/request-context';

const SUPERGRAPH_FILE = path.resolve(__dirname, '../../schema/supergraph.graphql');

/** Sends one operation to another subgraph, as an anonymous reader, and returns its result. */
export type SubgraphCall = (query: string, variables: Record<string, unknown>) => Promise<ExecutionResult>;

/**
 * How one subgraph asks another (usually editorial, through `_entities`): executing its
 * schema directly when it is served by this process, or over HTTP when it runs apart. Both
 * speak federation's public contract, so the caller never reads the other's tables.
 */
export const subgraphCaller = {
  inProcess(schema: () => GraphQLSchema | undefined, name: string): SubgraphCall {
    const documents = new Map<string, DocumentNode>();
    return async (query, variables) => {
      const target = schema();
      if (!target) throw new Error(`The ${name} subgraph is not served in this process`);
      let document = documents.get(query);
      if (!document) documents.set(query, (document = parse(query)));
      const ctx: RequestContext = { requestId: randomUUID(), now: new Date(), viewer: null, ip: '', headers: {} };
      return (await execute({ schema: target, document, variableValues: variables, contextValue: ctx })) as ExecutionResult;
    };
  },

  overHttp(name: string, url?: string, timeoutMs = 10_000): SubgraphCall {
    return async (query, variables) => {
      const res = await fetch(url ?? subgraphUrl(name), {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ query, variables }),
        signal: AbortSignal.timeout(timeoutMs),
      });
      if (!res.ok) throw new Error(`The ${name} subgraph answered HTTP ${res.status}`);
      return (await res.json()) as ExecutionResult;
    };
  },
};

/** `SUBGRAPH_<NAME>_URL`, else the URL the committed supergraph names for the subgraph. */
export function subgraphUrl(name: string, env: NodeJS.ProcessEnv = process.env): string {
  const override = env[`SUBGRAPH_${name.toUpperCase()}_URL`];
  if (override) return override;
  const supergraph = fs.readFileSync(SUPERGRAPH_FILE, 'utf8');
  const match = new RegExp(`@join__graph\\(name: "${name}", url: "([^"]+)"\\)`).exec(supergraph);
  if (!match) throw new Error(`No URL for the ${name} subgraph: set SUBGRAPH_${name.toUpperCase()}_URL`);
  return match[1];
}
