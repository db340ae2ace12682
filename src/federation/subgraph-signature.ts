import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/** Headers a signed subgraph call carries. */
export const SIGNATURE_HEADER = 'x-newsroom-signature';
export const CLIENT_IP_HEADER = 'x-newsroom-client-ip';
export const REQUEST_ID_HEADER = 'x-request-id';

/** How far a signature's clock may be from the subgraph's, either way. */
const MAX_SKEW_MS = 60_000;

export type SignedCall = { query: string; variables?: unknown; operationName?: string | null };
export type CallIdentity = { clientIp: string; requestId: string };

/**
 * The key gateways and subgraphs share to sign and verify subgraph calls:
 * `SUBGRAPH_SECRET`, else one derived from `AUTH_SECRET` (which every process already shares),
 * so a fleet configured for tokens is configured for this too. A separate purpose string keeps
 * the two keys different.
 */
export function subgraphSigningKey(authKey: Uint8Array, env: NodeJS.ProcessEnv = process.env): Buffer {
  const base = env.SUBGRAPH_SECRET ? Buffer.from(env.SUBGRAPH_SECRET) : Buffer.from(authKey);
  return createHmac('sha256', base).update('newsroom subgraph calls v1').digest();
}

function digest(call: SignedCall): string {
  return createHash('sha256')
    .update(call.query)
    .update('\u0000')
    .update(JSON.stringify(call.variables ?? {}))
    .update('\u0000')
    .update(call.operationName ?? '')
    .digest('hex');
}

function mac(key: Buffer, timestamp: string, identity: CallIdentity, call: SignedCall): string {
  return createHmac('sha256', key).update([timestamp, identity.clientIp, identity.requestId, digest(call)].join('\n')).digest('hex');
}

/**
 * The headers that make a call to a subgraph trusted: the client's address and the request id
 * travel signed with the operation, so a subgraph can rate-limit and log the real client.
 */
export function signSubgraphCall(key: Buffer, identity: CallIdentity, call: SignedCall, now = Date.now()): Record<string, string> {
  const timestamp = String(now);
  return {
    [SIGNATURE_HEADER]: `t=${timestamp},v1=${mac(key, timestamp, identity, call)}`,
    [CLIENT_IP_HEADER]: identity.clientIp,
    [REQUEST_ID_HEADER]: identity.requestId,
  };
}

/** The caller's identity when the call is signed with `key` and fresh, else null. */
export function verifySubgraphCall(key: Buffer, headers: Record<string, string | undefined>, call: SignedCall, now = Date.now()): CallIdentity | null {
  const header = headers[SIGNATURE_HEADER];
  const match = header ? /^t=(\d{1,16}),v1=([0-9a-f]{64})$/.exec(header) : null;
  if (!match) return null;
  const [, timestamp, signature] = match;
  if (Math.abs(now - Number(timestamp)) > MAX_SKEW_MS) return null;
  const identity = { clientIp: headers[CLIENT_IP_HEADER] ?? '', requestId: headers[REQUEST_ID_HEADER] ?? '' };
  const expected = Buffer.from(mac(key, timestamp, identity, call), 'hex');
  const given = Buffer.from(signature, 'hex');
  return expected.length === given.length && timingSafeEqual(expected, given) ? identity : null;
}
