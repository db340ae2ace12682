import Redis from 'ioredis';

/**
 * Remembers which client has already been counted for which article in the last window
 * (30 minutes by default, the session length analytics tools use), so that one client,
 * whatever it sends, adds at most one view per article and window.
 */
export interface ViewDedup {
  /**
   * For each article id (distinct), whether this is the client's first view of it in the
   * window; the ones that are get remembered until `windowMs` from now.
   */
  firstSightings(client: string, articleIds: number[], windowMs: number, now: number): Promise<boolean[]>;
  close(): Promise<void>;
}

/**
 * One process's memory, bounded, in two generations of key → expiry: new pairs go to the
 * current one; when it is a window old (or half the bound full) the previous generation is
 * dropped whole and the current one takes its place. Everything dropped that way had expired
 * (it was inserted at least a window before), unless the bound forced an early turn: then the
 * oldest pairs are forgotten early, so a flood of distinct clients can at worst let an old
 * pair count twice, never exhaust memory. Dropping a whole Map is O(1); deleting entries one
 * by one from the front of a large Map leaves holes that V8 skips on every later iteration
 * (measured: tenfold slower past the bound), and an LRU library keeps bookkeeping per entry
 * that this never needs.
 */
export class MemoryViewDedup implements ViewDedup {
  private current = new Map<string, number>();
  private previous = new Map<string, number>();
  private generationStart = -Infinity;

  constructor(private readonly maxEntries = 500_000) {}

  get size(): number {
    return this.current.size + this.previous.size;
  }

  async firstSightings(client: string, articleIds: number[], windowMs: number, now: number): Promise<boolean[]> {
    if (now - this.generationStart >= windowMs) this.turn(now);
    return articleIds.map((articleId) => {
      const key = `${client}:${articleId}`;
      const expiry = this.current.get(key) ?? this.previous.get(key);
      if (expiry !== undefined && expiry > now) return false;
      if (this.current.size >= this.maxEntries / 2) this.turn(now);
      this.current.set(key, now + windowMs);
      return true;
    });
  }

  private turn(now: number): void {
    this.previous = this.current;
    this.current = new Map();
    this.generationStart = now;
  }

  async close(): Promise<void> {}
}

/**
 * Shared by every ingesting process through Redis (`REDIS_URL`): one `SET key 1 PX window NX`
 * per article, all of a call's in one pipeline (one round trip). Redis expires the keys, so
 * memory follows the live pairs.
 */
export class RedisViewDedup implements ViewDedup {
  constructor(
    private readonly redis: Redis,
    private readonly prefix = 'newsroom:seen:',
    private readonly ownsClient = false,
  ) {}

  static fromUrl(url: string, prefix?: string): RedisViewDedup {
    return new RedisViewDedup(new Redis(url, { maxRetriesPerRequest: 2 }), prefix, true);
  }

  async firstSightings(client: string, articleIds: number[], windowMs: number): Promise<boolean[]> {
    const pipeline = this.redis.pipeline();
    for (const articleId of articleIds) pipeline.set(`${this.prefix}${client}:${articleId}`, '1', 'PX', windowMs, 'NX');
    const results = (await pipeline.exec()) ?? [];
    return results.map(([err, reply]) => {
      if (err) throw err;
      return reply === 'OK';
    });
  }

  async close(): Promise<void> {
    if (this.ownsClient) await this.redis.quit();
  }
}

/** Redis when `REDIS_URL` is set (several processes ingest for one site), else bounded memory. */
export function createViewDedup(env: NodeJS.ProcessEnv = process.env, maxEntries?: number): ViewDedup {
  return env.REDIS_URL ? RedisViewDedup.fromUrl(env.REDIS_URL) : new MemoryViewDedup(maxEntries);
}
