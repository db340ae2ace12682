/** Where a job sends its GraphQL operations, and with which bearer token. */
export type GraphClient = <T>(query: string, variables?: Record<string, unknown>) => Promise<T>;

type TokenSource = () => Promise<string | null>;

/**
 * A minimal GraphQL client for jobs: POST over HTTP, bearer token from `token()` on every
 * call (so an expiring token can be renewed mid-job), and any error in the answer fails the
 * call: an export with holes is worse than no export.
 */
export function httpGraphClient(url: string, token: TokenSource): GraphClient {
  return async <T>(query: string, variables: Record<string, unknown> = {}) => {
    const bearer = await token();
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const text = await res.text();
    let body: { data?: T; errors?: Array<{ message: string; path?: unknown[]; extensions?: { code?: string } }> };
    try {
      body = JSON.parse(text);
    } catch {
      throw new Error(`The gateway answered HTTP ${res.status}: ${text.slice(0, 200)}`);
    }
    if (body.errors?.length) {
      const first = body.errors[0];
      throw new Error(`${first.extensions?.code ?? 'ERROR'} at ${(first.path ?? []).join('.') || 'request'}: ${first.message}`);
    }
    return body.data as T;
  };
}

/** A fixed access token (it expires after 15 minutes: long jobs should give the service secret). */
export function staticToken(token: string): TokenSource {
  return async () => token;
}

/**
 * A service token secret (`nrst_…`), exchanged for an access token and exchanged again a
 * minute before that one expires, so a job of any length keeps a valid token.
 */
export function serviceSecretToken(url: string, secret: string): TokenSource {
  let current: { token: string; renewAt: number } | null = null;
  const anonymous = httpGraphClient(url, async () => null);
  return async () => {
    if (!current || Date.now() >= current.renewAt) {
      const { exchangeServiceToken } = await anonymous<{ exchangeServiceToken: { accessToken: string; expiresAt: string } }>(
        'mutation Exchange($secret: String!) { exchangeServiceToken(secret: $secret) { accessToken expiresAt } }',
        { secret },
      );
      current = { token: exchangeServiceToken.accessToken, renewAt: Date.parse(exchangeServiceToken.expiresAt) - 60_000 };
    }
    return current.token;
  };
}
