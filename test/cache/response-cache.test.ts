import { outboxFlushPlugin } from '../../src/events/outbox-flush.plugin';
import { randomUUID } from 'node:crypto';
import { Article } from '../../entities/editorial/article.entity';
import { RedisResponseCacheStore, MemoryResponseCacheStore } from '../../src/cache/response-cache-store';
import { ResponseCache } from '../../src/cache/response-cache';
import { startNewsroom, type NewsroomApp } from '../../src/app/newsroom-app';
import { sqlCounter } from '../../src/db/sql-counter';
import { seedEditorial } from '../../src/seed/editorial-seeder';
import { subgraphList } from '../../src/subgraphs/subgraph-modules';
import { scratchTargets } from '../support/backends';
import { editArticle, publishedArticle, unpublishArticle } from '../support/editorial-desk';
import { Role, signInAs } from '../support/sign-in';

const HOME = `{ homePage { headline { lead { id title } secondary { id title } } rubricBlocks { rubric { name } articles { id } } } }`;

async function post(url: string, query: string, headers: Record<string, string> = {}) {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query }) });
  return { status: res.status, cache: res.headers.get('x-cache'), cacheControl: res.headers.get('cache-control'), body: await res.text() };
}

// The Redis store is tested only when TEST_REDIS_URL names a server (as TEST_MYSQL_URL does
// for MariaDB), so `npm test` passes on a machine with no Redis; .ci/run sets it.
const redisUrl = process.env.TEST_REDIS_URL;
const stores: Record<string, () => MemoryResponseCacheStore | RedisResponseCacheStore> = {
  memory: () => new MemoryResponseCacheStore(),
  ...(redisUrl ? { redis: () => new RedisResponseCacheStore(redisUrl, `newsroom:test:${randomUUID()}:`) } : {}),
};

describe.each(Object.keys(stores))('full-response cache (%s store)', (storeName) => {
  let app: NewsroomApp;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    const scratch = scratchTargets('sqlite', `cache_${storeName}`, subgraphList().map((m) => m.name));
    app = await startNewsroom({ targets: scratch.targets, responseCache: false });
    await seedEditorial(app.dataSources.get('editorial')!, { seed: 3, articles: 120, paragraphs: 2 });
    // A second gateway server over the same subgraphs, with the cache under test.
    const { createGateway } = await import('../../src/gateway/create-gateway');
    const { startGraphQLServer } = await import('../../src/server/graphql-http-server');
    const gateway = await startGraphQLServer({
      gateway: createGateway({ localSchemas: app.schemas }),
      port: 0,
      // Purged by the app's events; mutations answer once those are relayed, as in the app's own gateway.
      responseCache: new ResponseCache(stores[storeName](), undefined, app.events),
      plugins: [outboxFlushPlugin(app.settleEvents)],
    });
    app.url = gateway.url;
    cleanup = async () => {
      await gateway.stop();
      await app.stop();
      await scratch.cleanup();
    };
  });
  afterAll(() => cleanup?.());

  it('answers an anonymous repeat from the cache without touching the database', async () => {
    const first = await post(app.url, HOME);
    expect(first.cache).toBe('MISS');
    expect(first.cacheControl).toBe('public, max-age=30');
    const { result: second, count } = await sqlCounter.measure(() => post(app.url, HOME));
    expect(second.cache).toBe('HIT');
    expect(second.body).toBe(first.body);
    expect(count).toBe(0);
  });

  it('is purged when an article is published, edited or unpublished', async () => {
    const editor = (await signInAs({ app, url: app.url, stop: cleanup }, [Role.Editor])).headers;
    await post(app.url, HOME);
    const created = await publishedArticle(app.url, editor, { title: 'Dernière minute : le cache se vide', primaryRubricId: 1 });
    const afterPublish = await post(app.url, HOME);
    expect(afterPublish.cache).toBe('MISS');
    expect(afterPublish.body).toContain(`"id":"${created.id}"`);
    await post(app.url, HOME);
    await editArticle(app.url, editor, created.id, { title: 'Dernière minute : titre corrigé' });
    const afterEdit = await post(app.url, HOME);
    expect(afterEdit.cache).toBe('MISS');
    expect(afterEdit.body).toContain('titre corrigé');
    await unpublishArticle(app.url, editor, created.id);
    const afterUnpublish = await post(app.url, HOME);
    expect(afterUnpublish.cache).toBe('MISS');
    expect(afterUnpublish.body).not.toContain(`"id":"${created.id}"`);
  });

  it('never stores or serves a request that carries credentials', async () => {
    await post(app.url, HOME);
    const withToken = await post(app.url, HOME, { authorization: 'Bearer something' });
    expect(withToken.cache).toBeNull();
    expect(withToken.cacheControl).toBe('private, no-store');
    const withCookie = await post(app.url, HOME, { cookie: 'session=abc' });
    expect(withCookie.cache).toBeNull();
  });

  it('does not cache errors or mutations', async () => {
    const missing = `{ article(slug: "absent-du-cache") { id } }`;
    expect((await post(app.url, missing)).cache).toBe(null);
    expect((await post(app.url, missing)).cache).toBe(null);
    const [row] = await app.dataSources.get('editorial')!.getRepository(Article).find({ where: { status: 'published' }, take: 1 });
    const q = `{ article(slug: "${row.slug}") { id title } }`;
    expect((await post(app.url, q)).cacheControl).toBe('public, max-age=60');
    expect((await post(app.url, q)).cache).toBe('HIT');
  });
});
