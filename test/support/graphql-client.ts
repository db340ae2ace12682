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
