import { hourOf } from './time-buckets';

/** 2^32: an (hour, article) pair packs into one number, both parts below 2^32, the result below 2^53. */
const SPLIT = 4_294_967_296;

/** A batch of counted views taken from the buffer: packed (hour, article) key → views. */
export type ViewBatch = Map<number, number>;

export function unpackKey(key: number): { hour: number; articleId: number } {
  return { hour: Math.floor(key / SPLIT), articleId: key % SPLIT };
}

/**
 * Page views counted in memory until the next flush, as (article, hour) → views: a thousand
 * readers of one article in one hour are one map entry and, at flush time, one row. Adding a
 * view is a map update; nothing here touches the database. When the database is unreachable
 * the batches put back keep growing; past `maxKeys` new views are dropped (and counted)
 * rather than letting the process run out of memory.
 */
export class PageViewBuffer {
  private counts: ViewBatch = new Map();
  private pendingViews = 0;
  /** Views refused because the buffer was full, since the process started. */
  dropped = 0;

  constructor(private readonly maxKeys = 200_000) {}

  /** Distinct (article, hour) pairs waiting. */
  get size(): number {
    return this.counts.size;
  }

  /** Views waiting. */
  get views(): number {
    return this.pendingViews;
  }

  add(articleId: number, atMs: number, views = 1): boolean {
    const key = hourOf(atMs) * SPLIT + articleId;
    const current = this.counts.get(key);
    if (current === undefined && this.counts.size >= this.maxKeys) {
      this.dropped += views;
      return false;
    }
    this.counts.set(key, (current ?? 0) + views);
    this.pendingViews += views;
    return true;
  }

  /** Hands over everything counted so far and starts afresh. */
  take(): ViewBatch {
    const batch = this.counts;
    this.counts = new Map();
    this.pendingViews = 0;
    return batch;
  }

  /** Puts back a batch whose write failed, so the next flush retries it. */
  restore(batch: ViewBatch): void {
    for (const [key, views] of batch) {
      const current = this.counts.get(key);
      if (current === undefined && this.counts.size >= this.maxKeys) {
        this.dropped += views;
        continue;
      }
      this.counts.set(key, (current ?? 0) + views);
      this.pendingViews += views;
    }
  }
}
