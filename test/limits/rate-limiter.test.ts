import { randomUUID } from 'node:crypto';
import { MemoryRateLimiter, RedisRateLimiter, type RateLimiter } from '../../src/limits/rate-limiter';

const implementations: Record<string, () => RateLimiter> = {
  memory: () => new MemoryRateLimiter(),
  redis: () => RedisRateLimiter.fromUrl(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', `newsroom:test:${randomUUID()}:`),
};

describe.each(Object.keys(implementations))('rate limiter (%s)', (name) => {
  let limiter: RateLimiter;

  beforeAll(() => {
    limiter = implementations[name]();
  });
  afterAll(async () => {
    await limiter.close?.();
  });

  it('allows `limit` events per window, then refuses with the seconds left', async () => {
    for (let i = 1; i <= 3; i++) expect(await limiter.hit('a', 3, 60)).toEqual({ allowed: true, retryAfterSeconds: 0 });
    const refused = await limiter.hit('a', 3, 60);
    expect(refused.allowed).toBe(false);
    expect(refused.retryAfterSeconds).toBeGreaterThan(58);
    expect(refused.retryAfterSeconds).toBeLessThanOrEqual(60);
    expect((await limiter.hit('b', 3, 60)).allowed).toBe(true);
  });

  it('peeks without counting, and forgets a key on reset', async () => {
    expect(await limiter.peek('c', 2)).toEqual({ allowed: true, retryAfterSeconds: 0 });
    await limiter.hit('c', 2, 60);
    expect((await limiter.peek('c', 2)).allowed).toBe(true);
    await limiter.hit('c', 2, 60);
    const peeked = await limiter.peek('c', 2);
    expect(peeked.allowed).toBe(false);
    expect(peeked.retryAfterSeconds).toBeGreaterThan(0);
    await limiter.reset('c');
    expect((await limiter.peek('c', 2)).allowed).toBe(true);
  });

  it('opens a new window once the old one has passed', async () => {
    await limiter.hit('d', 1, 1);
    expect((await limiter.hit('d', 1, 1)).allowed).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect((await limiter.hit('d', 1, 1)).allowed).toBe(true);
  });
});

describe('memory rate limiter', () => {
  it('sweeps expired windows so the map stays small', async () => {
    let now = 0;
    const limiter = new MemoryRateLimiter(() => now);
    for (let i = 0; i < 100; i++) await limiter.hit(`k${i}`, 1, 10);
    now = 120_000;
    await limiter.hit('fresh', 1, 10);
    expect((limiter as unknown as { windows: Map<string, unknown> }).windows.size).toBe(1);
  });
});
