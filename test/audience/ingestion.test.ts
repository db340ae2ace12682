import { ServiceScope } from '../../src/auth/roles';
import { MemoryRateLimiter } from '../../src/limits/rate-limiter';
import { startNewsroom } from '../../src/app/newsroom-app';
import { createDataSource } from '../../src/db/data-source';
import { startSubgraphServer } from '../../src/server/subgraph-server';
import { audienceSubgraph } from '../../src/subgraphs/audience.subgraph';
import { subgraphList } from '../../src/subgraphs/subgraph-modules';
import { backends, scratchTargets } from '../support/backends';
import { BROWSER_UA, audienceDataSource, audienceRuntime, beaconUrl, audienceTestConfig, publicArticleIds, sendBeacon, storedTotals } from '../support/audience';
import { errorCodes, gql, subgraphGql } from '../support/graphql-client';
import { startNewsroomFixture, type NewsroomFixture } from '../support/newsroom-fixture';
import { prepareAccounts, Role, serviceSignIn, signInAs } from '../support/sign-in';

const RECORD = `mutation Record($views: [PageViewInput!]!) { recordPageViews(views: $views) { accepted ignored } }`;
const browser = { 'user-agent': BROWSER_UA };

const BOTS = [
  'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
  'Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)',
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/126.0.0.0 Safari/537.36',
  'curl/8.5.0',
  'python-requests/2.32.3',
  'Mozilla/5.0 (compatible; AhrefsBot/7.0; +http://ahrefs.com/robot/)',
  'facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)',
  'Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; GPTBot/1.2; +https://openai.com/gptbot)',
];

describe.each(backends())('page view ingestion (%s)', (backend) => {
  let fx: NewsroomFixture;
  let articles: number[];

  beforeAll(async () => {
    fx = await startNewsroomFixture(backend, 'audience_ingest', 60, { subgraphs: { audience: audienceTestConfig() } });
    await prepareAccounts(fx);
    articles = await publicArticleIds(fx, 5);
  });
  afterAll(async () => {
    await fx?.stop();
  });

  const settle = () => audienceRuntime(fx).settle();

  it('adds up views from many concurrent requests exactly, through the gateway and the beacon', async () => {
    await settle();
    const before = await storedTotals(fx);
    // 50 mutations and 50 beacons at once, 20 views each, spread over five articles.
    const batch = (i: number) => Array.from({ length: 20 }, (_, j) => ({ articleId: String(articles[(i + j) % articles.length]) }));
    const results = await Promise.all([
      ...Array.from({ length: 50 }, (_, i) => gql(fx.url, RECORD, { views: batch(i) }, browser)),
      ...Array.from({ length: 50 }, (_, i) => sendBeacon(fx, batch(i + 50))),
    ]);
    for (const r of results.slice(0, 50) as Array<{ data: any }>) expect(r.data.recordPageViews).toEqual({ accepted: 20, ignored: 0 });
    for (const r of results.slice(50) as Response[]) expect(r.status).toBe(204);
    await settle();
    const after = await storedTotals(fx);
    const expected = new Map<number, number>();
    for (let i = 0; i < 100; i++) for (const v of batch(i)) expected.set(Number(v.articleId), (expected.get(Number(v.articleId)) ?? 0) + 1);
    for (const id of articles) expect({ id, added: (after.get(id) ?? 0) - (before.get(id) ?? 0) }).toEqual({ id, added: expected.get(id) });
    // The hourly and daily rows hold the same views as the totals.
    const ds = audienceDataSource(fx);
    const [hourly] = await ds.query('SELECT SUM(views) AS n FROM page_view_hourly');
    const [daily] = await ds.query('SELECT SUM(views) AS n FROM page_view_daily');
    const [total] = await ds.query('SELECT SUM(views) AS n FROM article_view_total');
    expect([Number(hourly.n), Number(daily.n)]).toEqual([Number(total.n), Number(total.n)]);
  });

  it('ignores known robots, whichever way they send views', async () => {
    await settle();
    const before = await storedTotals(fx);
    for (const ua of BOTS) {
      const res = await gql(fx.url, RECORD, { views: [{ articleId: String(articles[0]) }] }, { 'user-agent': ua });
      expect(res.data.recordPageViews).toEqual({ accepted: 0, ignored: 1 });
      expect((await sendBeacon(fx, { articleId: articles[0] }, { 'user-agent': ua })).status).toBe(204);
    }
    // No user agent at all: every browser sends one.
    expect((await fetch(beaconUrl(fx), { method: 'POST', body: JSON.stringify({ articleId: articles[0] }), headers: { 'user-agent': '' } })).status).toBe(204);
    await settle();
    expect(await storedTotals(fx)).toEqual(before);
  });

  it('takes what sendBeacon sends: one view or an array, as text/plain or JSON, and answers CORS preflights', async () => {
    await settle();
    const before = (await storedTotals(fx)).get(articles[1]) ?? 0;
    expect((await sendBeacon(fx, { articleId: articles[1] })).status).toBe(204);
    expect((await sendBeacon(fx, [{ articleId: String(articles[1]) }, { articleId: articles[1] }], { 'content-type': 'application/json' })).status).toBe(204);
    const preflight = await fetch(beaconUrl(fx), { method: 'OPTIONS' });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    await settle();
    expect((await storedTotals(fx)).get(articles[1])).toBe(before + 3);
  });

  it('refuses what is not a view: malformed bodies, wrong methods, oversized beacons, bad ids and times', async () => {
    expect((await sendBeacon(fx, 'not json')).status).toBe(400);
    expect((await sendBeacon(fx, '42')).status).toBe(400);
    expect((await sendBeacon(fx, [])).status).toBe(400);
    expect((await fetch(beaconUrl(fx))).status).toBe(405);
    expect((await sendBeacon(fx, 'x'.repeat(70 * 1024))).status).toBe(413);
    expect((await sendBeacon(fx, Array.from({ length: 101 }, () => ({ articleId: articles[0] })))).status).toBe(400);
    const stale = new Date(Date.now() - 72 * 3_600_000).toISOString();
    const future = new Date(Date.now() + 3_600_000).toISOString();
    const res = await gql(fx.url, RECORD, { views: [{ articleId: String(articles[0]), viewedAt: stale }, { articleId: String(articles[0]), viewedAt: future }, { articleId: '0' }] }, browser);
    expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
    const res2 = await gql(fx.url, RECORD, { views: [{ articleId: String(articles[0]), viewedAt: stale }, { articleId: String(articles[0]), viewedAt: future }] }, browser);
    expect(res2.data.recordPageViews).toEqual({ accepted: 0, ignored: 2 });
  });

  it('throttles each address, but not service tokens with the INGEST scope, which may relay readers’ user agents', async () => {
    // A second audience instance over the same database, built with a budget of 3 calls per
    // address (the suite's instance keeps its own, larger one): options are set at construction.
    const audience = await startSubgraphServer(audienceSubgraph, audienceDataSource(fx), {
      port: 0,
      config: { audience: { ...audienceTestConfig(), options: { ...audienceTestConfig().options, ingestPerIp: [3, 60] }, limiter: new MemoryRateLimiter() } },
    });
    const beacon = (body: unknown) => fetch(audience.url.replace(/\/graphql$/, '/beacon'), { method: 'POST', headers: browser, body: JSON.stringify(body) });
    try {
      // Beacons and mutations share the address's allowance.
      expect((await beacon({ articleId: articles[2] })).status).toBe(204);
      const codes: string[][] = [];
      for (let i = 0; i < 3; i++) codes.push(errorCodes(await subgraphGql(audience.url, RECORD, { views: [{ articleId: String(articles[2]) }] }, browser)));
      expect(codes).toEqual([[], [], ['TOO_MANY_REQUESTS']]);
      const limited = await beacon({ articleId: articles[2] });
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
      // The suite's own instance counts apart: this address is not throttled there.
      expect((await sendBeacon(fx, { articleId: articles[2] })).status).toBe(204);

      const admin = await signInAs(fx, [Role.Admin]);
      const ingest = await serviceSignIn(fx, admin, [ServiceScope.Ingest]);
      const relayed = Array.from({ length: 500 }, (_, i) => ({ articleId: String(articles[3]), userAgent: i % 5 === 0 ? BOTS[0] : BROWSER_UA }));
      const res = await subgraphGql(audience.url, RECORD, { views: relayed }, { ...ingest.headers, 'user-agent': 'newsroom-ssr/1.0 node' });
      expect(res.data.recordPageViews).toEqual({ accepted: 400, ignored: 100 });
    } finally {
      await audience.stop();
    }
  });
});

describe.each(backends())('page views on shutdown (%s)', (backend) => {
  it('writes what is still buffered when the app stops gracefully', async () => {
    const scratch = scratchTargets(backend, 'audience_stop', subgraphList().map((m) => m.name));
    await scratch.cleanup();
    try {
      // No timed flush during the test: only stopping writes the views.
      const audience = { ...audienceTestConfig(), options: { ...audienceTestConfig().options, flushIntervalMs: 3_600_000 } };
      const app = await startNewsroom({ targets: scratch.targets, responseCache: false, subgraphs: { audience: { ...audience, limiter: new MemoryRateLimiter() } } });
      const fx = { app, url: app.url, stop: () => app.stop() };
        for (let i = 0; i < 10; i++) expect((await sendBeacon(fx, [{ articleId: 7 }, { articleId: 8 }])).status).toBe(204);
      expect(await storedTotals(fx)).toEqual(new Map());
      await app.stop();
      const mod = subgraphList().find((m) => m.name === 'audience')!;
      const ds = await createDataSource({ subgraph: 'audience', entities: mod.entities, migrations: mod.migrations, target: scratch.targets.audience });
      await ds.initialize();
      try {
        const rows = await ds.query('SELECT articleId, views FROM article_view_total ORDER BY articleId');
        expect(rows.map((r: any) => [Number(r.articleId), Number(r.views)])).toEqual([
          [7, 10],
          [8, 10],
        ]);
      } finally {
        await ds.destroy();
      }
    } finally {
      await scratch.cleanup();
    }
  });
});
