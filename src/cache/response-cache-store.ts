import Redis from 'ioredis';
import { readSetting } from '../config/settings';

export type CachedResponse = { body: string; headers: Record<string, string>; storedAt: number; maxAge: number };

/** A lookup: the entry, else the generation the miss was seen in (hand it to `set`). */
export type CacheLookup = { hit: CachedResponse | null; generation: number };

/**
 * Where full responses are kept. Entries carry the content generation they were made in;
 * `purge` starts a new generation, which makes every older entry invisible at once. An
 * answer is stored under the generation its lookup missed in, not the one current when it is
 * stored: an answer computed while a purge went by was read from content older than the
 * purge, and is dropped rather than served until its max-age.
 */
export interface ResponseCacheStore {
  get(key: string): Promise<CacheLookup>;
  set(key: string, value: CachedResponse, generation: number): Promise<void>;
  purge(): Promise<void>;
  close(): Promise<void>;
}

type Entry = CachedResponse & { generation: number; expiresAt: number; bytes: number };

export const DEFAULT_CACHE_MAX_BYTES = 64 * 1024 * 1024;
/** A response bigger than this is not a page anyone shares; storing it would only evict many that are. */
export const DEFAULT_CACHE_MAX_ENTRY_BYTES = 2 * 1024 * 1024;

/** What an entry costs: its body, key and headers as UTF-8 (V8 may hold strings in two bytes a character; this counts what was sent). */
export function entryBytes(key: string, value: CachedResponse): number {
  let bytes = Buffer.byteLength(key) + Buffer.byteLength(value.body);
  for (const [name, header] of Object.entries(value.headers)) bytes += name.length + Buffer.byteLength(header);
  return bytes;
}

/**
 * One process's memory, bounded in bytes rather than entries (five deep anonymous answers of
 * a few hundred megabytes each would fit in any entry count): least recently used entries go
 * first once the total passes `maxBytes`, and an entry over `maxEntryBytes` is never stored.
 * A Map keeps insertion order, so re-inserting on read makes its first key the LRU one.
 */
export class MemoryResponseCacheStore implements ResponseCacheStore {
  private readonly entries = new Map<string, Entry>();
  private generation = 0;
  private bytes = 0;
  readonly maxBytes: number;
  readonly maxEntryBytes: number;

  constructor(options: { maxBytes?: number; maxEntryBytes?: number } = {}) {
    this.maxBytes = options.maxBytes ?? DEFAULT_CACHE_MAX_BYTES;
    this.maxEntryBytes = Math.min(options.maxEntryBytes ?? DEFAULT_CACHE_MAX_ENTRY_BYTES, this.maxBytes);
  }

  /** Bytes held now, for tests and metrics. */
  get size(): { entries: number; bytes: number } {
    return { entries: this.entries.size, bytes: this.bytes };
  }

  async get(key: string): Promise<CacheLookup> {
    const generation = this.generation;
    const entry = this.entries.get(key);
    if (!entry) return { hit: null, generation };
    if (entry.generation !== generation || entry.expiresAt <= Date.now()) {
      this.remove(key, entry);
      return { hit: null, generation };
    }
    this.entries.delete(key);
    this.entries.set(key, entry);
    return { hit: entry, generation };
  }

  async set(key: string, value: CachedResponse, generation: number): Promise<void> {
    const bytes = entryBytes(key, value);
    const previous = this.entries.get(key);
    if (previous) this.remove(key, previous);
    if (bytes > this.maxEntryBytes || generation !== this.generation) return;
    this.entries.set(key, { ...value, generation: this.generation, expiresAt: value.storedAt + value.maxAge * 1000, bytes });
    this.bytes += bytes;
    for (const [oldest, entry] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.remove(oldest, entry);
    }
  }

  async purge(): Promise<void> {
    this.generation += 1;
    this.entries.clear();
    this.bytes = 0;
  }

  async close(): Promise<void> {}

  private remove(key: string, entry: Entry): void {
    this.entries.delete(key);
    this.bytes -= entry.bytes;
  }
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
    /** Redis bounds the total itself (its `maxmemory` policy); this keeps one huge answer out. */
    private readonly maxEntryBytes = DEFAULT_CACHE_MAX_ENTRY_BYTES,
  ) {
    this.redis = new Redis(url, { lazyConnect: false, maxRetriesPerRequest: 2, enableOfflineQueue: true });
  }

  private get generationKey() {
    return `${this.prefix}generation`;
  }

  async get(key: string): Promise<CacheLookup> {
    const [current, raw] = await this.redis.mget(this.generationKey, this.prefix + key);
    const generation = Number(current ?? 0);
    const entry = raw ? (JSON.parse(raw) as Entry) : null;
    return { hit: entry?.generation === generation ? entry : null, generation };
  }

  /** Stored under the lookup's generation: if a purge went by since, no reader will see it. */
  async set(key: string, value: CachedResponse, generation: number): Promise<void> {
    if (entryBytes(key, value) > this.maxEntryBytes) return;
    await this.redis.set(this.prefix + key, JSON.stringify({ ...value, generation }), 'EX', Math.max(1, value.maxAge));
  }

  async purge(): Promise<void> {
    await this.redis.incr(this.generationKey);
  }

  async close(): Promise<void> {
    await this.redis.quit();
  }
}

/** `REDIS_URL` shares the cache between gateways; otherwise memory, `RESPONSE_CACHE_MAX_BYTES` in total (64 MiB). */
export function createResponseCacheStore(env: NodeJS.ProcessEnv = process.env): ResponseCacheStore {
  if (env.REDIS_URL) return new RedisResponseCacheStore(env.REDIS_URL, env.RESPONSE_CACHE_PREFIX);
  return new MemoryResponseCacheStore({ maxBytes: readSetting('RESPONSE_CACHE_MAX_BYTES', env) });
}
