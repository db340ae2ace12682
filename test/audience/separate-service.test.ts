import { createDataSource } from '../../src/db/data-source';
import { createGateway } from '../../src/gateway/create-gateway';
import { MemoryRateLimiter } from '../../src/limits/rate-limiter';
import { startGraphQLServer } from '../../src/server/graphql-http-server';
import { startSubgraphServer } from '../../src/server/subgraph-server';
import { audienceSubgraph } from '../../src/subgraphs/audience.subgraph';
import { editorialSubgraph } from '../../src/subgraphs/editorial.subgraph';
import { backends } from '../support/backends';
import { BROWSER_UA, audienceDataSource, audienceTestConfig, publicArticleIds, storedTotals } from '../support/audience';
import { gql } from '../support/graphql-client';
import { startNewsroomFixture, type NewsroomFixture } from '../support/newsroom-fixture';

describe.each(backends())('the audience subgraph as its own service (%s)', (backend) => {
  let fx: NewsroomFixture;

  beforeAll(async () => {
    fx = await startNewsroomFixture(backend, 'audience_apart', 30, { subgraphs: { audience: audienceTestConfig() } });
  });
  afterAll(async () => {
    await fx?.stop();
  });

  it('takes views through the gateway and its own /beacon, asks editorial over HTTP, and flushes when it stops', async () => {
    // The audience service gets its own connections, as another process would.
    const options = audienceDataSource(fx).options as { type: string; database?: string; url?: string };
    const target =
      options.type === 'better-sqlite3'
        ? { kind: 'sqlite' as const, file: String(options.database) }
        : { kind: 'mysql' as const, url: String(options.url), database: new URL(String(options.url)).pathname.slice(1) };
    const ds = await createDataSource({ subgraph: 'audience', entities: audienceSubgraph.entities, migrations: audienceSubgraph.migrations, target });
    await ds.initialize();
    const editorial = await startSubgraphServer(editorialSubgraph, fx.app.dataSources.get('editorial')!, { port: 0 });
    const previousUrl = process.env.SUBGRAPH_EDITORIAL_URL;
    process.env.SUBGRAPH_EDITORIAL_URL = editorial.url;
    // Several views of one article from this one test client are meant to add up here.
    const audience = await startSubgraphServer(audienceSubgraph, ds, {
      port: 0,
      config: { audience: { options: { rankingTtlMs: 0, flushIntervalMs: 3_600_000, viewWindowSeconds: 0 }, limiter: new MemoryRateLimiter() } },
    });
    const { audience: _inProcess, ...local } = fx.app.schemas;
    const gateway = await startGraphQLServer({ gateway: createGateway({ localSchemas: local, urls: { audience: audience.url } }), port: 0 });
    const [article] = await publicArticleIds(fx, 1);
    let before = 0;
    try {
      const res = await gql(gateway.url, 'mutation($v: [PageViewInput!]!) { recordPageViews(views: $v) { accepted ignored } }', { v: [{ articleId: String(article) }, { articleId: String(article) }] }, { 'user-agent': BROWSER_UA });
      expect(res.data.recordPageViews).toEqual({ accepted: 2, ignored: 0 });
      // The gateway passes the reader's user agent on: a robot stays a robot across the hop.
      const bot = await gql(gateway.url, 'mutation($v: [PageViewInput!]!) { recordPageViews(views: $v) { accepted ignored } }', { v: [{ articleId: String(article) }] }, { 'user-agent': 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)' });
      expect(bot.data.recordPageViews).toEqual({ accepted: 0, ignored: 1 });
      const beacon = await fetch(audience.url.replace(/\/graphql$/, '/beacon'), { method: 'POST', body: JSON.stringify({ articleId: article }), headers: { 'user-agent': BROWSER_UA } });
      expect(beacon.status).toBe(204);
      before = (await storedTotals(fx)).get(article) ?? 0;
      await audience.subgraph.runtime.settle();
      expect((await storedTotals(fx)).get(article)).toBe(before + 3);
      const trending = await gql(gateway.url, '{ trending(limit: 5) { id title } }');
      expect(trending.errors).toBeUndefined();
      expect(trending.data.trending.map((a: { id: string }) => Number(a.id))).toContain(article);
      // What arrives after the last flush is written when the service stops.
      await fetch(audience.url.replace(/\/graphql$/, '/beacon'), { method: 'POST', body: JSON.stringify({ articleId: article }), headers: { 'user-agent': BROWSER_UA } });
    } finally {
      await gateway.stop();
      await audience.stop();
      await editorial.stop();
      if (previousUrl === undefined) delete process.env.SUBGRAPH_EDITORIAL_URL;
      else process.env.SUBGRAPH_EDITORIAL_URL = previousUrl;
      await ds.destroy();
    }
    expect((await storedTotals(fx)).get(article)).toBe(before + 4);
  });
});
