import { MemoryRateLimiter, type RateDecision, type RateLimiter, type RateRule } from '../../src/limits/rate-limiter';

/**
 * In-memory throttle counters a test can wipe (`clear`) between cases that share one address
 * (every request of a suite comes from 127.0.0.1). A test double only: a running subgraph keeps
 * the limiter it was built with, and this one forgets its counts without being replaced.
 */
export class ResettableRateLimiter implements RateLimiter {
  private inner = new MemoryRateLimiter();

  clear(): void {
    this.inner = new MemoryRateLimiter();
  }

  consume(key: string, rule: RateRule): Promise<RateDecision> {
    return this.inner.consume(key, rule);
  }
  refund(key: string, rule: RateRule): Promise<void> {
    return this.inner.refund(key, rule);
  }
  reset(key: string, rule: RateRule): Promise<void> {
    return this.inner.reset(key, rule);
  }
  close(): Promise<void> {
    return this.inner.close();
  }
}
