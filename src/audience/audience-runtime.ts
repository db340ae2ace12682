import type { DataSource } from 'typeorm';
import { perRequest, type RequestContext } from '../context/request-context';
import type { ContentEventSource } from '../events/content-events';
import type { RateLimiter } from '../limits/rate-limiter';
import { ArticleChangeLog } from './article-change-log';
import { ArticleMetaRefresher } from './article-meta-refresher';
import type { AudienceOptions } from './audience-options';
import { createAudienceLoaders, type AudienceLoaders } from './audience-loaders';
import { BotVerdicts } from './bot-filter';
import type { EditorialArticles } from './editorial-articles';
import { listenToContentEvents } from './content-event-listener';
import { PageViewBuffer } from './page-view-buffer';
import { PageViewFlusher } from './page-view-flusher';
import { RankingCache } from './ranking-cache';
import type { ViewDedup } from './view-dedup';

/** What the audience runtime is built from; the composition root (audience.subgraph.ts) fills in what configuration leaves out. */
export type AudienceParts = {
  options: AudienceOptions;
  limiter: RateLimiter;
  viewDedup: ViewDedup;
  /** Editorial, asked about articles' facts: in process when served here, else over HTTP. */
  editorial: EditorialArticles;
};

/**
 * What the audience subgraph's resolvers, services and jobs share: its database, the page
 * view buffer and its flusher, the copy of editorial facts, the change log, the ranking
 * cache and the rate limiter. Built once per running subgraph by its composition root, which
 * hands the parts below only what each of them uses (so none of them imports this file).
 */
export class AudienceRuntime {
  readonly options: Readonly<AudienceOptions>;
  readonly loaders: (ctx: RequestContext) => AudienceLoaders;
  readonly buffer: PageViewBuffer;
  readonly flusher: PageViewFlusher;
  readonly meta: ArticleMetaRefresher;
  /** The start-up search for read articles never copied (see `ArticleMetaRefresher.sweepUnknown`). */
  private sweep: Promise<void> = Promise.resolve();
  readonly changes: ArticleChangeLog;
  readonly rankings: RankingCache;
  readonly bots = new BotVerdicts();
  readonly limiter: RateLimiter;
  /** Who has been counted for which article lately. */
  readonly viewDedup: ViewDedup;

  constructor(
    readonly dataSource: DataSource,
    parts: AudienceParts,
  ) {
    const options = Object.freeze({ ...parts.options });
    this.options = options;
    this.limiter = parts.limiter;
    this.viewDedup = parts.viewDedup;
    this.loaders = perRequest(() => createAudienceLoaders(dataSource));
    this.buffer = new PageViewBuffer(options.maxBufferedKeys);
    this.rankings = new RankingCache(() => options.rankingTtlMs);
    this.meta = new ArticleMetaRefresher(dataSource, options, this.rankings, parts.editorial);
    this.changes = new ArticleChangeLog(dataSource, this.rankings);
    this.flusher = new PageViewFlusher({ dataSource, buffer: this.buffer, options, meta: this.meta });
  }

  /**
   * Starts serving: the flush timer and the content event listener. `stop` flushes what is
   * buffered, so a graceful shutdown loses no view; a crash loses what was counted since the
   * last flush, at most `flushIntervalMs` of views.
   */
  start(events: ContentEventSource, local?: ContentEventSource): () => Promise<void> {
    this.flusher.start();
    this.sweep = this.meta.sweepUnknown().catch((err) => console.error('[audience] article facts sweep failed', err));
    const unsubscribe = listenToContentEvents(this, events, local);
    return async () => {
      unsubscribe();
      await this.sweep;
      await this.meta.stop();
      await this.flusher.stop();
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
