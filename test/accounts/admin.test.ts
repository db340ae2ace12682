import { decodeJwt } from 'jose';
import { ServiceToken } from '../../entities/accounts/service-token.entity';
import { signAccessToken } from '../../src/auth/access-token';
import { backends } from '../support/backends';
import { errorCodes, gql } from '../support/graphql-client';
import { startNewsroomFixture, type NewsroomFixture } from '../support/newsroom-fixture';
import { accountsDataSource, bearer, prepareAccounts, Role, signInAs, TEST_PASSWORD, type SignedIn } from '../support/sign-in';

const GRANT = `mutation($u: ID!, $r: Role!) { grantRole(userId: $u, role: $r) { id roles } }`;
const REVOKE = `mutation($u: ID!, $r: Role!) { revokeRole(userId: $u, role: $r) { id roles } }`;
const EXCHANGE = `mutation($s: String!) { exchangeServiceToken(secret: $s) { accessToken expiresAt scopes } }`;

describe.each(backends())('administration of accounts (%s)', (backend) => {
  let fx: NewsroomFixture;
  let admin: SignedIn;

  beforeAll(async () => {
    fx = await startNewsroomFixture(backend, 'accounts_admin', 20);
    await prepareAccounts(fx);
    admin = await signInAs(fx, [Role.Admin]);
  });
  afterAll(async () => {
    await fx?.stop();
  });

  it('keeps the last admin from demoting themself, and checks stored roles before acting', async () => {
    const res = await gql(fx.url, REVOKE, { u: String(admin.id), r: 'ADMIN' }, admin.headers);
    expect(res.errors![0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'LAST_ADMIN' });

    const second = await signInAs(fx, [], { label: 'future-admin' });
    expect((await gql(fx.url, GRANT, { u: String(second.id), r: 'ADMIN' }, admin.headers)).data.grantRole.roles).toEqual(['READER', 'ADMIN']);
    expect((await gql(fx.url, REVOKE, { u: String(admin.id), r: 'ADMIN' }, admin.headers)).data.revokeRole.roles).toEqual(['READER']);
    // The demoted admin's access token still says admin; the database does not.
    const stale = await gql(fx.url, `{ users(first: 1) { totalCount } }`, {}, admin.headers);
    expect(stale.errors![0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'ROLE_REVOKED' });

    // Now the second is the only admin, and cannot step down either; they restore the first.
    const secondHeaders = bearer(await signAccessToken({ userId: second.id, roles: [Role.Admin] }));
    expect(errorCodes(await gql(fx.url, REVOKE, { u: String(second.id), r: 'ADMIN' }, secondHeaders))).toEqual(['CONFLICT']);
    expect(errorCodes(await gql(fx.url, GRANT, { u: String(admin.id), r: 'ADMIN' }, secondHeaders))).toEqual([]);
    expect(errorCodes(await gql(fx.url, `{ users(first: 1) { totalCount } }`, {}, admin.headers))).toEqual([]);
  });

  it('lists users to admins with keyset pagination and private fields', async () => {
    const users = [await signInAs(fx, [Role.Journalist]), await signInAs(fx, [Role.Editor]), await signInAs(fx)];
    const all = await gql(fx.url, `{ users(first: 100) { totalCount nodes { id email roles } } }`, {}, admin.headers);
    expect(all.errors).toBeUndefined();
    expect(all.data.users.totalCount).toBe(all.data.users.nodes.length);
    const byId = new Map(all.data.users.nodes.map((n: any) => [n.id, n]));
    expect(byId.get(String(users[1].id))).toEqual({ id: String(users[1].id), email: users[1].email, roles: ['READER', 'EDITOR'] });

    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page: any = await gql(fx.url, `query($a: String) { users(first: 2, after: $a) { nodes { id } pageInfo { hasNextPage endCursor } } }`, { a: after }, admin.headers);
      seen.push(...page.data.users.nodes.map((n: any) => n.id));
      after = page.data.users.pageInfo.hasNextPage ? page.data.users.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toEqual(all.data.users.nodes.map((n: any) => n.id));
    expect(errorCodes(await gql(fx.url, `{ users(first: 101) { totalCount } }`, {}, admin.headers))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await gql(fx.url, `{ users(first: 1) { totalCount } }`, {}, users[1].headers))).toEqual(['FORBIDDEN']);
  });

  it('grants and revokes roles; the next session carries them', async () => {
    const user = await signInAs(fx);
    expect((await gql(fx.url, GRANT, { u: String(user.id), r: 'EDITOR' }, admin.headers)).data.grantRole.roles).toEqual(['READER', 'EDITOR']);
    expect((await gql(fx.url, GRANT, { u: String(user.id), r: 'EDITOR' }, admin.headers)).data.grantRole.roles).toEqual(['READER', 'EDITOR']);
    const login = await gql(fx.url, `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken user { roles } } }`, { e: user.email, p: TEST_PASSWORD });
    expect(login.data.login.user.roles).toEqual(['READER', 'EDITOR']);
    expect(decodeJwt(login.data.login.accessToken).roles).toEqual(['editor']);
    expect((await gql(fx.url, REVOKE, { u: String(user.id), r: 'EDITOR' }, admin.headers)).data.revokeRole.roles).toEqual(['READER']);
    expect(errorCodes(await gql(fx.url, GRANT, { u: String(user.id), r: 'READER' }, admin.headers))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await gql(fx.url, GRANT, { u: '987654', r: 'EDITOR' }, admin.headers))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await gql(fx.url, GRANT, { u: String(user.id), r: 'ADMIN' }, user.headers))).toEqual(['FORBIDDEN']);
  });

  it('creates service tokens whose secret is shown once, exchanged for scoped tokens until revoked', async () => {
    const created = await gql(
      fx.url,
      `mutation { createServiceToken(name: "Export nocturne", scopes: [EXPORT, READ, EXPORT]) { secret serviceToken { id name scopes revokedAt } } }`,
      {},
      admin.headers,
    );
    expect(created.errors).toBeUndefined();
    const { secret, serviceToken } = created.data.createServiceToken;
    expect(secret).toMatch(/^nrst_[A-Za-z0-9_-]{43}$/);
    expect(serviceToken).toMatchObject({ name: 'Export nocturne', scopes: ['EXPORT', 'READ'], revokedAt: null });
    const stored = await accountsDataSource(fx).getRepository(ServiceToken).findOneByOrFail({ id: Number(serviceToken.id) });
    expect(JSON.stringify(stored)).not.toContain(secret.slice(5));

    const exchanged = await gql(fx.url, EXCHANGE, { s: secret });
    expect(exchanged.data.exchangeServiceToken.scopes).toEqual(['EXPORT', 'READ']);
    const headers = { authorization: `Bearer ${exchanged.data.exchangeServiceToken.accessToken}` };
    expect(decodeJwt(exchanged.data.exchangeServiceToken.accessToken)).toMatchObject({ sub: `service:${serviceToken.id}`, scopes: ['export', 'read'] });
    expect(errorCodes(await gql(fx.url, `{ me { id } }`, {}, headers))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await gql(fx.url, `{ serviceTokens { id } }`, {}, headers))).toEqual(['FORBIDDEN']);

    const listed = await gql(fx.url, `{ serviceTokens { id name lastUsedAt } }`, {}, admin.headers);
    expect(listed.data.serviceTokens.find((t: any) => t.id === serviceToken.id).lastUsedAt).not.toBeNull();

    const revoked = await gql(fx.url, `mutation($id: ID!) { revokeServiceToken(id: $id) { revokedAt } }`, { id: serviceToken.id }, admin.headers);
    expect(revoked.data.revokeServiceToken.revokedAt).not.toBeNull();
    const refused = await gql(fx.url, EXCHANGE, { s: secret });
    expect(refused.errors![0]).toMatchObject({ message: 'Invalid or revoked service token', extensions: { code: 'UNAUTHENTICATED' } });
    expect((await gql(fx.url, EXCHANGE, { s: `nrst_${'A'.repeat(43)}` })).errors![0].message).toBe('Invalid or revoked service token');
  });
});
