import { AccountToken } from '../../entities/accounts/account-token.entity';
import type { MemoryMailer } from '../../src/mail/mailer';
import { backends } from '../support/backends';
import { errorCodes, gql } from '../support/graphql-client';
import { startNewsroomFixture, type NewsroomFixture } from '../support/newsroom-fixture';
import { accountsDataSource, bearer, prepareAccounts, TEST_PASSWORD, uniqueEmail, mailedToken } from '../support/sign-in';

const REGISTER = `mutation($input: RegisterInput!) { register(input: $input) { accessToken refreshToken user { id } } }`;
const LOGIN = `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }`;
const RESET = `mutation($t: String!, $p: String!) { resetPassword(token: $t, newPassword: $p) }`;
const VERIFY = `mutation($t: String!) { verifyEmail(token: $t) }`;
const REQUEST_RESET = `mutation($e: String!) { requestPasswordReset(email: $e) }`;


describe.each(backends())('email verification and password reset (%s)', (backend) => {
  let fx: NewsroomFixture;
  let mailer: MemoryMailer;

  beforeAll(async () => {
    fx = await startNewsroomFixture(backend, 'recovery', 20);
    mailer = await prepareAccounts(fx);
  });
  afterAll(async () => {
    await fx?.stop();
  });

  async function register() {
    const email = uniqueEmail('recovery');
    const res = await gql(fx.url, REGISTER, { input: { email, password: TEST_PASSWORD, displayName: 'Lou Bernard' } });
    expect(res.errors).toBeUndefined();
    return { email, ...res.data.register };
  }

  it('keeps an unverified account out of what needs a proven address, until the mailed link is followed', async () => {
    const user = await register();
    const auth = bearer(user.accessToken);
    expect((await gql(fx.url, `{ me { emailVerified } }`, {}, auth)).data.me.emailVerified).toBe(false);

    const subs = await gql(fx.url, `{ mySubscriptions { id } }`, {}, auth);
    expect(subs.errors![0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'EMAIL_NOT_VERIFIED' });
    const own = await gql(fx.url, `mutation { subscribeNewsletter(newsletter: "la-matinale") }`, {}, auth);
    expect(own.errors![0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'EMAIL_NOT_VERIFIED' });
    // Password reset does not need a verified address: it is how one proves it.
    expect((await gql(fx.url, REQUEST_RESET, { e: user.email })).data).toEqual({ requestPasswordReset: true });

    const resend = await gql(fx.url, `mutation { requestEmailVerification }`, {}, auth);
    expect(resend.data).toEqual({ requestEmailVerification: true });
    const token = mailedToken(mailer, user.email, '/compte/verifier-email');
    expect((await gql(fx.url, VERIFY, { t: token })).data).toEqual({ verifyEmail: true });
    expect((await gql(fx.url, `{ me { emailVerified } }`, {}, auth)).data.me.emailVerified).toBe(true);
    expect(errorCodes(await gql(fx.url, `{ mySubscriptions { id } }`, {}, auth))).toEqual([]);

    const twice = await gql(fx.url, VERIFY, { t: token });
    expect(twice.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_TOKEN' });
  });

  it('supersedes an earlier verification link when a new one is sent', async () => {
    const user = await register();
    const first = mailedToken(mailer, user.email, '/compte/verifier-email');
    await gql(fx.url, `mutation { requestEmailVerification }`, {}, bearer(user.accessToken));
    const second = mailedToken(mailer, user.email, '/compte/verifier-email');
    expect(second).not.toBe(first);
    expect(errorCodes(await gql(fx.url, VERIFY, { t: first }))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await gql(fx.url, VERIFY, { t: second }))).toEqual([]);
  });

  it('answers true for unknown addresses without mailing anything', async () => {
    const ghost = uniqueEmail('ghost');
    expect((await gql(fx.url, REQUEST_RESET, { e: ghost })).data).toEqual({ requestPasswordReset: true });
    expect(mailer.to(ghost)).toEqual([]);
  });

  it('resets the password once per token, signing out every session', async () => {
    const user = await register();
    await gql(fx.url, REQUEST_RESET, { e: user.email.toUpperCase() });
    const token = mailedToken(mailer, user.email, '/compte/nouveau-mot-de-passe');
    const weak = await gql(fx.url, RESET, { t: token, p: 'azertyuiop' });
    expect(errorCodes(weak)).toEqual(['BAD_USER_INPUT']);

    expect((await gql(fx.url, RESET, { t: token, p: 'Brand-new-secret-2026' })).data).toEqual({ resetPassword: true });
    const again = await gql(fx.url, RESET, { t: token, p: 'Yet-another-secret-2027' });
    expect(again.errors![0]).toMatchObject({ message: 'This link is invalid, expired or already used', extensions: { code: 'BAD_USER_INPUT', reason: 'INVALID_TOKEN' } });

    expect(errorCodes(await gql(fx.url, LOGIN, { e: user.email, p: TEST_PASSWORD }))).toEqual(['UNAUTHENTICATED']);
    expect(errorCodes(await gql(fx.url, LOGIN, { e: user.email, p: 'Yet-another-secret-2027' }))).toEqual(['UNAUTHENTICATED']);
    expect(errorCodes(await gql(fx.url, LOGIN, { e: user.email, p: 'Brand-new-secret-2026' }))).toEqual([]);
    const refresh = await gql(fx.url, `mutation($t: String!) { refreshSession(refreshToken: $t) { accessToken } }`, { t: user.refreshToken });
    expect(refresh.errors![0].extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'REVOKED' });
    // The mail reached its owner: the address counts as verified now.
    const login = await gql(fx.url, LOGIN, { e: user.email, p: 'Brand-new-secret-2026' });
    expect((await gql(fx.url, `{ me { emailVerified } }`, {}, bearer(login.data.login.accessToken))).data.me.emailVerified).toBe(true);
  });

  it('refuses an expired reset token', async () => {
    const user = await register();
    await gql(fx.url, REQUEST_RESET, { e: user.email });
    const token = mailedToken(mailer, user.email, '/compte/nouveau-mot-de-passe');
    await accountsDataSource(fx)
      .getRepository(AccountToken)
      .update({ userId: Number(user.user.id), purpose: 'reset_password' }, { expiresAt: new Date(Date.now() - 1000) });
    expect(errorCodes(await gql(fx.url, RESET, { t: token, p: 'Brand-new-secret-2026' }))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await gql(fx.url, LOGIN, { e: user.email, p: TEST_PASSWORD }))).toEqual([]);
  });
});
