import { randomUUID } from 'node:crypto';
import { accessTokenKey } from '../../src/auth/token-keys';
import { signSubgraphCall, subgraphSigningKey } from '../../src/federation/subgraph-signature';
export type GraphQLResponse<T = any> = {
  data?: T;
  errors?: Array<{ message: string; path?: unknown[]; extensions?: Record<string, any> }>;
  extensions?: Record<string, any>;
};

/** Posts a GraphQL operation over real HTTP. */
export async function gql<T = any>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<GraphQLResponse<T> & { status: number }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const text = await res.text();
  try {
    return { ...(JSON.parse(text) as GraphQLResponse<T>), status: res.status };
  } catch {
    throw new Error(`Non-JSON response (${res.status}): ${text.slice(0, 500)}`);
  }
}

/** The error codes of a response, in order. */
export function errorCodes(res: GraphQLResponse): string[] {
  return (res.errors ?? []).map((e) => String(e.extensions?.code));
}

/**
 * Calls a subgraph served on its own as a gateway would: signed (subgraph-signature.ts), with
 * the client's address inside the signature. Unsigned calls are refused by design.
 */
export async function subgraphGql<T = any>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
  clientIp = '127.0.0.1',
): Promise<GraphQLResponse<T> & { status: number }> {
  const signed = signSubgraphCall(subgraphSigningKey(accessTokenKey()), { clientIp, requestId: randomUUID() }, { query, variables });
  return gql<T>(url, query, variables, { ...headers, ...signed });
}
