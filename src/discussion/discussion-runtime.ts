import type { DataSource } from 'typeorm';
import { perRequest, type RequestContext } from '../context/request-context';
import type { ContentEvent } from '../events/content-events';
import { contentEvents } from '../events/content-events';
import { createRateLimiter, type RateLimiter, type RateRule } from '../limits/rate-limiter';
import { createDiscussionLoaders, type DiscussionLoaders } from './discussion-loaders';
import { FederatedPublishedArticles, type PublishedArticles } from './published-articles';

/** Throttles of the discussion subgraph: [events, window in seconds]. */
export const DISCUSSION_LIMITS = {
  /** Comments posted per signed-in user. */
  postPerUser: [5, 60],
  /** Comments posted per client address, guests and users alike (several accounts behind one address). */
  postPerIp: [10, 60],
  /** Reports filed per user. */
  reportPerUser: [20, 60 * 60],
} satisfies Record<string, RateRule>;

const runtimes = new WeakMap<DataSource, DiscussionRuntime>();

/**
 * What the discussion subgraph's resolvers and services share: its database, per-request
 * loaders, the rate limiter and the way to ask editorial whether an article is published.
 * One per data source, so tests holding the data source reach the same limiter.
 */
export class DiscussionRuntime {
  readonly loaders: (ctx: RequestContext) => DiscussionLoaders;
  /**
   * Comments posted in this request: their poster reads them in the mutation's answer even
   * while pending, guests included (who have no account to be recognised by afterwards).
   */
  readonly postedInRequest: (ctx: RequestContext) => Set<number>;
  private currentLimiter: RateLimiter | null = null;
  private currentArticles: PublishedArticles = FederatedPublishedArticles.overHttp();

  constructor(readonly dataSource: DataSource) {
    this.loaders = perRequest((ctx) => createDiscussionLoaders(dataSource, ctx));
    this.postedInRequest = perRequest(() => new Set<number>());
  }

  static for(dataSource: DataSource): DiscussionRuntime {
    let rt = runtimes.get(dataSource);
    if (!rt) {
      rt = new DiscussionRuntime(dataSource);
      runtimes.set(dataSource, rt);
    }
    return rt;
  }

  /** Created on first use, so printing the schema never connects to Redis. */
  get limiter(): RateLimiter {
    this.currentLimiter ??= createRateLimiter();
    return this.currentLimiter;
  }

  get articles(): PublishedArticles {
    return this.currentArticles;
  }

  /** Guests (name and email, no account) may comment unless ALLOW_GUEST_COMMENTS is 0/false/off. */
  get guestCommentsAllowed(): boolean {
    return !/^(0|false|off|no)$/i.test(process.env.ALLOW_GUEST_COMMENTS ?? '');
  }

  useRateLimiter(limiter: RateLimiter): this {
    this.currentLimiter = limiter;
    return this;
  }

  usePublishedArticles(articles: PublishedArticles): this {
    this.currentArticles = articles;
    return this;
  }

  /**
   * Tells listeners (the response cache) that what readers see of a thread changed. Called
   * after the transaction committed. The bus is in-process: when this subgraph runs apart
   * from the gateway, the event transport must be shared (e.g. Redis) for the purge to arrive.
   */
  async emit(events: ContentEvent[]): Promise<void> {
    const seen = new Set<string>();
    for (const event of events) {
      const key = JSON.stringify(event);
      if (seen.has(key)) continue;
      seen.add(key);
      await contentEvents.emit(event);
    }
  }
}
