import type { DataSource, EntityManager } from 'typeorm';
import type { AudienceOptions } from './audience-options';
import { unpackKey, type PageViewBuffer, type ViewBatch } from './page-view-buffer';
import { dayOf, HOUR_MS } from './time-buckets';
import { upsertRows, type UpsertSpec } from './upsert';

const HOURLY: UpsertSpec = { table: 'page_view_hourly', key: ['hour', 'articleId'], columns: ['hour', 'articleId', 'views'], merge: { views: 'add' } };
const DAILY: UpsertSpec = { table: 'page_view_daily', key: ['day', 'articleId'], columns: ['day', 'articleId', 'views'], merge: { views: 'add' } };
const TOTAL: UpsertSpec = { table: 'article_view_total', key: ['articleId'], columns: ['articleId', 'views'], merge: { views: 'add' } };

export type FlushStats = { views: number; rows: number };

/** What a flusher works with, handed over by the audience runtime that owns them all. */
export type PageViewFlusherParts = {
  dataSource: DataSource;
  buffer: PageViewBuffer;
  options: Pick<AudienceOptions, 'flushIntervalMs' | 'flushAtKeys'>;
  /** Checks the editorial facts of the articles just written (article-meta-refresher.ts). */
  meta: { touch(articleIds: number[]): Promise<void> };
};

/** MySQL's "deadlock found" and "lock wait timeout": the transaction is rolled back and may simply be run again. */
function isRetryable(err: unknown): boolean {
  const code = (err as { driverError?: { errno?: number } }).driverError?.errno ?? (err as { errno?: number }).errno;
  return code === 1213 || code === 1205;
}

/**
 * Writes buffered views into the aggregates: every `flushIntervalMs`, sooner when the buffer
 * holds `flushAtKeys` pairs, and on shutdown. A flush is one transaction of three multi-row
 * upserts (hourly, daily, all-time), rows in key order; the hourly and daily rows and the
 * totals therefore always agree. Flushes run one after the other. A failed flush puts its
 * views back in the buffer, so they are written by the next one.
 */
export class PageViewFlusher {
  private timer: NodeJS.Timeout | null = null;
  private tail: Promise<unknown> = Promise.resolve();
  private early: Promise<unknown> | null = null;
  /** The editorial facts check started by the last flush. */
  private checking: Promise<void> = Promise.resolve();
  /** Views written since the process started. */
  written = 0;
  /** Callers waiting for the views they added to be written (AUDIENCE_ACK=written). */
  private waiting: Array<() => void> = [];

  constructor(private readonly rt: PageViewFlusherParts) {}

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.flush().catch(() => undefined), this.rt.options.flushIntervalMs);
    this.timer.unref();
  }

  /** Stops the timer and writes what is left (graceful shutdown). */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.flush();
    await this.checking;
  }

  /** Resolves when the editorial facts check of the last flush is done. */
  idle(): Promise<void> {
    return this.checking;
  }

  /** Called on every ingestion: starts a flush at once when the buffer is large. */
  maybeFlushEarly(): void {
    if (this.early || this.rt.buffer.size < this.rt.options.flushAtKeys) return;
    this.early = this.flush()
      .catch(() => undefined)
      .finally(() => (this.early = null));
  }

  /**
   * Resolves once what is in the buffer now is in the database: when the next flush that
   * succeeds commits. A flush takes the buffer and the waiters together, synchronously, so a
   * waiter is never released by a flush that did not hold its views.
   */
  whenWritten(): Promise<void> {
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  /** Writes everything buffered when its turn comes. */
  flush(): Promise<FlushStats> {
    const run = this.tail.then(() => this.writeBuffered());
    this.tail = run.catch(() => undefined);
    return run;
  }

  private async writeBuffered(): Promise<FlushStats> {
    const batch = this.rt.buffer.take();
    const waiters = this.waiting.splice(0);
    if (!batch.size) {
      for (const release of waiters) release();
      return { views: 0, rows: 0 };
    }
    try {
      const stats = await this.writeWithRetry(batch);
      this.written += stats.views;
      for (const release of waiters) release();
      const articleIds = [...new Set([...batch.keys()].map((k) => unpackKey(k).articleId))];
      this.checking = this.rt.meta.touch(articleIds).catch((err) => console.error('[audience] article facts check failed', err));
      return stats;
    } catch (err) {
      this.rt.buffer.restore(batch);
      this.waiting.unshift(...waiters);
      console.error('[audience] page view flush failed; views kept for the next flush', err instanceof Error ? err.message : err);
      throw err;
    }
  }

  private async writeWithRetry(batch: ViewBatch): Promise<FlushStats> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.rt.dataSource.transaction((m) => writeAggregates(m, batch));
      } catch (err) {
        if (attempt >= 3 || !isRetryable(err)) throw err;
      }
    }
  }
}

/** The three upserts of one flush, inside the caller's transaction. */
export async function writeAggregates(m: EntityManager, batch: ViewBatch): Promise<FlushStats> {
  const hourly: number[][] = [];
  const daily = new Map<string, number[]>();
  const totals = new Map<number, number>();
  let views = 0;
  for (const [key, count] of batch) {
    const { hour, articleId } = unpackKey(key);
    hourly.push([hour, articleId, count]);
    const day = dayOf(hour * HOUR_MS);
    const dayKey = `${day}:${articleId}`;
    const row = daily.get(dayKey);
    if (row) row[2] += count;
    else daily.set(dayKey, [day, articleId, count]);
    totals.set(articleId, (totals.get(articleId) ?? 0) + count);
    views += count;
  }
  const byKey = (a: number[], b: number[]) => a[0] - b[0] || a[1] - b[1];
  const dailyRows = [...daily.values()].sort(byKey);
  const totalRows = [...totals].sort((a, b) => a[0] - b[0]);
  await upsertRows(m, HOURLY, hourly.sort(byKey));
  await upsertRows(m, DAILY, dailyRows);
  await upsertRows(m, TOTAL, totalRows);
  return { views, rows: hourly.length + dailyRows.length + totalRows.length };
}
