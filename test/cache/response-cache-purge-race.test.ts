import { randomUUID } from 'node:crypto';
import { MemoryResponseCacheStore, RedisResponseCacheStore, type CachedResponse, type ResponseCacheStore } from '../../src/cache/response-cache-store';

const answer = (body: string): CachedResponse => ({ body, headers: { 'content-type': 'application/json' }, storedAt: Date.now(), maxAge: 60 });

const stores: Array<[string, () => ResponseCacheStore]> = [['memory', () => new MemoryResponseCacheStore()]];
if (process.env.TEST_REDIS_URL) stores.push(['redis', () => new RedisResponseCacheStore(process.env.TEST_REDIS_URL!, `newsroom:test:${randomUUID()}:`)]);

describe.each(stores)('an answer computed while a purge went by (%s store)', (_name, make) => {
  it('is not served: it is stored under the generation its lookup missed in', async () => {
    const store = make();
    try {
      const miss = await store.get('home');
      expect(miss.hit).toBeNull();
      // A publication purges while the page is being computed from the older content.
      await store.purge();
      await store.set('home', answer('{"data":{"before":"the publication"}}'), miss.generation);
      expect((await store.get('home')).hit).toBeNull();
      // The next miss computes from current content, and that answer is kept.
      const next = await store.get('home');
      await store.set('home', answer('{"data":{"after":"the publication"}}'), next.generation);
      expect((await store.get('home')).hit?.body).toBe('{"data":{"after":"the publication"}}');
    } finally {
      await store.close();
    }
  });
});
