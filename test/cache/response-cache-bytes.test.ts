import {
  createResponseCacheStore,
  DEFAULT_CACHE_MAX_BYTES,
  entryBytes,
  MemoryResponseCacheStore,
  type CachedResponse,
} from '../../src/cache/response-cache-store';

const headers = { 'content-type': 'application/json; charset=utf-8' };
const answer = (bytes: number, fill = 'x'): CachedResponse => ({ body: fill.repeat(bytes), headers, storedAt: Date.now(), maxAge: 60 });

describe('the memory response cache is bounded in bytes', () => {
  it('evicts the least recently used entries once the byte budget is passed', async () => {
    const store = new MemoryResponseCacheStore({ maxBytes: 10_000, maxEntryBytes: 5_000 });
    await store.set('a', answer(3000), 0);
    await store.set('b', answer(3000), 0);
    await store.set('c', answer(3000), 0);
    expect((await store.get('a')).hit).not.toBeNull(); // a is now the most recently used
    await store.set('d', answer(3000), 0); // over 10,000: b goes, not a
    expect((await store.get('b')).hit).toBeNull();
    for (const key of ['a', 'c', 'd']) expect((await store.get(key)).hit).not.toBeNull();
    expect(store.size.bytes).toBeLessThanOrEqual(10_000);
    expect(store.size.entries).toBe(3);
  });

  it('never stores an answer over the per-entry cap, and keeps what it had', async () => {
    const store = new MemoryResponseCacheStore({ maxBytes: 10_000, maxEntryBytes: 5_000 });
    await store.set('small', answer(1000), 0);
    await store.set('deep', answer(8000), 0);
    expect((await store.get('deep')).hit).toBeNull();
    expect((await store.get('small')).hit).not.toBeNull();
    expect(store.size.entries).toBe(1);
  });

  it('counts UTF-8 bytes, not characters, and does not count a replaced entry twice', async () => {
    const store = new MemoryResponseCacheStore({ maxBytes: 100_000 });
    const french = answer(1000, 'é');
    expect(entryBytes('k', french)).toBeGreaterThanOrEqual(2000);
    await store.set('k', french, 0);
    await store.set('k', french, 0);
    expect(store.size).toEqual({ entries: 1, bytes: entryBytes('k', french) });
    await store.purge();
    expect(store.size).toEqual({ entries: 0, bytes: 0 });
  });

  it('holds at most the budget under a flood of large distinct answers', async () => {
    const store = new MemoryResponseCacheStore({ maxBytes: 1024 * 1024 });
    for (let i = 0; i < 500; i += 1) await store.set(`q${i}`, answer(50_000), 0);
    expect(store.size.bytes).toBeLessThanOrEqual(1024 * 1024);
    expect(store.size.entries).toBe(20);
  });

  it('takes its budget from RESPONSE_CACHE_MAX_BYTES (64 MiB by default) and refuses a malformed one', () => {
    expect((createResponseCacheStore({}) as MemoryResponseCacheStore).maxBytes).toBe(DEFAULT_CACHE_MAX_BYTES);
    expect(DEFAULT_CACHE_MAX_BYTES).toBe(64 * 1024 * 1024);
    expect((createResponseCacheStore({ RESPONSE_CACHE_MAX_BYTES: '1048576' }) as MemoryResponseCacheStore).maxBytes).toBe(1048576);
    expect(() => createResponseCacheStore({ RESPONSE_CACHE_MAX_BYTES: '64MB' })).toThrow('Invalid configuration: RESPONSE_CACHE_MAX_BYTES="64MB"');
  });
});
