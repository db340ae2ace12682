import Redis from 'ioredis';

export type CachedResponse = { body: string; headers: Record<string, string>; storedAt: number; maxAge: number };

/**
 * Where full responses are kept. Entries carry the content generation they were made in;
 * `purge` starts a new generation, which makes every older entry invisible at once.
 */
export interface ResponseCacheStore {
  get(key: string): Promise<CachedResponse | null>;
  set(key: string, value: CachedResponse): Promise<void>;
  purge(): Promise<void>;
  close(): Promise<void>;
}

type Entry = CachedResponse & { generation: number; expiresAt: number };

/** One process's memory, least recently used entries evicted past `maxEntries`. */
export class MemoryResponseCacheStore implements ResponseCacheStore {
  private readonly entries = new Map<string, Entry>();
  private generation = 0;

  constructor(private readonly maxEntries = 5000) {}

  async get(key: string): Promise<CachedResponse | null> {
    const entry = this.entries.get(key);
    if (!entry) return null;
    if (entry.generation !== this.generation || entry.expiresAt <= Date.now()) {
      this.entries.delete(key);
      return null;
    }
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry;
  }

  async set(key: string, value: CachedResponse): Promise<void> {
    this.entries.set(key, { ...value, generation: this.generation, expiresAt: value.storedAt + value.maxAge * 1000 });
    while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
  }

  async purge(): Promise<void> {
    this.generation += 1;
    this.entries.clear();
  }

  async close(): Promise<void> {}
}

/**
 * Shared by every gateway instance through Redis. The generation is a Redis counter, read in
 * the same round trip as the entry (MGET), so a purge by any process (the one that published)
 * is seen by all at once.
 */
export class RedisResponseCacheStore implements ResponseCacheStore {
  private readonly redis: Redis;

  constructor(
    url: string,
    private readonly prefix = 'newsroom:rc:',
  ) {
    this.redis = new Redis(url, { lazyConnect: false, maxRetriesPerRequest: 2, enableOfflineQueue: true });
  }

  private get generationKey() {
    return `${this.prefix}generation`;
  }

  async get(key: string): Promise<CachedResponse | null> {
    const [generation, raw] = await this.redis.mget(this.generationKey, this.prefix + key);
    if (!raw) return null;
    const entry = JSON.parse(raw) as Entry;
    return entry.generation === Number(generation ?? 0) ? entry : null;
  }

  async set(key: string, value: CachedResponse): Promise<void> {
    const generation = Number((await this.redis.get(this.generationKey)) ?? 0);
    await this.redis.set(this.prefix + key, JSON.stringify({ ...value, generation }), 'EX', Math.max(1, value.maxAge));
  }

  async purge(): Promise<void> {
    await this.redis.incr(this.generationKey);
  }

  async close(): Promise<void> {
    await this.redis.quit();
  }
}

export function createResponseCacheStore(env: NodeJS.ProcessEnv = process.env): ResponseCacheStore {
  return env.REDIS_URL ? new RedisResponseCacheStore(env.REDIS_URL, env.RESPONSE_CACHE_PREFIX) : new MemoryResponseCacheStore();
}
