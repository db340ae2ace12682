import type { DataSource, EntityManager } from 'typeorm';
import { perRequest, type RequestContext } from '../context/request-context';
import type { ContentEvent } from '../events/content-events';
import { recordEvent } from '../events/event-outbox';
import type { RateLimiter, RateRule } from '../limits/rate-limiter';
import { createDiscussionLoaders, type DiscussionLoaders } from './discussion-loaders';
import type { PublishedArticles } from './published-articles';

/** Throttles of the discussion subgraph: [events, window in seconds]. */
export const DISCUSSION_LIMITS = {
  /** Comments posted per signed-in user. */
  postPerUser: [5, 60],
  /** Comments posted per client address, guests and users alike (several accounts behind one address). */
  postPerIp: [10, 60],
  /** Reports filed per user. */
  reportPerUser: [20, 60 * 60],
} satisfies Record<string, RateRule>;

/** What the discussion runtime is built from; the composition root (discussion.subgraph.ts) fills in what configuration leaves out. */
export type DiscussionParts = {
  limiter: RateLimiter;
  /** Whether an article is published: editorial's answer, in process or over HTTP. */
  articles: PublishedArticles;
  /** Guests (name and email, no account) may comment: ALLOW_GUEST_COMMENTS, read when asked (see the root). */
  guestCommentsAllowed: () => boolean;
};

/**
 * What the discussion subgraph's resolvers and services share: its database, per-request
 * loaders, the rate limiter and the way to ask editorial whether an article is published.
 * Built once per running subgraph by its composition root.
 */
export class DiscussionRuntime {
  readonly loaders: (ctx: RequestContext) => DiscussionLoaders;
  /**
   * Comments posted in this request: their poster reads them in the mutation's answer even
   * while pending, guests included (who have no account to be recognised by afterwards).
   */
  readonly postedInRequest: (ctx: RequestContext) => Set<number>;
  readonly limiter: RateLimiter;
  readonly articles: PublishedArticles;
  private readonly guestsAllowed: () => boolean;

  constructor(
    readonly dataSource: DataSource,
    parts: DiscussionParts,
    /** Hears the size of every loader batch (the process's metrics). */
    onBatch?: (size: number) => void,
  ) {
    this.loaders = perRequest((ctx) => createDiscussionLoaders(dataSource, ctx, onBatch));
    this.postedInRequest = perRequest(() => new Set<number>());
    this.limiter = parts.limiter;
    this.articles = parts.articles;
    this.guestsAllowed = parts.guestCommentsAllowed;
  }

  get guestCommentsAllowed(): boolean {
    return this.guestsAllowed();
  }

  /**
   * Announces that what readers see of a thread changed (caches purge on it), in the
   * transaction of the change: the outbox publishes it once that commits (event-outbox.ts).
   */
  async record(m: EntityManager, events: ContentEvent[]): Promise<void> {
    const seen = new Set<string>();
    for (const event of events) {
      const key = JSON.stringify(event);
      if (seen.has(key)) continue;
      seen.add(key);
      await recordEvent(m, event);
    }
  }
}
