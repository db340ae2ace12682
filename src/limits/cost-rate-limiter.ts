import type Redis from 'ioredis';
import { RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { CLIENT_CLASSES, type ClientClass } from './client-class';
import type { RateBudget } from './limits-config';
import { flexibleLimiter } from './rate-limiter';

/** What the `RateLimit-*` headers say after an operation was counted (or refused). */
export type CostDecision = { allowed: boolean; limit: number; remaining: number; resetSeconds: number; windowSeconds: number };

/**
 * A budget of cost points per client and window for each client class, spent by each
 * operation's cost (rate-limiter-flexible: `consume` is atomic in memory and in Redis, so
 * concurrent requests cannot overspend). With Redis, every gateway process shares the
 * counters (see `flexibleLimiter`).
 */
export class CostRateLimiter {
  private readonly limiters: Record<ClientClass, RateLimiterAbstract>;

  constructor(
    private readonly budgets: Record<ClientClass, RateBudget>,
    redis?: Redis,
    prefix = 'newsroom:cost',
  ) {
    const make = (cls: ClientClass) => flexibleLimiter(budgets[cls].points, budgets[cls].seconds, `${prefix}:${cls}`, redis, true);
    this.limiters = Object.fromEntries(CLIENT_CLASSES.map((cls) => [cls, make(cls)])) as Record<ClientClass, RateLimiterAbstract>;
  }

  /**
   * Spends `cost` (at least 1) of `key`'s budget. A refused operation is given its points back:
   * it did not run, so a client whose expensive operation was refused may still run a cheap one.
   */
  async spend(cls: ClientClass, key: string, cost: number): Promise<CostDecision> {
    const budget = this.budgets[cls];
    const points = Math.max(1, Math.ceil(cost));
    const decision = (allowed: boolean, remaining: number, msBeforeNext: number): CostDecision => ({
      allowed,
      limit: budget.points,
      remaining: Math.max(0, remaining),
      resetSeconds: Math.max(1, Math.ceil(msBeforeNext / 1000)),
      windowSeconds: budget.seconds,
    });
    const limiter = this.limiters[cls];
    try {
      const res = await limiter.consume(key, points);
      return decision(true, res.remainingPoints, res.msBeforeNext);
    } catch (refusal) {
      if (!(refusal instanceof RateLimiterRes)) throw refusal;
      await limiter.reward(key, points);
      return decision(false, budget.points - (refusal.consumedPoints - points), refusal.msBeforeNext);
    }
  }
}
