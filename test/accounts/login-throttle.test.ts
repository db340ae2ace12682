import { randomUUID } from 'node:crypto';
import { AccountsRuntime } from '../../src/accounts/accounts-runtime';
import { AuthService } from '../../src/accounts/auth.service';
import { Argon2PasswordHasher } from '../../src/accounts/password-hasher';
import { createRequestContext } from '../../src/context/request-context';
import { AppError } from '../../src/errors/app-error';
import { MemoryRateLimiter, RedisRateLimiter, type RateLimiter } from '../../src/limits/rate-limiter';
import { MemoryMailer } from '../../src/mail/mailer';
import { backends } from '../support/backends';
import { errorCodes, gql } from '../support/graphql-client';
import { startNewsroomFixture, type NewsroomFixture } from '../support/newsroom-fixture';
import { accountsDataSource, prepareAccounts, signInAs, TEST_PASSWORD, uniqueEmail } from '../support/sign-in';

const LOGIN = `mutation($email: String!, $password: String!) { login(email: $email, password: $password) { accessToken } }`;

/** The real argon2 hasher, counting the passwords it is asked to check (known accounts and unknown alike). */
class CountingHasher extends Argon2PasswordHasher {
  checks = 0;

  override verify(passwordHash: string, password: string): Promise<boolean> {
    this.checks += 1;
    return super.verify(passwordHash, password);
  }

  override async burn(password: string): Promise<void> {
    this.checks += 1;
    await super.burn(password);
  }
}

/** Counters in memory always; in Redis too when TEST_REDIS_URL names a server. */
const limiters: Record<string, () => RateLimiter> = {
  memory: () => new MemoryRateLimiter(),
  ...(process.env.TEST_REDIS_URL ? { redis: () => RedisRateLimiter.fromUrl(process.env.TEST_REDIS_URL!, `newsroom:test:${randomUUID()}:`) } : {}),
};

function codeOf(outcome: PromiseSettledResult<unknown>): string {
  if (outcome.status === 'fulfilled') return 'OK';
  return outcome.reason instanceof AppError ? outcome.reason.code : String(outcome.reason);
}

describe.each(backends())('login throttling under concurrency (%s)', (backend) => {
  let fx: NewsroomFixture;

  beforeAll(async () => {
    fx = await startNewsroomFixture(backend, 'login_throttle', 5);
    await prepareAccounts(fx);
  });
  afterAll(async () => {
    await fx?.stop();
  });

  describe.each(Object.keys(limiters))('counters %s', (kind) => {
    let limiter: RateLimiter;
    let hasher: CountingHasher;
    let rt: AccountsRuntime;

    beforeEach(() => {
      limiter = limiters[kind]();
      hasher = new CountingHasher();
      rt = new AccountsRuntime(accountsDataSource(fx), { hasher, limiter, mailer: new MemoryMailer() });
    });
    afterEach(async () => {
      await limiter.close();
    });

    const attempt = async (email: string, password: string, ip = '203.0.113.7') => new AuthService(rt, await createRequestContext({}, ip)).login(email, password);

    it('checks at most 5 of 40 concurrent wrong passwords on one account, and then refuses the right one too', async () => {
      const user = await signInAs(fx, [], { label: 'victim' });
      const outcomes = await Promise.allSettled(Array.from({ length: 40 }, (_, i) => attempt(user.email, `Wrong-password-${i}x`, `198.51.100.${i + 1}`)));
      expect(hasher.checks).toBeLessThanOrEqual(5);
      const codes = outcomes.map(codeOf);
      expect(codes.filter((c) => c === 'UNAUTHENTICATED')).toHaveLength(hasher.checks);
      expect(codes.filter((c) => c === 'TOO_MANY_REQUESTS')).toHaveLength(40 - hasher.checks);

      const checksBefore = hasher.checks;
      const right = await Promise.allSettled([attempt(user.email, TEST_PASSWORD, '192.0.2.99')]);
      expect(codeOf(right[0])).toBe('TOO_MANY_REQUESTS');
      expect((right[0] as PromiseRejectedResult).reason.extensions.retryAfterSeconds).toBeGreaterThan(14 * 60);
      expect(hasher.checks).toBe(checksBefore);
    });

    it('throttles 40 concurrent attempts on an unknown email the same way', async () => {
      const outcomes = await Promise.allSettled(Array.from({ length: 40 }, (_, i) => attempt(uniqueEmail('ghost'), `Wrong-password-${i}x`)));
      // Every email is new, so only the address budget (20) applies: at most 20 checks.
      expect(hasher.checks).toBeLessThanOrEqual(20);
      expect(outcomes.map(codeOf).filter((c) => c === 'TOO_MANY_REQUESTS')).toHaveLength(40 - hasher.checks);
    });

    it('lets a right password through and clears the account count, giving the address its point back', async () => {
      const user = await signInAs(fx, [], { label: 'regular' });
      for (let i = 0; i < 4; i++) await expect(attempt(user.email, `Wrong-password-${i}x`)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
      await expect(attempt(user.email, TEST_PASSWORD)).resolves.toMatchObject({ user: { id: user.id } });
      // The account starts afresh: four more failures are still checked.
      for (let i = 0; i < 4; i++) await expect(attempt(user.email, `Wrong-password-${i}y`)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
      expect(hasher.checks).toBe(9);
    });
  });

  it('answers 40 concurrent wrong logins through the gateway with at most 5 INVALID_CREDENTIALS', async () => {
    fx.limiters.accounts.clear();
    const user = await signInAs(fx, [], { label: 'gateway' });
    const responses = await Promise.all(Array.from({ length: 40 }, (_, i) => gql(fx.url, LOGIN, { email: user.email, password: `Wrong-password-${i}x` })));
    const codes = responses.flatMap(errorCodes);
    expect(codes).toHaveLength(40);
    expect(codes.filter((c) => c === 'UNAUTHENTICATED').length).toBeLessThanOrEqual(5);
    expect(codes.filter((c) => c === 'TOO_MANY_REQUESTS').length).toBeGreaterThanOrEqual(35);
    expect(errorCodes(await gql(fx.url, LOGIN, { email: user.email, password: TEST_PASSWORD }))).toEqual(['TOO_MANY_REQUESTS']);
    fx.limiters.accounts.clear();
  });
});
