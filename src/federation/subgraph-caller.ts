import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { context, propagation } from '@opentelemetry/api';
import { execute, GraphQLError, parse, type DocumentNode, type ExecutionResult, type GraphQLSchema } from 'graphql';
import { accessTokenKey } from '../auth/token-keys';
import type { RequestContext } from '../context/request-context';
import { signSubgraphCall, subgraphSigningKey } from './subgraph-signature';
import { isTimeout, SubgraphFailureCode, SubgraphTimeoutError } from '../gateway/subgraph-failure';
import { subgraphTimeoutMs, withTimeout } from '../gateway/subgraph-timeouts';

const SUPERGRAPH_FILE = path.resolve(__dirname, '../../schema/supergraph.graphql');

/** Sends one operation to another subgraph, as an anonymous reader, and returns its result. */
export type SubgraphCall = (query: string, variables: Record<string, unknown>) => Promise<ExecutionResult>;

/**
 * Why a call to another subgraph failed, with the code and subgraph a client sees when the
 * failure reaches it (e.g. `postComment` while editorial is down).
 */
export function subgraphCallError(name: string, cause: unknown): GraphQLError {
  const timeout = isTimeout(cause);
  const message = cause instanceof SubgraphTimeoutError ? cause.message : `The ${name} service is unavailable`;
  return new GraphQLError(message, {
    originalError: cause instanceof Error ? cause : undefined,
    extensions: { code: timeout ? SubgraphFailureCode.Timeout : SubgraphFailureCode.Unavailable, subgraph: name },
  });
}

/**
 * How one subgraph asks another (usually editorial, through `_entities`): executing its
 * schema directly when it is served by this process, or over HTTP when it runs apart. Both
 * speak federation's public contract, so the caller never reads the other's tables. Each
 * call gives up after `timeoutMs` (SUBGRAPH_<NAME>_TIMEOUT_MS / SUBGRAPH_TIMEOUT_MS, 3 s),
 * rejecting with a SUBGRAPH_TIMEOUT error; a refused or failed call is SUBGRAPH_UNAVAILABLE.
 */
export const subgraphCaller = {
  inProcess(schema: () => GraphQLSchema | undefined, name: string, timeoutMs = subgraphTimeoutMs(name)): SubgraphCall {
    const documents = new Map<string, DocumentNode>();
    return async (query, variables) => {
      const target = schema();
      if (!target) throw new Error(`The ${name} subgraph is not served in this process`);
      let document = documents.get(query);
      if (!document) documents.set(query, (document = parse(query)));
      const ctx: RequestContext = { requestId: randomUUID(), now: new Date(), viewer: null, ip: '', headers: {} };
      const run = Promise.resolve(execute({ schema: target, document, variableValues: variables, contextValue: ctx })) as Promise<ExecutionResult>;
      try {
        return await withTimeout(run, timeoutMs, () => new SubgraphTimeoutError(name, timeoutMs));
      } catch (err) {
        throw err instanceof SubgraphTimeoutError ? subgraphCallError(name, err) : err;
      }
    };
  },

  overHttp(name: string, url?: string, timeoutMs = subgraphTimeoutMs(name)): SubgraphCall {
    // Resolved at the first call, then kept: the URL and the signing key do not change while
    // the process runs, and the URL may take a read of the supergraph file.
    let target: string | undefined;
    let key: Buffer | undefined;
    return async (query, variables) => {
      target ??= url ?? subgraphUrl(name);
      key ??= subgraphSigningKey(accessTokenKey());
      try {
        // The signal also bounds reading the body, so a peer that stalls mid-answer is cut off too.
        const headers: Record<string, string> = {
          'content-type': 'application/json',
          accept: 'application/json',
          ...signSubgraphCall(key, { clientIp: '', requestId: randomUUID() }, { query, variables }),
        };
        // The calling request's trace continues in the other subgraph (a no-op with tracing off).
        propagation.inject(context.active(), headers);
        const res = await fetch(target, {
          method: 'POST',
          headers,
          body: JSON.stringify({ query, variables }),
          signal: AbortSignal.timeout(timeoutMs),
        });
        if (!res.ok) throw new Error(`The ${name} subgraph answered HTTP ${res.status}`);
        return (await res.json()) as ExecutionResult;
      } catch (err) {
        throw subgraphCallError(name, isTimeout(err) ? new SubgraphTimeoutError(name, timeoutMs) : err);
      }
    };
  },
};

/**
 * `SUBGRAPH_<NAME>_URL`, else the URL the supergraph (the committed one unless given) names for
 * the subgraph. Callers resolve it once, not per call: it may read the supergraph file.
 */
export function subgraphUrl(name: string, env: NodeJS.ProcessEnv = process.env, supergraphSdl?: string): string {
  const override = env[`SUBGRAPH_${name.toUpperCase()}_URL`];
  if (override) return override;
  const supergraph = supergraphSdl ?? fs.readFileSync(SUPERGRAPH_FILE, 'utf8');
  const match = new RegExp(`@join__graph\\(name: "${name}", url: "([^"]+)"\\)`).exec(supergraph);
  if (!match) throw new Error(`No URL for the ${name} subgraph: set SUBGRAPH_${name.toUpperCase()}_URL`);
  return match[1];
}
