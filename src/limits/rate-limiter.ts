import Redis from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';

/** The outcome of counting one event against a limit. */
export type RateDecision = { allowed: boolean; retryAfterSeconds: number };

/** A budget: `limit` events per `windowSeconds` (the window starts at the key's first event). */
export type RateRule = readonly [limit: number, windowSeconds: number];

/**
 * Counts events per key, shared by every subgraph for throttling: login attempts, mails
 * sent, registrations, comments, page-view calls.
 *
 * `consume` is atomic (one increment that answers the new count): callers count an attempt
 * BEFORE doing the work it guards (verifying a password), so N concurrent attempts can never
 * all pass a check read before any of them was counted.
 */
export interface RateLimiter {
  /** Counts one event; `allowed` is false once the window holds more than the rule's limit. */
  consume(key: string, rule: RateRule): Promise<RateDecision>;
  /** Gives back one event counted by `consume` (a login that succeeded was no failure). */
  refund(key: string, rule: RateRule): Promise<void>;
  /** Forgets a key (a successful login clears its account's failures). */
  reset(key: string, rule: RateRule): Promise<void>;
  close(): Promise<void>;
}

/**
 * One rate-limiter-flexible counter of `points` per `duration` seconds: in memory, or in Redis
 * with an in-memory insurance limiter that counts on its own while Redis is unreachable, rather
 * than letting everything through or refusing everyone. `failFast` also counts in memory while
 * the client is still connecting, instead of waiting for it: right for limits checked on every
 * request (the cost budget), wrong for login throttling, whose count must not split between
 * memory and Redis just after start.
 */
export function flexibleLimiter(points: number, duration: number, keyPrefix: string, redis?: Redis, failFast = false): RateLimiterAbstract {
  if (!redis) return new RateLimiterMemory({ points, duration, keyPrefix });
  return new RateLimiterRedis({
    storeClient: redis,
    points,
    duration,
    keyPrefix,
    rejectIfRedisNotReady: failFast,
    insuranceLimiter: new RateLimiterMemory({ points, duration, keyPrefix }),
  });
}

/**
 * rate-limiter-flexible does the counting: its limiters are built for one (points, duration)
 * pair, so there is one per rule, created on first use and named after the rule, so that
 * changing a budget never reuses a counter kept under another one.
 */
abstract class FlexibleRateLimiter implements RateLimiter {
  private readonly byRule = new Map<string, RateLimiterAbstract>();

  constructor(protected readonly prefix: string) {}

  protected abstract build(points: number, duration: number, keyPrefix: string): RateLimiterAbstract;

  private limiterFor([limit, windowSeconds]: RateRule): RateLimiterAbstract {
    const id = `${limit}/${windowSeconds}`;
    let limiter = this.byRule.get(id);
    if (!limiter) {
      limiter = this.build(limit, windowSeconds, `${this.prefix}${id}`);
      this.byRule.set(id, limiter);
    }
    return limiter;
  }

  async consume(key: string, rule: RateRule): Promise<RateDecision> {
    try {
      await this.limiterFor(rule).consume(key, 1);
      return { allowed: true, retryAfterSeconds: 0 };
    } catch (rejection) {
      // The library rejects with a RateLimiterRes when the budget is spent, with an Error when the store failed.
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)) };
    }
  }

  async refund(key: string, rule: RateRule): Promise<void> {
    await this.limiterFor(rule).reward(key, 1);
  }

  async reset(key: string, rule: RateRule): Promise<void> {
    await this.limiterFor(rule).delete(key);
  }

  async close(): Promise<void> {}
}

/**
 * One process's counters: right for a single process and for tests. Several processes behind
 * a load balancer each count on their own, multiplying the limit; use Redis there. Expired
 * keys are removed by the library's timers (unref'd), so memory follows the live keys.
 */
export class MemoryRateLimiter extends FlexibleRateLimiter {
  constructor(prefix = 'newsroom:rate:') {
    super(prefix);
  }

  protected build(points: number, duration: number, keyPrefix: string): RateLimiterAbstract {
    return flexibleLimiter(points, duration, keyPrefix);
  }
}

/**
 * Counters shared by every process through Redis (`REDIS_URL`). Should Redis fail, each
 * process falls back to counting in memory (the library's insurance limiter) rather than
 * refusing every login or letting every attempt through.
 */
export class RedisRateLimiter extends FlexibleRateLimiter {
  constructor(
    private readonly redis: Redis,
    prefix = 'newsroom:rate:',
    private readonly ownsClient = false,
  ) {
    super(prefix);
  }

  static fromUrl(url: string, prefix?: string): RedisRateLimiter {
    return new RedisRateLimiter(new Redis(url, { maxRetriesPerRequest: 2 }), prefix, true);
  }

  protected build(points: number, duration: number, keyPrefix: string): RateLimiterAbstract {
    return flexibleLimiter(points, duration, keyPrefix, this.redis);
  }

  async close(): Promise<void> {
    if (this.ownsClient) await this.redis.quit();
  }
}

/** Redis when `REDIS_URL` is set (several processes share the counters), else in memory. */
export function createRateLimiter(env: NodeJS.ProcessEnv = process.env): RateLimiter {
  return env.REDIS_URL ? RedisRateLimiter.fromUrl(env.REDIS_URL) : new MemoryRateLimiter();
}
