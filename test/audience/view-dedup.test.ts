import { backends } from '../support/backends';
import { audienceRuntime, BROWSER_UA, audienceTestConfig, publicArticleIds, sendBeacon, storedTotals } from '../support/audience';
import { gql } from '../support/graphql-client';
import { startNewsroomFixture, type NewsroomFixture } from '../support/newsroom-fixture';
import { bearer, prepareAccounts, signInAs } from '../support/sign-in';

const RECORD = `mutation Record($views: [PageViewInput!]!) { recordPageViews(views: $views) { accepted ignored } }`;
const TRENDING = `{ trending(limit: 10) { id } }`;
const MOST_READ = `{ mostRead(window: DAY, limit: 10) { id } }`;
const ids = (list: Array<{ id: string }>) => list.map((a) => Number(a.id));
const FIREFOX = 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0';

describe.each(backends())('one view per client and article (%s)', (backend) => {
  let fx: NewsroomFixture;
  let articles: number[];
  let previousTrust: string | undefined;

  beforeAll(async () => {
    // Each test client gets its own address through X-Forwarded-For, as behind a proxy.
    previousTrust = process.env.TRUST_PROXY;
    process.env.TRUST_PROXY = '1';
    fx = await startNewsroomFixture(backend, 'view_dedup', 30, { subgraphs: { audience: audienceTestConfig({ dedup: true }) } });
    await prepareAccounts(fx);
    articles = await publicArticleIds(fx, 10);
  });
  afterAll(async () => {
    if (previousTrust === undefined) delete process.env.TRUST_PROXY;
    else process.env.TRUST_PROXY = previousTrust;
    await fx?.stop();
  });

  const settle = () => audienceRuntime(fx).settle();
  const added = async (before: Map<number, number>, id: number) => ((await storedTotals(fx)).get(id) ?? 0) - (before.get(id) ?? 0);

  it('counts 700 beacons of 100 views from one address as 1 view, and keeps trending and mostRead honest', async () => {
    const [flooded, popular] = articles;
    await settle();
    const before = await storedTotals(fx);
    const flood = Array.from({ length: 100 }, () => ({ articleId: flooded }));
    const statuses: number[] = [];
    for (let wave = 0; wave < 14; wave++) {
      const answers = await Promise.all(Array.from({ length: 50 }, () => sendBeacon(fx, flood, { 'x-forwarded-for': '203.0.113.66' })));
      statuses.push(...answers.map((r) => r.status));
    }
    // The address's allowance (600 calls a minute) refuses the rest; none of them counted anyway.
    expect(statuses.filter((s) => s === 204)).toHaveLength(600);
    expect(statuses.filter((s) => s === 429)).toHaveLength(100);
    // Five distinct readers read the other article once each.
    for (let reader = 1; reader <= 5; reader++) {
      expect((await sendBeacon(fx, { articleId: popular }, { 'x-forwarded-for': `198.51.100.${reader}` })).status).toBe(204);
    }
    await settle();
    expect(await added(before, flooded)).toBe(1);
    expect(await added(before, popular)).toBe(5);

    for (const query of [TRENDING, MOST_READ]) {
      const res = await gql(fx.url, query);
      expect(res.errors).toBeUndefined();
      const ranking = ids(res.data.trending ?? res.data.mostRead);
      expect(ranking.indexOf(popular)).toBeGreaterThanOrEqual(0);
      expect(ranking.indexOf(popular)).toBeLessThan(ranking.indexOf(flooded));
    }
  });

  it('counts a signed-in reader once per article, whatever the address, browser or claimed count', async () => {
    const [, , article, other] = articles;
    const reader = await signInAs(fx, [], { label: 'dedup' });
    await settle();
    const before = await storedTotals(fx);
    const many = Array.from({ length: 100 }, () => ({ articleId: String(article) }));
    const first = await gql(fx.url, RECORD, { views: many }, { ...bearer(reader.token), 'user-agent': BROWSER_UA, 'x-forwarded-for': '192.0.2.10' });
    expect(first.data.recordPageViews).toEqual({ accepted: 1, ignored: 99 });
    const elsewhere = await gql(fx.url, RECORD, { views: [{ articleId: String(article) }, { articleId: String(other) }] }, { ...bearer(reader.token), 'user-agent': FIREFOX, 'x-forwarded-for': '192.0.2.77' });
    expect(elsewhere.data.recordPageViews).toEqual({ accepted: 1, ignored: 1 });
    await settle();
    expect([await added(before, article), await added(before, other)]).toEqual([1, 1]);
  });

  it('counts anonymous readers behind one address apart by browser', async () => {
    const article = articles[4];
    await settle();
    const before = await storedTotals(fx);
    for (const ua of [BROWSER_UA, FIREFOX, BROWSER_UA, FIREFOX]) {
      expect((await sendBeacon(fx, { articleId: article }, { 'user-agent': ua, 'x-forwarded-for': '203.0.113.200' })).status).toBe(204);
    }
    await settle();
    expect(await added(before, article)).toBe(2);
  });
});
