import { buildSchema, parse } from 'graphql';
import { createDataSource } from '../../src/db/data-source';
import { subgraphCaller } from '../../src/federation/subgraph-caller';
import { createGateway } from '../../src/gateway/create-gateway';
import { InProcessDataSource } from '../../src/gateway/in-process-data-source';
import { startGraphQLServer, type RunningServer } from '../../src/server/graphql-http-server';
import { startSubgraphServer } from '../../src/server/subgraph-server';
import { discussionSubgraph } from '../../src/subgraphs/discussion.subgraph';
import { gql } from '../support/graphql-client';
import { startNewsroomFixture, type NewsroomFixture } from '../support/newsroom-fixture';
import { closedPortUrl, startBlackhole, type Blackhole } from '../support/blackhole';
import { ARTICLE_PAGE, HOME_PAGE } from '../support/page-queries';

/**
 * Partial results in one process: the gateway calls editorial in process and the discussion
 * and audience subgraphs over HTTP, at a port nobody listens on and at a server that accepts
 * connections and never answers. The page keeps its editorial content; the errors name every
 * missing field, its subgraph and why.
 */
describe('partial results when a subgraph is down or hangs', () => {
  let fx: NewsroomFixture;
  let blackhole: Blackhole;
  let gateway: RunningServer;
  let slug: string;
  let discussionUrl: string;

  beforeAll(async () => {
    fx = await startNewsroomFixture('sqlite', 'partial_results', 40);
    blackhole = await startBlackhole();
    const { discussion: _d, audience: _a, ...local } = fx.app.schemas;
    gateway = await startGraphQLServer({
      gateway: createGateway({
        localSchemas: local,
        urls: { discussion: (discussionUrl = await closedPortUrl()), audience: blackhole.url },
        timeoutMs: { audience: 300 },
      }),
      port: 0,
    });
    const home = await gql(fx.url, '{ homePage { selection { slug } } }');
    slug = home.data.homePage.selection[0].slug;
  });
  afterAll(async () => {
    await gateway?.stop();
    await blackhole?.close();
    await fx?.stop();
  });

  it('serves the home page without comment counts, view counts and trending, naming each of them', async () => {
    const res = await gql(gateway.url, HOME_PAGE);
    expect(res.status).toBe(200);
    const home = res.data.homePage;
    expect(home.headline.lead.title).toEqual(expect.any(String));
    expect(home.selection.length).toBeGreaterThan(0);
    expect(home.trending).toBeNull();
    expect(home.selection[0]).toMatchObject({ commentCount: null, viewCount: null });

    const byCode = (code: string) => (res.errors ?? []).filter((e) => e.extensions?.code === code);
    const unavailable = byCode('SUBGRAPH_UNAVAILABLE');
    const timedOut = byCode('SUBGRAPH_TIMEOUT');
    expect(unavailable.length + timedOut.length).toBe(res.errors!.length);
    expect(new Set(unavailable.map((e) => e.extensions!.subgraph))).toEqual(new Set(['discussion']));
    expect(new Set(timedOut.map((e) => e.extensions!.subgraph))).toEqual(new Set(['audience']));
    const paths = res.errors!.map((e) => (e.path ?? []).join('.'));
    expect(paths).toContain('homePage.trending');
    expect(paths).toContain('homePage.selection.0.commentCount');
    expect(paths).toContain('homePage.selection.0.viewCount');
    expect(paths).toContain('homePage.headline.lead.commentCount');
    // No field of the page is left null without an error naming it.
    for (const [i, card] of home.selection.entries()) {
      expect(paths).toContain(`homePage.selection.${i}.commentCount`);
      expect(card.title).toEqual(expect.any(String));
    }
    expect(JSON.stringify(res.errors)).not.toMatch(/127\.0\.0\.1|ECONNREFUSED|stack/);
  });

  it('serves the article page without its comments', async () => {
    const res = await gql(gateway.url, ARTICLE_PAGE, { slug });
    expect(res.data.article).toMatchObject({ slug, comments: null, commentCount: null, commentsOpen: null, viewCount: null });
    expect(res.data.article.body.length).toBeGreaterThan(0);
    const paths = res.errors!.map((e) => `${e.extensions?.code} ${(e.path ?? []).join('.')}`);
    expect(paths).toEqual(
      expect.arrayContaining([
        'SUBGRAPH_UNAVAILABLE article.comments',
        'SUBGRAPH_UNAVAILABLE article.commentCount',
        'SUBGRAPH_UNAVAILABLE article.commentsOpen',
        'SUBGRAPH_TIMEOUT article.viewCount',
      ]),
    );
  });

  it('recovers when the subgraph comes back, without restarting the gateway', async () => {
    // The discussion subgraph starts at the URL the gateway was given and found closed.
    const port = Number(new URL(discussionUrl).port);
    const discussion = await startSubgraphServer(discussionSubgraph, fx.app.dataSources.get('discussion')!, { port });
    let connections = 0;
    discussion.server.on('connection', () => (connections += 1));
    try {
      const res = await gql(gateway.url, ARTICLE_PAGE, { slug });
      expect(res.data.article.commentCount).toEqual(expect.any(Number));
      expect(res.data.article.comments.edges).toEqual(expect.any(Array));
      expect(res.errors!.every((e) => e.extensions?.subgraph === 'audience')).toBe(true);
      // Keep-alive: the next pages reuse the connections of the first instead of opening their own.
      const opened = connections;
      for (let i = 0; i < 4; i++) await gql(gateway.url, ARTICLE_PAGE, { slug });
      expect(opened).toBeGreaterThan(0);
      expect(connections).toBe(opened);
    } finally {
      await discussion.stop();
    }
  });

  it('names the subgraph of an internal error when the subgraph is up but its database is gone', async () => {
    // Its own connection, as another process would have, closed under it.
    const options = fx.app.dataSources.get('discussion')!.options as { database?: string };
    const ds = await createDataSource({ subgraph: 'discussion', entities: discussionSubgraph.entities, migrations: discussionSubgraph.migrations, target: { kind: 'sqlite', file: String(options.database) } });
    await ds.initialize();
    const failing = await startSubgraphServer(discussionSubgraph, ds, { port: 0 });
    const gw = await startGraphQLServer({ gateway: createGateway({ localSchemas: { editorial: fx.app.schemas.editorial }, urls: { discussion: failing.url, audience: blackhole.url }, timeoutMs: { audience: 300 } }), port: 0 });
    try {
      await ds.destroy();
      const res = await gql(gw.url, ARTICLE_PAGE, { slug });
      expect(res.data.article).toMatchObject({ slug, commentCount: null });
      const commentErrors = res.errors!.filter((e) => e.extensions?.subgraph === 'discussion');
      expect(commentErrors.map((e) => (e.path ?? []).join('.'))).toContain('article.commentCount');
      expect(commentErrors.every((e) => e.extensions?.code === 'INTERNAL_SERVER_ERROR' && typeof e.extensions?.requestId === 'string')).toBe(true);
    } finally {
      await gw.stop();
      await failing.stop();
    }
  });

  it('a mutation to a subgraph that is down fails with its code, not INTERNAL_SERVER_ERROR', async () => {
    const res = await gql(gateway.url, 'mutation { recordPageViews(views: [{ articleId: "1" }]) { accepted } }');
    expect(res.data).toBeNull();
    expect(res.errors!.map((e) => [e.extensions?.code, e.extensions?.subgraph, e.path])).toEqual([['SUBGRAPH_TIMEOUT', 'audience', ['recordPageViews']]]);
  });
});

describe('timeouts of in-process subgraphs and subgraph-to-subgraph calls', () => {
  // A field that never resolves: what a stuck database call looks like from above.
  const never = () => new Promise<number>(() => undefined);

  it('answers SUBGRAPH_TIMEOUT on the fields of an in-process fetch that takes too long', async () => {
    const stuck = buildSchema('type Query { slow: Int fast: Int }');
    (stuck.getQueryType()!.getFields().slow as { resolve?: unknown }).resolve = never;
    const source = new InProcessDataSource(stuck, { name: 'stuck', timeoutMs: 50 });
    const query = '{ slow fast }';
    const res = await source.process({
      request: { query, variables: {} },
      context: {},
      document: parse(query),
    } as unknown as Parameters<InProcessDataSource['process']>[0]);
    expect(res.data).toBeUndefined();
    expect(res.errors!.map((e) => [e.extensions?.code, e.extensions?.subgraph, e.path])).toEqual([
      ['SUBGRAPH_TIMEOUT', 'stuck', ['slow']],
      ['SUBGRAPH_TIMEOUT', 'stuck', ['fast']],
    ]);
  });

  it('gives up on a peer over HTTP that accepts and never answers', async () => {
    const hole = await startBlackhole();
    try {
      const call = subgraphCaller.overHttp('editorial', hole.url, 100);
      await expect(call('{ __typename }', {})).rejects.toMatchObject({ extensions: { code: 'SUBGRAPH_TIMEOUT', subgraph: 'editorial' } });
      const refused = subgraphCaller.overHttp('editorial', await closedPortUrl(), 1000);
      await expect(refused('{ __typename }', {})).rejects.toMatchObject({ extensions: { code: 'SUBGRAPH_UNAVAILABLE', subgraph: 'editorial' } });
    } finally {
      await hole.close();
    }
  });

  it('gives up on a peer in this process that never answers', async () => {
    const schema = buildSchema('type Query { slow: Int }');
    (schema.getQueryType()!.getFields().slow as { resolve?: unknown }).resolve = never;
    const call = subgraphCaller.inProcess(() => schema, 'editorial', 50);
    await expect(call('{ slow }', {})).rejects.toMatchObject({ extensions: { code: 'SUBGRAPH_TIMEOUT', subgraph: 'editorial' } });
  });
});
