import { signSubgraphCall, subgraphSigningKey, verifySubgraphCall } from '../../src/federation/subgraph-signature';

const key = subgraphSigningKey(new Uint8Array(32).fill(7), {});
const call = { query: 'query($r: [_Any!]!) { _entities(representations: $r) { __typename } }', variables: { r: [{ __typename: 'User', id: '1' }] } };
const identity = { clientIp: '203.0.113.9', requestId: 'req-1' };

describe('subgraph call signatures', () => {
  it('verifies what the same key signed, and returns the client identity', () => {
    expect(verifySubgraphCall(key, signSubgraphCall(key, identity, call), call)).toEqual(identity);
  });

  it('refuses unsigned, tampered, re-addressed, stale and foreign-key calls', () => {
    const headers = signSubgraphCall(key, identity, call);
    expect(verifySubgraphCall(key, {}, call)).toBeNull();
    expect(verifySubgraphCall(key, headers, { ...call, variables: { r: [{ __typename: 'User', id: '2' }] } })).toBeNull();
    expect(verifySubgraphCall(key, { ...headers, 'x-newsroom-client-ip': '198.51.100.1' }, call)).toBeNull();
    expect(verifySubgraphCall(key, signSubgraphCall(key, identity, call, Date.now() - 120_000), call)).toBeNull();
    const other = subgraphSigningKey(new Uint8Array(32).fill(8), {});
    expect(verifySubgraphCall(other, headers, call)).toBeNull();
    expect(verifySubgraphCall(subgraphSigningKey(new Uint8Array(32), { SUBGRAPH_SECRET: 'x'.repeat(40) }), headers, call)).toBeNull();
  });
});
