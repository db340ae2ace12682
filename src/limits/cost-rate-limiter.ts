import type Redis from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { CLIENT_CLASSES, type ClientClass } from './client-class';
import type { RateBudget } from './limits-config';

/** What the `RateLimit-*` headers say after an operation was counted (or refused). */
export type RateDecision = { allowed: boolean; limit: number; remaining: number; resetSeconds: number; windowSeconds: number };

/**
 * A budget of cost points per client and window for each client class, spent by each
 * operation's cost (rate-limiter-flexible: `consume` is atomic in memory and in Redis, so
 * concurrent requests cannot overspend). With Redis, every gateway process shares the
 * counters; if Redis fails, each process falls back to counting in memory (the insurance
 * limiter) rather than letting everything through or refusing everyone.
 */
export class CostRateLimiter {
  private readonly limiters: Record<ClientClass, RateLimiterAbstract>;

  constructor(
    private readonly budgets: Record<ClientClass, RateBudget>,
    redis?: Redis,
    prefix = 'newsroom:cost',
  ) {
    const make = (cls: ClientClass): RateLimiterAbstract => {
      const { points, seconds: duration } = budgets[cls];
      const keyPrefix = `${prefix}:${cls}`;
      if (!redis) return new RateLimiterMemory({ points, duration, keyPrefix });
      return new RateLimiterRedis({
        storeClient: redis,
        points,
        duration,
        keyPrefix,
        rejectIfRedisNotReady: true,
        insuranceLimiter: new RateLimiterMemory({ points, duration, keyPrefix }),
      });
    };
    this.limiters = Object.fromEntries(CLIENT_CLASSES.map((cls) => [cls, make(cls)])) as Record<ClientClass, RateLimiterAbstract>;
  }

  /** Spends `cost` (at least 1) of `key`'s budget; a refusal spends nothing of value but still counts. */
  async spend(cls: ClientClass, key: string, cost: number): Promise<RateDecision> {
    const budget = this.budgets[cls];
    const decision = (allowed: boolean, res: RateLimiterRes): RateDecision => ({
      allowed,
      limit: budget.points,
      remaining: Math.max(0, res.remainingPoints),
      resetSeconds: Math.max(1, Math.ceil(res.msBeforeNext / 1000)),
      windowSeconds: budget.seconds,
    });
    try {
      return decision(true, await this.limiters[cls].consume(key, Math.max(1, Math.ceil(cost))));
    } catch (refusal) {
      if (refusal instanceof RateLimiterRes) return decision(false, refusal);
      throw refusal;
    }
  }
}
