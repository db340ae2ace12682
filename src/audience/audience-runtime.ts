import type { DataSource, EntityManager } from 'typeorm';
import { perRequest, type RequestContext } from '../context/request-context';
import { exclusive } from '../db/write-transaction';
import { contentEvents } from '../events/content-events';
import { createRateLimiter, type RateLimiter } from '../limits/rate-limiter';
import type { SubgraphPeers, SubgraphServices } from '../subgraphs/subgraph-module';
import { ArticleChangeLog } from './article-change-log';
import { ArticleMetaRefresher } from './article-meta-refresher';
import { audienceOptions, type AudienceOptions } from './audience-options';
import { createAudienceLoaders, type AudienceLoaders } from './audience-loaders';
import { beaconRoute } from './beacon-route';
import { BotVerdicts } from './bot-filter';
import { FederatedEditorialArticles, type EditorialArticles } from './editorial-articles';
import { listenToContentEvents } from './content-event-listener';
import { PageViewBuffer } from './page-view-buffer';
import { PageViewFlusher } from './page-view-flusher';
import { RankingCache } from './ranking-cache';
import { createViewDedup, type ViewDedup } from './view-dedup';

const runtimes = new WeakMap<DataSource, AudienceRuntime>();

/**
 * What the audience subgraph's resolvers, services and jobs share: its database, the page
 * view buffer and its flusher, the copy of editorial facts, the change log, the ranking
 * cache and the rate limiter. One per data source, so tests and scripts holding the data
 * source reach the same buffer as the resolvers.
 */
export class AudienceRuntime {
  readonly options: AudienceOptions;
  readonly loaders: (ctx: RequestContext) => AudienceLoaders;
  readonly buffer: PageViewBuffer;
  readonly flusher: PageViewFlusher;
  readonly meta: ArticleMetaRefresher;
  readonly changes: ArticleChangeLog;
  readonly rankings: RankingCache;
  readonly bots = new BotVerdicts();
  private currentLimiter: RateLimiter | null = null;
  private currentDedup: ViewDedup | null = null;

  constructor(
    readonly dataSource: DataSource,
    options: Partial<AudienceOptions> = {},
  ) {
    this.options = { ...audienceOptions(), ...options };
    this.loaders = perRequest(() => createAudienceLoaders(dataSource));
    this.buffer = new PageViewBuffer(this.options.maxBufferedKeys);
    this.flusher = new PageViewFlusher(this);
    this.meta = new ArticleMetaRefresher(this);
    this.changes = new ArticleChangeLog(this);
    this.rankings = new RankingCache(() => this.options.rankingTtlMs);
  }

  static for(dataSource: DataSource): AudienceRuntime {
    let rt = runtimes.get(dataSource);
    if (!rt) {
      rt = new AudienceRuntime(dataSource);
      runtimes.set(dataSource, rt);
    }
    return rt;
  }

  /** Created on first use, so printing the schema never connects to Redis. */
  get limiter(): RateLimiter {
    this.currentLimiter ??= createRateLimiter();
    return this.currentLimiter;
  }

  /** Who has been counted for which article lately; created on first use, like the limiter. */
  get viewDedup(): ViewDedup {
    this.currentDedup ??= createViewDedup(process.env, this.options.maxRememberedViews);
    return this.currentDedup;
  }

  useViewDedup(dedup: ViewDedup): this {
    this.currentDedup = dedup;
    return this;
  }

  useRateLimiter(limiter: RateLimiter): this {
    this.currentLimiter = limiter;
    return this;
  }

  /** Changes tunables of a running runtime (tests, benchmarks); the flush interval applies from the next `start`. */
  configure(options: Partial<AudienceOptions>): this {
    Object.assign(this.options, options);
    return this;
  }

  /** Runs `fn` with no transaction of this database in progress (db/write-transaction.ts). */
  serialized<T>(fn: () => Promise<T>): Promise<T> {
    return exclusive(this.dataSource, fn);
  }

  /** Transactions queue on SQLite's single connection wherever the data source was made (db/write-transaction.ts). */
  transaction<T>(fn: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(fn);
  }

  /**
   * Starts serving: the flush timer, the content event listener, editorial lookups (in
   * process when editorial runs here, else at its URL) and the beacon endpoint. `stop`
   * flushes what is buffered, so a graceful shutdown loses no view; a crash loses what was
   * counted since the last flush, at most `flushIntervalMs` of views.
   */
  start(peers: SubgraphPeers, editorial?: EditorialArticles): SubgraphServices {
    this.meta.useSource(
      editorial ?? (peers.has('editorial') ? FederatedEditorialArticles.inProcess(() => peers.schema('editorial')) : FederatedEditorialArticles.overHttp()),
    );
    this.flusher.start();
    const unsubscribe = listenToContentEvents(this, contentEvents);
    return {
      routes: { '/beacon': beaconRoute(this) },
      stop: async () => {
        unsubscribe();
        await this.meta.stop();
        await this.flusher.stop();
      },
    };
  }

  /** Writes buffered views and pending article facts now (shutdown, tests, benchmarks). */
  async settle(): Promise<void> {
    await this.flusher.flush();
    await this.flusher.idle();
    await this.meta.drain();
  }
}
