import fs from 'node:fs';
import path from 'node:path';
import { buildSchema, getNamedType, isLeafType, isObjectType, type GraphQLNamedType } from 'graphql';
import { createGateway } from '../../src/gateway/create-gateway';
import { startSubgraphServer } from '../../src/server/subgraph-server';
import { startGraphQLServer, type RunningServer } from '../../src/server/graphql-http-server';
import { accountsSubgraph } from '../../src/subgraphs/accounts.subgraph';
import { backends } from '../support/backends';
import { errorCodes, gql, subgraphGql } from '../support/graphql-client';
import { startNewsroomFixture, type NewsroomFixture } from '../support/newsroom-fixture';
import { accountsDataSource, prepareAccounts, Role, signInAs, TEST_PASSWORD, uniqueEmail, type SignedIn } from '../support/sign-in';

const TEN_KB = 'é'.repeat(10 * 1024);

/** Output fields that carry a credential: each may only appear on the payload of the mutation that issues it. */
const CREDENTIAL_FIELDS = ['AuthPayload.accessToken', 'AuthPayload.refreshToken', 'CreatedServiceToken.secret', 'PreviewLink.token', 'ServiceAccessToken.accessToken'];

describe('the client API schema', () => {
  const api = buildSchema(fs.readFileSync(path.resolve(__dirname, '../../schema/api.graphql'), 'utf8'));

  it('exposes no hash or password field, and no credential reachable from a query', () => {
    const outputFields: string[] = [];
    const leafFields: string[] = [];
    for (const type of Object.values(api.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith('__') || type === api.getQueryType() || type === api.getMutationType()) continue;
      for (const field of Object.values(type.getFields())) {
        outputFields.push(`${type.name}.${field.name}`);
        if (isLeafType(getNamedType(field.type))) leafFields.push(`${type.name}.${field.name}`);
      }
    }
    expect(outputFields.filter((f) => /hash|password/i.test(f))).toEqual([]);
    expect(leafFields.filter((f) => /secret|token$/i.test(f.split('.')[1])).sort()).toEqual([...CREDENTIAL_FIELDS].sort());

    // Walk every type reachable from Query: none of them holds a credential.
    const seen = new Set<string>();
    const walk = (type: GraphQLNamedType) => {
      if (seen.has(type.name) || !isObjectType(type)) return;
      seen.add(type.name);
      for (const field of Object.values(type.getFields())) walk(getNamedType(field.type));
    };
    walk(api.getQueryType()!);
    expect(CREDENTIAL_FIELDS.filter((f) => seen.has(f.split('.')[0]))).toEqual([]);
  });
});

describe.each(backends())('privacy and input checks of accounts (%s)', (backend) => {
  let fx: NewsroomFixture;
  let subgraph: RunningServer;
  let alice: SignedIn;
  let bob: SignedIn;
  let admin: SignedIn;

  beforeAll(async () => {
    fx = await startNewsroomFixture(backend, 'accounts_privacy', 20);
    await prepareAccounts(fx);
    subgraph = await startSubgraphServer(accountsSubgraph, accountsDataSource(fx), { port: 0 });
    alice = await signInAs(fx, [], { label: 'alice' });
    bob = await signInAs(fx, [Role.Journalist], { label: 'bob' });
    admin = await signInAs(fx, [Role.Admin]);
  });
  afterAll(async () => {
    await subgraph?.stop();
    await fx?.stop();
  });

  const ENTITIES = `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on User { id displayName email emailVerified roles } } }`;

  it('shows a user’s email, verification and roles to that user and admins only, even to callers of the subgraph itself', async () => {
    const reps = [{ __typename: 'User', id: String(alice.id) }];
    const as = async (headers: Record<string, string>) => (await subgraphGql(subgraph.url, ENTITIES, { reps }, headers)).data._entities[0];
    const hidden = { id: String(alice.id), displayName: 'Test reader', email: null, emailVerified: null, roles: null };
    expect(await as({})).toEqual(hidden);
    expect(await as(bob.headers)).toEqual(hidden);
    expect(await as(alice.headers)).toEqual({ ...hidden, email: alice.email, emailVerified: true, roles: ['READER'] });
    expect(await as(admin.headers)).toEqual({ ...hidden, email: alice.email, emailVerified: true, roles: ['READER'] });
  });

  it('gives a caller of the subgraph no more rights than its token: forwarded-looking headers count for nothing', async () => {
    const query = `{ users(first: 5) { nodes { email } } }`;
    const forged = { 'x-user-id': String(admin.id), 'x-roles': 'admin', 'x-forwarded-for': '10.0.0.1', 'x-viewer': '{"kind":"user","roles":["admin"]}' };
    expect(errorCodes(await subgraphGql(subgraph.url, query, {}, forged))).toEqual(['UNAUTHENTICATED']);
    expect(errorCodes(await subgraphGql(subgraph.url, query, {}, { ...forged, ...bob.headers }))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await subgraphGql(subgraph.url, query, {}, admin.headers))).toEqual([]);
  });

  it('verifies the token forwarded by a gateway that calls the subgraph over HTTP', async () => {
    const gateway = await startGraphQLServer({
      gateway: createGateway({ localSchemas: { editorial: fx.app.schemas.editorial }, urls: { accounts: subgraph.url } }),
      port: 0,
    });
    try {
      const me = await gql(gateway.url, `{ me { id email } }`, {}, alice.headers);
      expect(me.data).toEqual({ me: { id: String(alice.id), email: alice.email } });
      expect(errorCodes(await gql(gateway.url, `{ me { id } }`, {}))).toEqual(['UNAUTHENTICATED']);
      expect(errorCodes(await gql(gateway.url, `{ users(first: 1) { totalCount } }`, {}, alice.headers))).toEqual(['FORBIDDEN']);
    } finally {
      await gateway.stop();
    }
  });

  async function counts() {
    const ds = accountsDataSource(fx);
    const n = async (table: string) => Number((await ds.query(`SELECT COUNT(*) AS n FROM ${table}`))[0].n);
    return {
      users: await n('user_account'),
      roles: await n('user_role'),
      tokens: await n('account_token'),
      refresh: await n('refresh_token'),
      subscriptions: await n('newsletter_subscription'),
      serviceTokens: await n('service_token'),
    };
  }

  it('answers bad input with BAD_USER_INPUT and creates nothing', async () => {
    const register = `mutation($i: RegisterInput!) { register(input: $i) { accessToken } }`;
    const good = { email: uniqueEmail('valid'), password: TEST_PASSWORD, displayName: 'Jeanne' };
    const cases: Array<[string, string, Record<string, unknown>, Record<string, string>?]> = [
      ['malformed email', register, { i: { ...good, email: 'not-an-email' } }],
      ['email without domain', register, { i: { ...good, email: 'jeanne@' } }],
      ['255-character email', register, { i: { ...good, email: `${'a'.repeat(243)}@example.com` } }],
      ['10 KB email', register, { i: { ...good, email: `${TEN_KB}@example.com` } }],
      ['short password', register, { i: { ...good, password: 'Court-1' } }],
      ['one-character password', register, { i: { ...good, password: 'aaaaaaaaaaaa' } }],
      ['common password', register, { i: { ...good, password: 'motdepasse123' } }],
      ['sequence password', register, { i: { ...good, password: '1234567890' } }],
      ['10 KB password', register, { i: { ...good, password: TEN_KB } }],
      ['10 KB display name', register, { i: { ...good, displayName: TEN_KB } }],
      ['81-character display name', register, { i: { ...good, displayName: 'n'.repeat(81) } }],
      ['blank display name', register, { i: { ...good, displayName: '   ' } }],
      ['control characters in name', register, { i: { ...good, displayName: 'Jeanne\u0000\u202e' } }],
      ['malformed subscription email', `mutation { subscribeNewsletter(newsletter: "sports", email: "nope") }`, {}],
      ['10 KB subscription email', `mutation($e: String) { subscribeNewsletter(newsletter: "sports", email: $e) }`, { e: `${TEN_KB}@example.com` }],
      ['10 KB service token name', `mutation($n: String!) { createServiceToken(name: $n, scopes: [EXPORT]) { secret } }`, { n: TEN_KB }, admin.headers],
      ['service token without scopes', `mutation { createServiceToken(name: "vide", scopes: []) { secret } }`, {}, admin.headers],
      ['malformed user id', `mutation { grantRole(userId: "abc", role: EDITOR) { id } }`, {}, admin.headers],
      ['10 KB reset token', `mutation($t: String!) { resetPassword(token: $t, newPassword: "Brand-new-secret-2026") }`, { t: TEN_KB }],
      ['10 KB login email', `mutation($e: String!) { login(email: $e, password: "whatever-password") { accessToken } }`, { e: TEN_KB }],
    ];
    const before = await counts();
    for (const [label, query, variables, headers] of cases) {
      const res = await gql(fx.url, query, variables, headers ?? {});
      expect({ label, codes: errorCodes(res) }).toEqual({ label, codes: ['BAD_USER_INPUT'] });
      expect(res.status).toBeLessThan(500);
      expect(JSON.stringify(res)).not.toContain(TEN_KB.slice(0, 100));
    }
    expect(await counts()).toEqual(before);
    // The same input, corrected, goes through.
    expect(errorCodes(await gql(fx.url, register, { i: good }))).toEqual([]);
  });
});
