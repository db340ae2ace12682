import { In, type DataSource } from 'typeorm';
import { ArticleMeta } from '../../entities/audience/article-meta.entity';
import { sqlDate } from '../db/sql-values';
import type { AudienceOptions } from './audience-options';
import { dayOf } from './time-buckets';
import type { EditorialArticles } from './editorial-articles';
import type { RankingCache } from './ranking-cache';
import { upsertRows, type UpsertSpec } from './upsert';

const META: UpsertSpec = {
  table: 'article_meta',
  key: ['articleId'],
  columns: ['articleId', 'rubricPath', 'listed', 'publishedAt', 'refreshedAt'],
  merge: { rubricPath: 'replace', listed: 'replace', publishedAt: 'replace', refreshedAt: 'replace' },
};

/** Ids per `_entities` call. */
const BATCH = 500;
const RETRY_MS = 5000;

/**
 * Keeps `article_meta` (is the article public, under which rubrics) in step with editorial.
 * Three triggers: a content event about the article (refresh soon), a rubric moved (refresh
 * every article under it), and views of an article whose copy is missing or older than
 * `metaMaxAgeMs` (which also catches embargoes that lapsed and events this process never got,
 * such as articles written before the audience subgraph existed). Refreshes run in the
 * background in batches, one editorial call per 500 articles; a failed call is retried.
 */
export class ArticleMetaRefresher {
  private readonly pending = new Set<number>();
  private timer: NodeJS.Timeout | null = null;
  private tail: Promise<unknown> = Promise.resolve();
  private stopped = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly options: Pick<AudienceOptions, 'metaMaxAgeMs'>,
    private readonly rankings: RankingCache,
    /** Editorial, in process or over HTTP: the audience composition root chooses. */
    private readonly source: EditorialArticles,
  ) {}

  enqueue(ids: Iterable<number>, delayMs = 20): void {
    for (const id of ids) this.pending.add(id);
    this.schedule(delayMs);
  }

  /** Articles just read: queues those never checked or checked too long ago. */
  async touch(ids: number[], now = new Date()): Promise<void> {
    if (this.stopped) return;
    const oldest = now.getTime() - this.options.metaMaxAgeMs;
    for (let i = 0; i < ids.length; i += 1000) {
      const part = ids.slice(i, i + 1000);
      const fresh = await this.dataSource
        .getRepository(ArticleMeta)
        .find({ select: { articleId: true, refreshedAt: true }, where: { articleId: In(part) } });
      const known = new Set(fresh.filter((m) => m.refreshedAt.getTime() >= oldest).map((m) => m.articleId));
      this.enqueue(part.filter((id) => !known.has(id)));
    }
  }

  /**
   * Queues the articles read in the last 30 days that have no copy at all (views written while
   * this subgraph was not serving: the demo's seeded week, a restored backup). Rankings skip
   * articles without a copy, and no view may come to touch them.
   */
  async sweepUnknown(now = new Date()): Promise<void> {
    await this.exclusive(async () => {
      const rows: Array<{ articleId: number }> = await this.dataSource.query(
        `SELECT DISTINCT v.articleId AS articleId FROM page_view_daily v
         LEFT JOIN article_meta m ON m.articleId = v.articleId WHERE m.articleId IS NULL AND v.day > ?`,
        [dayOf(now.getTime()) - 30],
      );
      for (const r of rows) this.pending.add(Number(r.articleId));
    });
    this.schedule(20);
  }

  /** A rubric moved or was renamed: every article under it may have a new path. */
  async rubricChanged(rubricId: number): Promise<void> {
    const rows: Array<{ articleId: number }> = await this.dataSource.query('SELECT articleId FROM article_meta WHERE rubricPath LIKE ?', [`%/${rubricId}/%`]);
    this.enqueue(rows.map((r) => Number(r.articleId)));
  }

  /** Resolves once everything queued so far is written, or a batch failed (it is retried later). */
  async drain(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    while (!this.stopped && this.pending.size) {
      const written = await this.exclusive(() => this.runBatch());
      if (!written) {
        this.schedule(RETRY_MS);
        return;
      }
    }
    await this.tail;
  }

  /** No more refreshes (shutdown): waits for the batch in flight; what is still queued is redone on later views. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.tail;
  }

  private schedule(delayMs: number): void {
    if (this.timer || this.stopped || !this.pending.size) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.drain();
    }, delayMs);
    this.timer.unref();
  }

  /** One batch at a time, whoever asks. */
  private exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.tail.then(fn);
    this.tail = run.catch(() => undefined);
    return run;
  }

  private async runBatch(): Promise<boolean> {
    const ids = [...this.pending].slice(0, BATCH);
    if (!ids.length) return true;
    ids.forEach((id) => this.pending.delete(id));
    try {
      const facts = await this.source.lookup(ids);
      const now = new Date();
      const rows = [...facts]
        .sort(([a], [b]) => a - b)
        .map(([id, f]) => [id, f?.rubricPath ?? null, f ? 1 : 0, f?.publishedAt ? sqlDate(this.dataSource, f.publishedAt) : null, sqlDate(this.dataSource, now)]);
      const hidden = [...facts].filter(([, f]) => f === null).map(([id]) => id);
      const leftPublic = await this.dataSource.transaction(async (m) => {
        const wasListed = hidden.length ? await m.getRepository(ArticleMeta).countBy({ articleId: In(hidden), listed: true }) : 0;
        await upsertRows(m, META, rows);
        return wasListed > 0;
      });
      // An article that left the public must leave the rankings now, not when they expire.
      if (leftPublic) this.rankings.invalidate();
      return true;
    } catch (err) {
      ids.forEach((id) => this.pending.add(id));
      console.error('[audience] article facts refresh failed; retrying', err instanceof Error ? err.message : err);
      return false;
    }
  }
}
