import { ResponseCache } from '../../src/cache/response-cache';
import { MemoryResponseCacheStore } from '../../src/cache/response-cache-store';
import { startNewsroom, type NewsroomApp } from '../../src/app/newsroom-app';
import { sqlCounter } from '../../src/db/sql-counter';
import { createGateway } from '../../src/gateway/create-gateway';
import { seedEditorial } from '../../src/seed/editorial-seeder';
import { startGraphQLServer } from '../../src/server/graphql-http-server';
import { subgraphList } from '../../src/subgraphs/subgraph-modules';
import { scratchTargets } from '../support/backends';

async function post(url: string, query: string) {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
  return { cache: res.headers.get('x-cache'), body: await res.text() };
}

/**
 * On MySQL, where a request waits on the network for its statements and others interleave
 * (better-sqlite3 answers synchronously, so on SQLite requests in one process rarely overlap).
 */
(process.env.TEST_MYSQL_URL ? describe : describe.skip)('identical anonymous misses at once (mysql)', () => {
  let app: NewsroomApp;
  let url: string;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    const scratch = scratchTargets('mysql', 'coalesced', subgraphList().map((m) => m.name));
    await scratch.cleanup();
    app = await startNewsroom({ targets: scratch.targets, responseCache: false });
    await seedEditorial(app.dataSources.get('editorial')!, { seed: 5, articles: 150, paragraphs: 1 });
    const gateway = await startGraphQLServer({
      gateway: createGateway({ localSchemas: app.schemas }),
      port: 0,
      responseCache: new ResponseCache(new MemoryResponseCacheStore(), undefined, app.events),
    });
    url = gateway.url;
    cleanup = async () => {
      await gateway.stop();
      await app.stop();
      await scratch.cleanup();
    };
  }, 120_000);
  afterAll(() => cleanup?.());

  it('computes the page once and hands the answer to every reader who asked meanwhile', async () => {
    const page = (first: number) => `{ articles(first: ${first}) { nodes { id title standfirst rubric { name parent { name } } authors { name } } } }`;
    const single = await sqlCounter.measure(() => post(url, page(99)));
    expect(single.result.cache).toBe('MISS');
    // Connections opened beforehand, so the 20 requests all arrive while the first computes.
    await Promise.all(Array.from({ length: 20 }, (_, i) => post(url, `{ a${i}: rubrics { id } }`)));
    const { result: answers, count } = await sqlCounter.measure(() => Promise.all(Array.from({ length: 20 }, () => post(url, page(100)))));
    expect(new Set(answers.map((a) => a.body)).size).toBe(1);
    expect(answers.filter((a) => a.cache === 'MISS')).toHaveLength(1);
    expect(answers.filter((a) => a.cache === 'COALESCED').length).toBeGreaterThan(0);
    expect(answers.filter((a) => a.cache === 'COALESCED' || a.cache === 'HIT')).toHaveLength(19);
    // One computation's statements, not twenty.
    expect(count).toBeLessThanOrEqual(single.count);
  });
});
