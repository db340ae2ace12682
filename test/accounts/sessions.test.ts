import { SignJWT } from 'jose';
import { RefreshToken } from '../../entities/accounts/refresh-token.entity';
import { signAccessToken } from '../../src/auth/access-token';
import type { MemoryMailer } from '../../src/mail/mailer';
import { backends } from '../support/backends';
import { errorCodes, gql } from '../support/graphql-client';
import { startNewsroomFixture, type NewsroomFixture } from '../support/newsroom-fixture';
import { accountsDataSource, bearer, prepareAccounts, TEST_PASSWORD, uniqueEmail } from '../support/sign-in';

const REGISTER = `mutation($input: RegisterInput!) {
  register(input: $input) { accessToken refreshToken expiresAt refreshTokenExpiresAt user { id email displayName emailVerified roles } }
}`;
const LOGIN = `mutation($email: String!, $password: String!) { login(email: $email, password: $password) { accessToken refreshToken user { id email } } }`;
const REFRESH = `mutation($t: String!) { refreshSession(refreshToken: $t) { accessToken refreshToken user { id email } } }`;
const ME = `{ me { id email displayName emailVerified roles } }`;

describe.each(backends())('sessions through the gateway (%s)', (backend) => {
  let fx: NewsroomFixture;
  let mailer: MemoryMailer;

  beforeAll(async () => {
    fx = await startNewsroomFixture(backend, 'sessions', 20);
    mailer = await prepareAccounts(fx);
  });
  afterAll(async () => {
    await fx?.stop();
  });

  async function register(displayName = 'Camille Martin') {
    const email = uniqueEmail('session');
    const res = await gql(fx.url, REGISTER, { input: { email: email.toUpperCase(), password: TEST_PASSWORD, displayName: `  ${displayName} ` } });
    expect(res.errors).toBeUndefined();
    return { email, ...res.data.register };
  }

  it('registers, normalising email and name, and signs the new user in', async () => {
    const session = await register();
    expect(session.user).toMatchObject({ email: session.email, displayName: 'Camille Martin', emailVerified: false, roles: ['READER'] });
    expect(Date.parse(session.expiresAt) - Date.now()).toBeGreaterThan(14 * 60 * 1000);
    expect(Date.parse(session.expiresAt) - Date.now()).toBeLessThanOrEqual(15 * 60 * 1000);
    expect(session.refreshToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const me = await gql(fx.url, ME, {}, bearer(session.accessToken));
    expect(me.data.me).toEqual({ id: session.user.id, email: session.email, displayName: 'Camille Martin', emailVerified: false, roles: ['READER'] });
    expect(mailer.last(session.email)?.subject).toMatch(/Confirmez votre adresse/);
    const again = await gql(fx.url, REGISTER, { input: { email: session.email, password: TEST_PASSWORD, displayName: 'Autre' } });
    expect(errorCodes(again)).toEqual(['CONFLICT']);
  });

  it('stores only hashes of refresh tokens and passwords', async () => {
    const session = await register();
    const rows = await accountsDataSource(fx).getRepository(RefreshToken).findBy({ userId: Number(session.user.id) });
    expect(rows).toHaveLength(1);
    expect(rows[0].tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(rows[0].tokenHash).not.toContain(session.refreshToken);
    const [user] = await accountsDataSource(fx).query('SELECT passwordHash FROM user_account WHERE id = ?', [Number(session.user.id)]);
    expect(user.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });

  it('answers the same for an unknown email and a wrong password', async () => {
    const session = await register();
    // One request id for both: errors carry it, and nothing else may tell the two apart.
    const sameId = { 'x-request-id': 'same-login-answer' };
    const wrong = await gql(fx.url, LOGIN, { email: session.email, password: 'Not-the-password-1' }, sameId);
    const unknown = await gql(fx.url, LOGIN, { email: uniqueEmail('nobody'), password: 'Not-the-password-1' }, sameId);
    expect(wrong.errors).toEqual(unknown.errors);
    expect(wrong.errors![0]).toMatchObject({ message: 'Invalid email or password', extensions: { code: 'UNAUTHENTICATED' } });
    const ok = await gql(fx.url, LOGIN, { email: ` ${session.email.toUpperCase()}`, password: TEST_PASSWORD });
    expect(ok.data.login.user).toEqual({ id: session.user.id, email: session.email });
  });

  it('rotates refresh tokens and revokes the whole login when a replaced one comes back', async () => {
    const session = await register();
    const first = await gql(fx.url, REFRESH, { t: session.refreshToken });
    expect(first.errors).toBeUndefined();
    expect(first.data.refreshSession.refreshToken).not.toBe(session.refreshToken);
    expect(first.data.refreshSession.user).toEqual({ id: session.user.id, email: session.email });
    const second = await gql(fx.url, REFRESH, { t: first.data.refreshSession.refreshToken });
    expect(second.errors).toBeUndefined();

    // The first token, already replaced, is presented again: theft is assumed.
    const replay = await gql(fx.url, REFRESH, { t: session.refreshToken });
    expect(replay.errors![0].extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'REUSED' });
    const latest = await gql(fx.url, REFRESH, { t: second.data.refreshSession.refreshToken });
    expect(latest.errors![0].extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'REVOKED' });

    // Another login of the same user is untouched.
    const other = await gql(fx.url, LOGIN, { email: session.email, password: TEST_PASSWORD });
    expect(errorCodes(await gql(fx.url, REFRESH, { t: other.data.login.refreshToken }))).toEqual([]);
  });

  it('logs out by revoking the refresh token, silently for unknown tokens', async () => {
    const session = await register();
    const out = await gql(fx.url, `mutation($t: String!) { logout(refreshToken: $t) }`, { t: session.refreshToken });
    expect(out.data).toEqual({ logout: true });
    const after = await gql(fx.url, REFRESH, { t: session.refreshToken });
    expect(after.errors![0].extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'REVOKED' });
    expect((await gql(fx.url, `mutation { logout(refreshToken: "unknown") }`)).data).toEqual({ logout: true });
    const bogus = await gql(fx.url, REFRESH, { t: 'x'.repeat(43) });
    expect(bogus.errors![0].extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'INVALID' });
  });

  it('refuses expired, tampered, foreign-key and unsigned access tokens', async () => {
    const session = await register();
    const id = Number(session.user.id);
    const expired = await signAccessToken({ userId: id, roles: [] }, -1);
    const res = await gql(fx.url, ME, {}, bearer(expired));
    expect(res.errors![0]).toMatchObject({ message: 'Access token expired', extensions: { code: 'UNAUTHENTICATED', reason: 'expired' } });

    const [head, payload, signature] = session.accessToken.split('.');
    const flipped = `${head}.${payload}.${signature.slice(0, 5)}${signature[5] === 'A' ? 'B' : 'A'}${signature.slice(6)}`;
    // A payload edited to claim the admin role keeps the old signature: refused.
    const forgedPayload = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), roles: ['admin'] })).toString('base64url');
    const otherKey = await new SignJWT({ roles: ['admin'] })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(`user:${id}`)
      .setIssuer('newsroom')
      .setAudience('newsroom-graph')
      .setExpirationTime('5m')
      .sign(new TextEncoder().encode('some-other-secret-that-is-long-enough'));
    const unsigned = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${forgedPayload}.`;
    for (const token of [flipped, `${head}.${forgedPayload}.${signature}`, otherKey, unsigned, 'not-a-jwt']) {
      const r = await gql(fx.url, `{ me { id } users(first: 1) { totalCount } }`, {}, bearer(token));
      expect(r.data).toBeNull();
      expect(r.errors![0].extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'invalid' });
    }
    expect(errorCodes(await gql(fx.url, ME, {}, bearer(session.accessToken)))).toEqual([]);
  });

  it('changes the password, signing out every other session', async () => {
    const session = await register();
    const change = `mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) { accessToken refreshToken user { email } } }`;
    const wrong = await gql(fx.url, change, { c: 'Wrong-password-42', n: 'Another-long-secret-7' }, bearer(session.accessToken));
    expect(errorCodes(wrong)).toEqual(['BAD_USER_INPUT']);
    const res = await gql(fx.url, change, { c: TEST_PASSWORD, n: 'Another-long-secret-7' }, bearer(session.accessToken));
    expect(res.errors).toBeUndefined();
    expect(res.data.changePassword.user.email).toBe(session.email);
    expect((await gql(fx.url, REFRESH, { t: session.refreshToken })).errors![0].extensions).toMatchObject({ reason: 'REVOKED' });
    expect(errorCodes(await gql(fx.url, REFRESH, { t: res.data.changePassword.refreshToken }))).toEqual([]);
    expect(errorCodes(await gql(fx.url, LOGIN, { email: session.email, password: TEST_PASSWORD }))).toEqual(['UNAUTHENTICATED']);
    expect(errorCodes(await gql(fx.url, LOGIN, { email: session.email, password: 'Another-long-secret-7' }))).toEqual([]);
  });

  it('throttles failed logins per account, even with the right password, and per address', async () => {
    fx.limiters.accounts.clear();
    const session = await register();
    for (let i = 0; i < 5; i++) {
      expect(errorCodes(await gql(fx.url, LOGIN, { email: session.email, password: `Wrong-password-${i}x` }))).toEqual(['UNAUTHENTICATED']);
    }
    const blocked = await gql(fx.url, LOGIN, { email: session.email, password: TEST_PASSWORD });
    expect(blocked.errors![0].extensions!.code).toBe('TOO_MANY_REQUESTS');
    expect(blocked.errors![0].extensions!.retryAfterSeconds).toBeGreaterThan(14 * 60);
    expect(blocked.errors![0].extensions!.retryAfterSeconds).toBeLessThanOrEqual(15 * 60);
    // An unknown address is throttled the same way: the throttle reveals no account.
    const ghost = uniqueEmail('ghost');
    for (let i = 0; i < 5; i++) await gql(fx.url, LOGIN, { email: ghost, password: `Wrong-password-${i}x` });
    expect(errorCodes(await gql(fx.url, LOGIN, { email: ghost, password: TEST_PASSWORD }))).toEqual(['TOO_MANY_REQUESTS']);

    // With the ten failures above, 20 from one address (over any accounts) lock it out of every account.
    const fresh = await register();
    for (let i = 0; i < 10; i++) await gql(fx.url, LOGIN, { email: uniqueEmail('spray'), password: 'Wrong-password-1x' });
    expect(errorCodes(await gql(fx.url, LOGIN, { email: fresh.email, password: TEST_PASSWORD }))).toEqual(['TOO_MANY_REQUESTS']);
    fx.limiters.accounts.clear();
    expect(errorCodes(await gql(fx.url, LOGIN, { email: fresh.email, password: TEST_PASSWORD }))).toEqual([]);
  });
});
