import Redis from 'ioredis';

/** The outcome of counting one event against a limit. */
export type RateDecision = { allowed: boolean; retryAfterSeconds: number };

/**
 * Counts events per key in fixed windows (`limit` events per `windowSeconds`, the window
 * starting at the key's first event). Shared by every subgraph for throttling: login
 * attempts, mails sent, registrations.
 */
export interface RateLimiter {
  /** Counts one event; `allowed` is false once the window holds more than `limit`. */
  hit(key: string, limit: number, windowSeconds: number): Promise<RateDecision>;
  /** Whether one more event would still be allowed, without counting it. */
  peek(key: string, limit: number): Promise<RateDecision>;
  /** Forgets a key (e.g. a successful login clears its account's failures). */
  reset(key: string): Promise<void>;
  close?(): Promise<void>;
}

/**
 * One process's counters in a Map: right for a single process and for tests. Several
 * processes behind a load balancer each count on their own, multiplying the limit; use
 * Redis there. Expired windows are swept lazily so the map cannot grow without bound.
 */
export class MemoryRateLimiter implements RateLimiter {
  private readonly windows = new Map<string, { count: number; resetAt: number }>();
  private lastSweep = 0;

  constructor(private readonly clock: () => number = Date.now) {}

  async hit(key: string, limit: number, windowSeconds: number): Promise<RateDecision> {
    const now = this.clock();
    this.sweep(now);
    let window = this.windows.get(key);
    if (!window || window.resetAt <= now) {
      window = { count: 0, resetAt: now + windowSeconds * 1000 };
      this.windows.set(key, window);
    }
    window.count += 1;
    return decide(window.count <= limit, window.resetAt - now);
  }

  async peek(key: string, limit: number): Promise<RateDecision> {
    const now = this.clock();
    const window = this.windows.get(key);
    if (!window || window.resetAt <= now) return { allowed: true, retryAfterSeconds: 0 };
    return decide(window.count < limit, window.resetAt - now);
  }

  async reset(key: string): Promise<void> {
    this.windows.delete(key);
  }

  private sweep(now: number): void {
    if (now - this.lastSweep < 60_000) return;
    this.lastSweep = now;
    for (const [key, window] of this.windows) if (window.resetAt <= now) this.windows.delete(key);
  }
}

/**
 * INCR and, on a key's first event, PEXPIRE, atomically in one script, returning the count
 * and the milliseconds left. A plain INCR followed by EXPIRE could leave a key without
 * expiry (and the account locked for ever) if the client died between the two.
 */
const HIT_SCRIPT = `
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]); ttl = tonumber(ARGV[1]) end
return { count, ttl }
`;

/** Counters shared by every process through Redis (`REDIS_URL`). */
export class RedisRateLimiter implements RateLimiter {
  constructor(
    private readonly redis: Redis,
    private readonly prefix = 'newsroom:rate:',
  ) {}

  static fromUrl(url: string, prefix?: string): RedisRateLimiter {
    return new RedisRateLimiter(new Redis(url, { lazyConnect: false, maxRetriesPerRequest: 2 }), prefix);
  }

  async hit(key: string, limit: number, windowSeconds: number): Promise<RateDecision> {
    const [count, ttl] = (await this.redis.eval(HIT_SCRIPT, 1, this.prefix + key, String(windowSeconds * 1000))) as [number, number];
    return decide(count <= limit, ttl);
  }

  async peek(key: string, limit: number): Promise<RateDecision> {
    const [count, ttl] = await Promise.all([this.redis.get(this.prefix + key), this.redis.pttl(this.prefix + key)]);
    if (count === null || ttl <= 0) return { allowed: true, retryAfterSeconds: 0 };
    return decide(Number(count) < limit, ttl);
  }

  async reset(key: string): Promise<void> {
    await this.redis.del(this.prefix + key);
  }

  async close(): Promise<void> {
    await this.redis.quit();
  }
}

function decide(allowed: boolean, msLeft: number): RateDecision {
  return { allowed, retryAfterSeconds: allowed ? 0 : Math.max(1, Math.ceil(msLeft / 1000)) };
}

/** Redis when `REDIS_URL` is set (several processes share the counters), else in memory. */
export function createRateLimiter(env: NodeJS.ProcessEnv = process.env): RateLimiter {
  return env.REDIS_URL ? RedisRateLimiter.fromUrl(env.REDIS_URL) : new MemoryRateLimiter();
}
