import type { DataSource, EntityManager } from 'typeorm';
import { perRequest, type RequestContext } from '../context/request-context';
import { isMysql } from '../db/data-source';
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

const runtimes = new WeakMap<DataSource, AudienceRuntime>();

let processLimiter: RateLimiter | null = null;

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
  /** The start-up search for read articles never copied (see `ArticleMetaRefresher.sweepUnknown`). */
  private sweep: Promise<void> = Promise.resolve();
  readonly changes: ArticleChangeLog;
  readonly rankings: RankingCache;
  readonly bots = new BotVerdicts();
  private currentLimiter: RateLimiter | null = null;
  private queue: Promise<unknown> = Promise.resolve();

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
    this.currentLimiter ??= processLimiter ??= createRateLimiter();
    return this.currentLimiter;
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

  /**
   * Runs `fn` alone on SQLite: TypeORM gives better-sqlite3 a single connection, on which two
   * interleaved transactions would nest into one another. MySQL has a pool and real locks.
   */
  serialized<T>(fn: () => Promise<T>): Promise<T> {
    if (isMysql(this.dataSource)) return fn();
    const run = this.queue.then(fn);
    this.queue = run.catch(() => undefined);
    return run;
  }

  transaction<T>(fn: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.serialized(() => this.dataSource.transaction(fn));
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
    this.sweep = this.meta.sweepUnknown().catch((err) => console.error('[audience] article facts sweep failed', err));
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
    await this.sweep;
    await this.flusher.flush();
    await this.flusher.idle();
    await this.meta.drain();
  }
}
