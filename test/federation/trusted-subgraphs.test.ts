import { createGateway } from '../../src/gateway/create-gateway';
import { startGraphQLServer, type RunningServer } from '../../src/server/graphql-http-server';
import { startSubgraphServer } from '../../src/server/subgraph-server';
import { accountsSubgraph } from '../../src/subgraphs/accounts.subgraph';
import { gql } from '../support/graphql-client';
import { startNewsroomFixture, type NewsroomFixture } from '../support/newsroom-fixture';

const LOGIN = `mutation($email: String!) { login(email: $email, password: "Mauvais-mot-de-passe-1") { accessToken } }`;

/**
 * A subgraph run apart answers only calls the gateway signed, and sees through them the real
 * client: the address a proxy gave the gateway, not the gateway's own.
 */
describe('trusted subgraphs', () => {
  let fx: NewsroomFixture;
  let accounts: RunningServer;
  let gateway: RunningServer;

  beforeAll(async () => {
    fx = await startNewsroomFixture('sqlite', 'trusted', 20);
    accounts = await startSubgraphServer(accountsSubgraph, fx.app.dataSources.get('accounts')!, { port: 0 });
    gateway = await startGraphQLServer({ gateway: createGateway({ urls: { accounts: accounts.url } }), port: 0, trustProxyHops: 1 });
  });
  afterAll(async () => {
    await gateway?.stop();
    await accounts?.stop();
    await fx?.stop();
  });

  it('refuses unsigned calls, _entities and _service included', async () => {
    const entities = await gql(accounts.url, `query($r: [_Any!]!) { _entities(representations: $r) { ... on User { id displayName } } }`, {
      r: [{ __typename: 'User', id: '1' }],
    });
    expect(entities.status).toBe(401);
    expect(entities.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(entities.data).toBeUndefined();
    const sdl = await gql(accounts.url, `{ _service { sdl } }`);
    expect(sdl.status).toBe(401);
    const get = await fetch(`${accounts.url}?query=${encodeURIComponent('{ _service { sdl } }')}`, { headers: { 'apollo-require-preflight': '1' } });
    expect(get.status).toBe(401);
  });

  it('refuses a signed call replayed with other variables', async () => {
    const headers: Record<string, string> = {};
    const { signSubgraphCall, subgraphSigningKey } = await import('../../src/federation/subgraph-signature');
    const { accessTokenKey } = await import('../../src/auth/token-keys');
    const query = `query($r: [_Any!]!) { _entities(representations: $r) { ... on User { id } } }`;
    Object.assign(headers, signSubgraphCall(subgraphSigningKey(accessTokenKey()), { clientIp: '', requestId: 'replay-test-1' }, { query, variables: { r: [{ __typename: 'User', id: '1' }] } }));
    const signed = await gql(accounts.url, query, { r: [{ __typename: 'User', id: '1' }] }, headers);
    expect(signed.status).toBe(200);
    const replayed = await gql(accounts.url, query, { r: [{ __typename: 'User', id: '2' }] }, headers);
    expect(replayed.status).toBe(401);
  });

  it('throttles failed logins per real client behind the gateway, not per gateway', async () => {
    // 20 failures per address in 15 minutes: client A spends its budget on unknown emails...
    const a = { 'x-forwarded-for': '203.0.113.10' };
    const codes: string[] = [];
    for (let i = 0; i < 21; i += 1) {
      const res = await gql(gateway.url, LOGIN, { email: `inconnu-${i}@exemple.fr` }, a);
      codes.push(String(res.errors?.[0]?.extensions?.code));
    }
    expect(codes.slice(0, 20).every((c) => c === 'UNAUTHENTICATED')).toBe(true);
    expect(codes[20]).toBe('TOO_MANY_REQUESTS');
    // ...and client B, through the same gateway, is still only told its password is wrong.
    const b = await gql(gateway.url, LOGIN, { email: 'autre@exemple.fr' }, { 'x-forwarded-for': '203.0.113.20' });
    expect(b.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
