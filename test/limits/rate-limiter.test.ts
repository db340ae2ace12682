import { randomUUID } from 'node:crypto';
import { MemoryRateLimiter, RedisRateLimiter, type RateLimiter } from '../../src/limits/rate-limiter';

/** In memory always; over Redis only when TEST_REDIS_URL names a server (as backends() does for MySQL). */
const implementations: Record<string, () => RateLimiter> = {
  memory: () => new MemoryRateLimiter(),
  ...(process.env.TEST_REDIS_URL ? { redis: () => RedisRateLimiter.fromUrl(process.env.TEST_REDIS_URL!, `newsroom:test:${randomUUID()}:`) } : {}),
};

describe.each(Object.keys(implementations))('rate limiter (%s)', (name) => {
  let limiter: RateLimiter;

  beforeAll(() => {
    limiter = implementations[name]();
  });
  afterAll(async () => {
    await limiter.close();
  });

  it('allows `limit` events per window, then refuses with the seconds left', async () => {
    for (let i = 1; i <= 3; i++) expect(await limiter.consume('a', [3, 60])).toEqual({ allowed: true, retryAfterSeconds: 0 });
    const refused = await limiter.consume('a', [3, 60]);
    expect(refused.allowed).toBe(false);
    expect(refused.retryAfterSeconds).toBeGreaterThan(58);
    expect(refused.retryAfterSeconds).toBeLessThanOrEqual(60);
    expect((await limiter.consume('b', [3, 60])).allowed).toBe(true);
  });

  it('counts concurrent events atomically: of 40 at once exactly the limit pass', async () => {
    const decisions = await Promise.all(Array.from({ length: 40 }, () => limiter.consume('burst', [5, 60])));
    expect(decisions.filter((d) => d.allowed)).toHaveLength(5);
  });

  it('gives one event back on refund, and forgets a key on reset', async () => {
    await limiter.consume('c', [2, 60]);
    await limiter.consume('c', [2, 60]);
    expect((await limiter.consume('c', [2, 60])).allowed).toBe(false);
    await limiter.reset('c', [2, 60]);
    await limiter.consume('c', [2, 60]);
    await limiter.refund('c', [2, 60]);
    expect((await limiter.consume('c', [2, 60])).allowed).toBe(true);
    expect((await limiter.consume('c', [2, 60])).allowed).toBe(true);
    expect((await limiter.consume('c', [2, 60])).allowed).toBe(false);
  });

  it('keeps separate counts for the same key under different budgets', async () => {
    expect((await limiter.consume('d', [1, 60])).allowed).toBe(true);
    expect((await limiter.consume('d', [1, 60])).allowed).toBe(false);
    expect((await limiter.consume('d', [1, 30])).allowed).toBe(true);
  });

  it('opens a new window once the old one has passed', async () => {
    await limiter.consume('e', [1, 1]);
    expect((await limiter.consume('e', [1, 1])).allowed).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect((await limiter.consume('e', [1, 1])).allowed).toBe(true);
  });
});
