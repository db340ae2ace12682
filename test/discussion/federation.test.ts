import { settleBackgroundWork } from '../support/settle';
import { DataSource } from 'typeorm';
import { sqlCounter } from '../../src/db/sql-counter';
import { createGateway } from '../../src/gateway/create-gateway';
import { MemoryRateLimiter } from '../../src/limits/rate-limiter';
import { gatewayOperationGuards } from '../../src/limits/gateway-operation-guards';
import { startGraphQLServer } from '../../src/server/graphql-http-server';
import { startSubgraphServer } from '../../src/server/subgraph-server';
import { discussionSubgraph } from '../../src/subgraphs/discussion.subgraph';
import { editorialSubgraph } from '../../src/subgraphs/editorial.subgraph';
import { backends } from '../support/backends';
import { from, newIp, POST, prepareDiscussion, publishedArticleIds, seedComments, unpublishedArticleId } from '../support/discussion';
import { errorCodes, gql } from '../support/graphql-client';
import { startNewsroomFixture, type NewsroomFixture } from '../support/newsroom-fixture';
import { prepareAccounts, Role, signInAs, type SignedIn } from '../support/sign-in';

const card = (withCount: boolean) => `id title path readingTime { label } authors { name } ${withCount ? 'commentCount' : ''}`;
const home = (withCount: boolean) => `query Home { homePage(articlesPerBlock: 4) {
  headline { lead { ${card(withCount)} } secondary { ${card(withCount)} } }
  selection { ${card(withCount)} }
  rubricBlocks { rubric { name } articles { ${card(withCount)} } }
  magazineIssue { featuredArticles { ${card(withCount)} } }
} }`;

const ARTICLE_PAGE = `query Page($id: ID!) { article(id: $id) {
  title standfirst authors { name } commentCount commentsOpen
  comments(first: 10) { edges { cursor node { id body bodyHtml createdAt likeCount replyCount author { displayName }
    replies(first: 5) { edges { node { id body author { displayName } inReplyTo { id } } } pageInfo { hasNextPage endCursor } } } }
    pageInfo { hasNextPage endCursor } }
} }`;

/** Statements that went to the discussion subgraph's tables. */
const discussionSql = (statements: string[]) => statements.filter((s) => /\b(comment|comment_thread|comment_like)\b/i.test(s));
const accountsSql = (statements: string[]) => statements.filter((s) => /\buser_account\b/i.test(s));

describe.each(backends())('discussion through the gateway with editorial and accounts (%s)', (backend) => {
  let fx: NewsroomFixture;
  let restore: () => void;
  let readers: SignedIn[];

  beforeAll(async () => {
    fx = await startNewsroomFixture(backend, 'discussion_federation', 120);
    await prepareAccounts(fx);
    restore = prepareDiscussion(fx);
    readers = [await signInAs(fx), await signInAs(fx), await signInAs(fx)];
  });
  afterAll(async () => {
    restore?.();
    await fx?.stop();
  });

  const measure = async (query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}) => {
    // The writes' events relayed and their background work done first, so the measurement holds
    // only this request's statements.
    await settleBackgroundWork(fx);
    return sqlCounter.measure(() => gql(fx.url, query, variables, headers));
  };

  it('puts every home-page card’s comment count in the same request, for one statement in all', async () => {
    // Once unmeasured: the process keeps the rubric tree after its first read, and both measured pages should find it there.
    await gql(fx.url, home(false));
    const plain = await measure(home(false));
    expect(plain.result.errors).toBeUndefined();
    const page = plain.result.data.homePage;
    const cards = [page.headline.lead, ...page.headline.secondary, ...page.selection, ...page.rubricBlocks.flatMap((b: any) => b.articles), ...page.magazineIssue.featuredArticles];
    expect(cards.length).toBeGreaterThan(15);
    // Comments under a few of them: approved ones count, others do not.
    const expected = new Map<string, number>();
    for (const [i, c] of cards.slice(0, 4).entries()) {
      const roots = await seedComments(fx, Number(c.id), Array.from({ length: i + 1 }, () => ({ authorUserId: readers[0].id })));
      await seedComments(fx, Number(c.id), [{ inReplyTo: roots[0] }, { status: 'pending' }, { status: 'spam' }]);
      expected.set(c.id, i + 2);
    }
    const counted = await measure(home(true));
    expect(counted.result.errors).toBeUndefined();
    const countedPage = counted.result.data.homePage;
    const countedCards = [
      countedPage.headline.lead,
      ...countedPage.headline.secondary,
      ...countedPage.selection,
      ...countedPage.rubricBlocks.flatMap((b: any) => b.articles),
      ...countedPage.magazineIssue.featuredArticles,
    ];
    expect(countedCards.map((c: any) => c.id)).toEqual(cards.map((c: any) => c.id));
    for (const c of countedCards) expect({ id: c.id, count: c.commentCount }).toEqual({ id: c.id, count: expected.get(c.id) ?? 0 });
    expect(discussionSql(plain.statements)).toEqual([]);
    expect(discussionSql(counted.statements)).toHaveLength(1);
    expect(discussionSql(counted.statements)[0]).toMatch(/comment_thread/);
    expect(counted.count).toBe(plain.count + 1);
    if (process.env.SHOW_SQL) console.log(`home page: ${plain.count} statements without counts, ${counted.count} with`);
  });

  it('serves an article page with its thread and authors in a fixed number of statements, whatever the thread size', async () => {
    // The oldest articles: far from the home page, whose cards got comments above.
    const [small, large] = (await publishedArticleIds(fx, 80)).slice(-2);
    const grow = async (articleId: number, roots: number, repliesPerRoot: number) => {
      const base = Date.now() - 86_400_000;
      const made = await seedComments(
        fx,
        articleId,
        Array.from({ length: roots }, (_, i) => ({ authorUserId: readers[i % 3].id, createdAt: new Date(base + i * 1000) })),
      );
      for (const root of made) {
        await seedComments(fx, articleId, Array.from({ length: repliesPerRoot }, (_, j) => ({ inReplyTo: root, authorUserId: readers[(j + 1) % 3].id, createdAt: new Date(base + 500_000 + j) })));
      }
    };
    await grow(small, 2, 1);
    await grow(large, 40, 8);
    const a = await measure(ARTICLE_PAGE, { id: String(small) });
    const b = await measure(ARTICLE_PAGE, { id: String(large) });
    expect(a.result.errors).toBeUndefined();
    expect(b.result.errors).toBeUndefined();
    expect(a.result.data.article.comments.edges).toHaveLength(2);
    const bigThread = b.result.data.article.comments;
    expect(b.result.data.article.commentCount).toBe(40 * 9);
    expect(bigThread.edges).toHaveLength(10);
    expect(bigThread.pageInfo.hasNextPage).toBe(true);
    for (const edge of bigThread.edges) {
      expect(edge.node.author.displayName).toBe('Test reader');
      expect(edge.node.replies.edges).toHaveLength(5);
      expect(edge.node.replies.pageInfo.hasNextPage).toBe(true);
      for (const r of edge.node.replies.edges) expect(r.node).toMatchObject({ author: { displayName: 'Test reader' }, inReplyTo: { id: edge.node.id } });
    }
    // Thread row (count and open), roots page, replies pages of every root: one statement each.
    expect(discussionSql(b.statements)).toHaveLength(3);
    expect(accountsSql(b.statements).length).toBeLessThanOrEqual(2);
    expect(b.count).toBe(a.count);
    // A signed-in reader sees the same thread with what they liked: one statement more.
    const signedIn = await measure(ARTICLE_PAGE.replace('likeCount', 'likeCount likedByViewer'), { id: String(large) }, readers[0].headers);
    expect(discussionSql(signedIn.statements)).toHaveLength(4);
    if (process.env.SHOW_SQL) {
      console.log(`article page: ${b.count} statements (${discussionSql(b.statements).length} discussion, ${accountsSql(b.statements).length} accounts)`);
    }
  });

  it('asks editorial over HTTP whether an article is published when run as its own service', async () => {
    const [articleId] = (await publishedArticleIds(fx, 80)).slice(-3);
    const draft = await unpublishedArticleId(fx);
    const editorial = await startSubgraphServer(editorialSubgraph, fx.app.dataSources.get('editorial')!, { port: 0 });
    // Its own connection to the same database, as a separate process would have.
    const ds = new DataSource(fx.app.dataSources.get('discussion')!.options);
    await ds.initialize();
    const previousUrl = process.env.SUBGRAPH_EDITORIAL_URL;
    process.env.SUBGRAPH_EDITORIAL_URL = editorial.url;
    const discussion = await startSubgraphServer(discussionSubgraph, ds, { port: 0, config: { discussion: { limiter: new MemoryRateLimiter() } } });
    const gateway = await startGraphQLServer({
      // The same operation guards as the in-process app, so that the answers (extensions.cost too) compare.
      operationGuards: gatewayOperationGuards(),
      gateway: createGateway({ urls: { editorial: editorial.url, discussion: discussion.url }, localSchemas: { accounts: fx.app.schemas.accounts } }),
      port: 0,
    });
    try {
      const staff = await signInAs(fx, [Role.Editor]);
      const ok = await gql(gateway.url, POST, { input: { articleId: String(articleId), body: 'Posté à travers des services séparés.' } }, from(newIp(), staff.headers));
      expect(ok.errors).toBeUndefined();
      expect(ok.data.postComment.status).toBe('APPROVED');
      const refused = await gql(gateway.url, POST, { input: { articleId: String(draft), body: 'Trop tôt.' } }, from(newIp(), staff.headers));
      expect(errorCodes(refused)).toEqual(['NOT_FOUND']);
      const overHttp = await gql(gateway.url, ARTICLE_PAGE, { id: String(articleId) });
      const inProcess = await gql(fx.url, ARTICLE_PAGE, { id: String(articleId) });
      expect(overHttp.data.article.comments.edges[0].node.body).toBe('Posté à travers des services séparés.');
      expect(overHttp).toEqual(inProcess);
    } finally {
      await gateway.stop();
      await discussion.stop();
      await editorial.stop();
      await ds.destroy();
      if (previousUrl === undefined) delete process.env.SUBGRAPH_EDITORIAL_URL;
      else process.env.SUBGRAPH_EDITORIAL_URL = previousUrl;
    }
  });
});
