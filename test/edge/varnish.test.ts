import { setTimeout as sleep } from 'node:timers/promises';
import { EdgePurge } from '../../src/cache/edge-purge';
import { runScheduledJobs } from '../../src/editorial/workflow/scheduler';
import { approvedArticle, publishedArticle, unpublishArticle } from '../support/editorial-desk';
import { gql } from '../support/graphql-client';
import { startNewsroomFixture, type NewsroomFixture } from '../support/newsroom-fixture';
import { Role, signInAs, type SignedIn } from '../support/sign-in';
import { prepareVarnish, varnishWanted, viaEdge as edgeGet, type EdgeAnswer, type Varnish } from '../support/varnish';

/**
 * The gateway behind a real Varnish on loopback, with the project's VCL: public answers are
 * cached at the edge, and content events purge exactly the tagged answers they make stale.
 * Runs where Debian's varnish is installed (CI installs it and sets TEST_VARNISH=1, which makes
 * a missing varnishd a failure rather than a skip).
 */
const run = varnishWanted() ? describe : describe.skip;

run('the edge cache (Varnish) purged by tags', () => {
  let fx: NewsroomFixture;
  let varnish: Varnish;
  let editor: SignedIn;
  const viaEdge = (query: string) => edgeGet(varnish.url, query);

  beforeAll(async () => {
    varnish = await prepareVarnish();
    fx = await startNewsroomFixture('sqlite', 'edge', 40, { responseCache: true, edgePurge: new EdgePurge([varnish.purgeUrl]) });
    editor = await signInAs(fx, [Role.Editor]);
    await varnish.start(fx.app.gateway.port);
  }, 120_000);

  afterAll(async () => {
    await varnish?.stop();
    await fx?.stop();
  });

  const RUBRIC_LIST = `{ rubric(slug: "maroc") { id articles(first: 50) { nodes { id title } } } }`;
  const listed = (answer: EdgeAnswer, id: number) => answer.data.rubric.articles.nodes.some((n: { id: string }) => Number(n.id) === id);

  it('serves public answers from the edge, and a published article appears through it at once', async () => {
    expect((await viaEdge(RUBRIC_LIST)).edge).toBe('MISS');
    expect((await viaEdge(RUBRIC_LIST)).edge).toBe('HIT');
    const article = await publishedArticle(fx.url, editor.headers, { title: 'Le port de Tanger s’agrandit « encore »', primaryRubricId: 1 });
    const after = await viaEdge(RUBRIC_LIST);
    expect({ edge: after.edge, listed: listed(after, article.id) }).toEqual({ edge: 'MISS', listed: true });
  });

  it('shows an article at once when its embargo lifts', async () => {
    const until = new Date(Date.now() + 3000);
    const article = await approvedArticle(fx.url, editor.headers, { title: 'Un accord sous embargo', primaryRubricId: 1, embargoUntil: until.toISOString() } as never);
    await gql(fx.url, `mutation($id: ID!) { publishArticle(id: $id) { id } }`, { id: String(article.id) }, editor.headers);
    await viaEdge(RUBRIC_LIST);
    const before = await viaEdge(RUBRIC_LIST);
    expect({ edge: before.edge, listed: listed(before, article.id) }).toEqual({ edge: 'HIT', listed: false });
    while (Date.now() <= until.getTime() + 20) await sleep(100);
    await runScheduledJobs(fx.app.dataSources.get('editorial')!);
    await fx.app.settleEvents();
    const after = await viaEdge(RUBRIC_LIST);
    expect({ edge: after.edge, listed: listed(after, article.id) }).toEqual({ edge: 'MISS', listed: true });
  });

  it('keeps the operators’ /metrics away from the public', async () => {
    expect((await fetch(`${varnish.url}/metrics`)).status).toBe(404);
    expect((await fetch(fx.url.replace('/graphql', '/metrics'))).status).toBe(200);
  });

  it('never serves an unpublished article from the edge', async () => {
    const article = await publishedArticle(fx.url, editor.headers, { title: 'Retiré bientôt', primaryRubricId: 1 });
    const page = `{ article(slug: "${article.slug}") { id title } }`;
    await viaEdge(page);
    expect((await viaEdge(page)).edge).toBe('HIT');
    await unpublishArticle(fx.url, editor.headers, article.id);
    const after = await viaEdge(page);
    expect(after.data.article).toBeNull();
    expect((await viaEdge(RUBRIC_LIST)).data.rubric.articles.nodes.some((n: { id: string }) => Number(n.id) === article.id)).toBe(false);
  });
});
