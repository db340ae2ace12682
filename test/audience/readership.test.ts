import { outboxFlushPlugin } from '../../src/events/outbox-flush.plugin';
import { sqlCounter } from '../../src/db/sql-counter';
import { HOUR_MS } from '../../src/audience/time-buckets';
import { createGateway } from '../../src/gateway/create-gateway';
import { MemoryRateLimiter } from '../../src/limits/rate-limiter';
import { startGraphQLServer } from '../../src/server/graphql-http-server';
import { audienceSubgraph } from '../../src/subgraphs/audience.subgraph';
import type { SubgraphPeers } from '../../src/subgraphs/subgraph-peers';
import { backends } from '../support/backends';
import { AUDIENCE_TABLES, audienceDataSource, audienceRuntime, audienceTestConfig } from '../support/audience';
import { errorCodes, gql } from '../support/graphql-client';
import { startNewsroomFixture, type NewsroomFixture } from '../support/newsroom-fixture';
import { prepareAccounts, Role, signInAs, type SignedIn } from '../support/sign-in';

const TRENDING = `query($rubricId: ID, $limit: Int!) { trending(rubricId: $rubricId, limit: $limit) { id title } }`;
const MOST_READ = `query($rubricId: ID, $window: ReadershipWindow!) { mostRead(rubricId: $rubricId, window: $window, limit: 10) { id } }`;
const ids = (list: Array<{ id: string }>) => list.map((a) => Number(a.id));

type Candidate = { id: number; title: string; treePath: string; rubricId: number };

describe.each(backends())('readership: view counts and rankings (%s)', (backend) => {
  let fx: NewsroomFixture;
  let analyst: SignedIn;
  let editor: SignedIn;
  /** Three articles under one top-level rubric (A, B, C) and three under another (D, E, F). */
  let A: Candidate, B: Candidate, C: Candidate, D: Candidate, E: Candidate, F: Candidate;
  let firstTop: number;
  let secondTop: number;

  beforeAll(async () => {
    fx = await startNewsroomFixture(backend, 'audience_rank', 120, { subgraphs: { audience: audienceTestConfig() } });
    await prepareAccounts(fx);
    analyst = await signInAs(fx, [Role.Analyst]);
    editor = await signInAs(fx, [Role.Editor]);
    const rows: Array<{ id: number; title: string; treePath: string; rubricId: number }> = await fx.app.dataSources.get('editorial')!.query(
      `SELECT a.id AS id, a.title AS title, r.treePath AS treePath, r.id AS rubricId FROM article a JOIN rubric r ON r.id = a.primaryRubricId
       WHERE a.status = 'published' AND a.embargoUntil IS NULL ORDER BY a.id`,
    );
    const byTop = new Map<number, Candidate[]>();
    for (const r of rows) {
      const top = Number(r.treePath.split('/')[1]);
      byTop.set(top, [...(byTop.get(top) ?? []), { ...r, id: Number(r.id), rubricId: Number(r.rubricId) }]);
    }
    const [first, second] = [...byTop.entries()].sort((a, b) => b[1].length - a[1].length);
    [firstTop, secondTop] = [first[0], second[0]];
    // A sits below the top level, to show that a rubric's ranking includes its sub-rubrics.
    const deep = first[1].filter((c) => c.treePath.split('/').length > 3);
    A = deep[0] ?? first[1][0];
    [B, C] = first[1].filter((c) => c !== A);
    [D, E, F] = second[1];
    // Views at chosen times, through the buffer and the flush the beacon uses.
    const rt = audienceRuntime(fx);
    const now = Date.now();
    const add = (c: Candidate, views: number, hoursAgo: number) => rt.buffer.add(c.id, now - hoursAgo * HOUR_MS, views);
    add(A, 100, 20);
    add(B, 30, 0);
    add(C, 50, 5);
    add(D, 500, 3 * 24);
    add(E, 1000, 20 * 24);
    add(F, 30, 0);
    await rt.settle();
  });
  afterAll(async () => {
    await fx?.stop();
  });

  /**
   * Runs `fn` against a gateway whose audience subgraph is a second instance over the same
   * database, built with rankings cached for `ttlMs` (the suite's own computes them on every
   * request): tunables are given at construction, so a test wanting others starts its own.
   */
  async function withCachedRankings(ttlMs: number, fn: (url: string) => Promise<void>): Promise<void> {
    const { schemas } = fx.app;
    const peers: SubgraphPeers = { has: (name) => name in schemas, schema: (name) => schemas[name] };
    const audience = await audienceSubgraph.start(
      audienceDataSource(fx),
      { events: fx.app.channels, audience: { options: { ...audienceTestConfig().options, rankingTtlMs: ttlMs }, limiter: new MemoryRateLimiter() } },
      peers,
    );
    // Like the app's own gateway, it answers a mutation once the mutation's events are relayed.
    const gateway = await startGraphQLServer({
      gateway: createGateway({ localSchemas: { ...schemas, audience: audience.schema } }),
      port: 0,
      plugins: [outboxFlushPlugin(fx.app.settleEvents)],
    });
    try {
      await fn(gateway.url);
    } finally {
      await gateway.stop();
      await audience.stop();
    }
  }

  it('ranks "En ce moment" by recency-weighted views, ties to the newer article', async () => {
    const res = await gql(fx.url, TRENDING, { limit: 10 });
    expect(res.errors).toBeUndefined();
    // B and F: 30 views this hour; C: 50 five hours ago (×0.42 = 21); A: 100 twenty hours ago (×0.03 = 3.1).
    const [newer, older] = B.id > F.id ? [B, F] : [F, B];
    expect(ids(res.data.trending)).toEqual([newer.id, older.id, C.id, A.id]);
    expect(res.data.trending[0].title).toBe(newer.title);
    expect(ids((await gql(fx.url, TRENDING, { limit: 2 })).data.trending)).toEqual([newer.id, older.id]);
  });

  it('ranks most read by plain views over a day, a week or a month', async () => {
    const window = async (w: string, rubricId?: number) => ids((await gql(fx.url, MOST_READ, { window: w, rubricId: rubricId ? String(rubricId) : null })).data.mostRead);
    const [newer, older] = B.id > F.id ? [B, F] : [F, B];
    expect(await window('DAY')).toEqual([A.id, C.id, newer.id, older.id]);
    expect(await window('WEEK')).toEqual([D.id, A.id, C.id, newer.id, older.id]);
    expect(await window('MONTH')).toEqual([E.id, D.id, A.id, C.id, newer.id, older.id]);
    expect(await window('MONTH', secondTop)).toEqual([E.id, D.id, F.id]);
    // The default window is the day (it arrived as its GraphQL name and matched no window).
    const byDefault = await gql(fx.url, `{ mostRead(limit: 10) { id } }`);
    expect(byDefault.errors).toBeUndefined();
    expect(ids(byDefault.data.mostRead)).toEqual([A.id, C.id, newer.id, older.id]);
  });

  it('filters by rubric, sub-rubrics included, from its own copy of the rubric paths', async () => {
    expect(ids((await gql(fx.url, TRENDING, { rubricId: String(firstTop), limit: 10 })).data.trending)).toEqual([B.id, C.id, A.id]);
    expect(ids((await gql(fx.url, TRENDING, { rubricId: String(secondTop), limit: 10 })).data.trending)).toEqual([F.id]);
    const leaf = await gql(fx.url, TRENDING, { rubricId: String(A.rubricId), limit: 10 });
    expect(ids(leaf.data.trending)).toContain(A.id);
    expect(errorCodes(await gql(fx.url, TRENDING, { rubricId: 'abc', limit: 10 }))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await gql(fx.url, TRENDING, { limit: 51 }))).toEqual(['BAD_USER_INPUT']);
  });

  it('gives view counts to every reader, in one statement for a whole page', async () => {
    const q = `query($limit: Int!) { trending(limit: $limit) { id viewCount } }`;
    const { result, statements } = await sqlCounter.measure(() => gql(fx.url, q, { limit: 10 }, analyst.headers));
    expect(result.errors).toBeUndefined();
    expect(Object.fromEntries(result.data.trending.map((a: any) => [Number(a.id), a.viewCount]))).toEqual({ [A.id]: 100, [B.id]: 30, [C.id]: 50, [F.id]: 30 });
    expect(statements.filter((s) => AUDIENCE_TABLES.test(s))).toHaveLength(2);
    const article = await gql(fx.url, `query($id: ID!) { article(id: $id) { title viewCount } }`, { id: String(E.id) }, analyst.headers);
    expect(article.data.article.viewCount).toBe(1000);
    for (const headers of [{}, editor.headers]) {
      const seen = await gql(fx.url, `query($id: ID!) { article(id: $id) { title viewCount } }`, { id: String(E.id) }, headers);
      expect(seen.data.article).toEqual({ title: E.title, viewCount: 1000 });
      expect(seen.errors).toBeUndefined();
    }
  });

  it('puts "En ce moment" on the home page, at a fixed cost in audience statements', async () => {
    const home = `query($k: Int!) { homePage { headline { lead { title } } trending(limit: $k) { id title path } } }`;
    const three = await sqlCounter.measure(() => gql(fx.url, home, { k: 3 }));
    const five = await sqlCounter.measure(() => gql(fx.url, home, { k: 5 }));
    expect(three.result.errors).toBeUndefined();
    expect(three.result.data.homePage.trending.map((a: any) => a.title)).toHaveLength(3);
    expect(ids(five.result.data.homePage.trending)).toEqual(ids((await gql(fx.url, TRENDING, { limit: 5 })).data.trending));
    // One ranking statement, whatever the number of articles; the rest is editorial's.
    expect(three.statements.filter((s) => AUDIENCE_TABLES.test(s))).toHaveLength(1);
    expect(five.statements.filter((s) => AUDIENCE_TABLES.test(s))).toHaveLength(1);
    // With the ranking cache on (as in production), a warm home page costs the audience nothing.
    await withCachedRankings(30_000, async (url) => {
      await gql(url, home, { k: 3 });
      const warm = await sqlCounter.measure(() => gql(url, home, { k: 3 }));
      expect(warm.result.data.homePage.trending).toHaveLength(3);
      expect(warm.statements.filter((s) => AUDIENCE_TABLES.test(s))).toHaveLength(0);
    });
  });

  it('drops an article from cached rankings the moment it is unpublished', async () => {
    await withCachedRankings(60_000, async (url) => {
      const before = await gql(url, TRENDING, { limit: 10 });
      expect(before.errors).toBeUndefined();
      expect(ids(before.data.trending)).toContain(C.id);
      const res = await gql(url, `mutation($id: ID!) { unpublishArticle(id: $id) { status } }`, { id: String(C.id) }, editor.headers);
      expect(res.errors).toBeUndefined();
      const after = await gql(url, TRENDING, { limit: 10 });
      expect(after.errors).toBeUndefined();
      expect(ids(after.data.trending)).not.toContain(C.id);
      expect(ids(after.data.trending)).toContain(A.id);
    });
  });

  it('learns that a rubric moved and ranks its articles under the new parent', async () => {
    const res = await gql(fx.url, `mutation($id: ID!, $parent: ID) { moveRubric(id: $id, parentId: $parent) { id } }`, { id: String(A.rubricId), parent: String(secondTop) }, await adminHeaders());
    expect(res.errors).toBeUndefined();
    await audienceRuntime(fx).settle();
    expect(ids((await gql(fx.url, TRENDING, { rubricId: String(secondTop), limit: 10 })).data.trending)).toContain(A.id);
    expect(ids((await gql(fx.url, TRENDING, { rubricId: String(firstTop), limit: 10 })).data.trending)).not.toContain(A.id);
  });

  async function adminHeaders() {
    return (await signInAs(fx, [Role.Admin])).headers;
  }

  it('never ranks an article the public cannot see, even when it has views', async () => {
    const rows: Array<{ id: number }> = await fx.app.dataSources.get('editorial')!.query(`SELECT id FROM article WHERE status = 'draft' ORDER BY id LIMIT 1`);
    const draft = Number(rows[0].id);
    audienceRuntime(fx).buffer.add(draft, Date.now(), 10_000);
    await audienceRuntime(fx).settle();
    expect(ids((await gql(fx.url, TRENDING, { limit: 50 })).data.trending)).not.toContain(draft);
  });
});
