import { In } from 'typeorm';
import { Comment } from '../../entities/discussion/comment.entity';
import { Article } from '../../entities/editorial/article.entity';
import { BROWSER_UA } from '../support/audience';
import { startBlackhole } from '../support/blackhole';
import { eventually, PageLoad, sleep } from '../support/fault-load';
import { startFleet, type Fleet } from '../support/fault-fleet';
import { gql } from '../support/graphql-client';
import { HOME_PAGE } from '../support/page-queries';

const POST = 'mutation($input: PostCommentInput!) { postComment(input: $input) { id } }';
const VIEWS = 'mutation($v: [PageViewInput!]!) { recordPageViews(views: $v) { accepted } }';
const PUBLISH = 'mutation($id: ID!) { publishArticle(id: $id) { id status } }';

/** Pages each phase lasts (started and answered within it), whatever the machine's speed. */
const PAGES_PER_PHASE = 4;

/** What the writers had acknowledged to them; every bit of it must be in the databases at the end. */
type Acknowledged = { comments: number[]; views: Map<number, number>; published: number[]; attempts: number };

/**
 * The subgraphs and the gateway as separate processes on loopback, under a bounded load:
 * three readers looping over the home page and article pages, and writers posting comments,
 * sending page views (through the gateway and to the audience's own /beacon) and publishing
 * articles. Discussion and audience are killed with SIGKILL and restarted, then audience is
 * replaced by a server that accepts connections and never answers.
 */
describe('killed and hung subgraphs under load (separate processes)', () => {
  let fleet: Fleet;
  const acked: Acknowledged = { comments: [], views: new Map(), published: [], attempts: 0 };
  let writing = false;
  let writers: Promise<void>[] = [];
  let load: PageLoad | undefined;

  beforeAll(async () => {
    fleet = await startFleet('sqlite', 'faults_kill');
  }, 60_000);
  afterAll(async () => {
    writing = false;
    await Promise.all(writers);
    await load?.stop();
    await fleet?.stop();
  });

  const commentWriter = async () => {
    for (let n = 1; writing; n++) {
      acked.attempts += 1;
      // One guest per comment, each from its own address (the gateway trusts one proxy hop), so
      // the per-address comment limit never stands in for an outage.
      const res = await gql(
        fleet.gateway.url,
        POST,
        { input: { articleId: (await articleIds())[n % 5].toString(), body: `Commentaire ${n} pendant les pannes`, guestName: `Lecteur ${n}`, guestEmail: `lecteur${n}@example.test` } },
        { 'x-forwarded-for': `10.9.${n >> 8}.${n & 255}`, 'user-agent': BROWSER_UA },
      ).catch(() => null);
      const id = res?.data?.postComment?.id;
      if (id) acked.comments.push(Number(id));
      await sleep(250);
    }
  };

  const viewWriter = async () => {
    for (let n = 0; writing; n++) {
      const articleId = (await articleIds())[n % 5];
      let accepted = 0;
      if (n % 2 === 0) {
        const res = await gql(fleet.gateway.url, VIEWS, { v: [{ articleId: String(articleId) }, { articleId: String(articleId) }] }, { 'user-agent': BROWSER_UA }).catch(() => null);
        accepted = res?.data?.recordPageViews?.accepted ?? 0;
      } else {
        const beacon = fleet.subgraphs.audience.url.replace(/\/graphql$/, '/beacon');
        const res = await fetch(beacon, { method: 'POST', body: JSON.stringify({ articleId }), headers: { 'user-agent': BROWSER_UA }, signal: AbortSignal.timeout(5000) }).catch(() => null);
        accepted = res?.status === 204 ? 1 : 0;
      }
      acked.views.set(articleId, (acked.views.get(articleId) ?? 0) + accepted);
      await sleep(100);
    }
  };

  let ids: number[] | null = null;
  const articleIds = async () => {
    ids ??= (await fleet.dataSources.get('editorial')!.getRepository(Article).find({ where: { slug: In(fleet.slugs.slice(0, 5)) } })).map((a) => a.id);
    return ids;
  };

  const publishOne = async () => {
    const id = fleet.approvedIds[acked.published.length];
    if (id === undefined) return;
    const res = await gql(fleet.gateway.url, PUBLISH, { id: String(id) }, fleet.editorHeaders);
    expect(res.errors).toBeUndefined();
    if (res.data?.publishArticle?.status === 'PUBLISHED') acked.published.push(id);
  };

  it('serves editorial content throughout, names what is missing, recovers, and keeps every acknowledged write', async () => {
    load = new PageLoad(fleet.gateway.url, fleet.slugs, { codes: ['SUBGRAPH_UNAVAILABLE', 'SUBGRAPH_TIMEOUT'], subgraphs: ['discussion', 'audience'] });
    // Warm: the gateway plans each operation once, the first time it sees it.
    await gql(fleet.gateway.url, HOME_PAGE);
    await articleIds();
    load.start(3);
    writing = true;
    writers = [commentWriter(), viewWriter()];

    load.phase = 'steady';
    await load.settle(PAGES_PER_PHASE);
    await publishOne();

    load.phase = 'discussion killed';
    await fleet.subgraphs.discussion.kill('SIGKILL');
    await load.settle(PAGES_PER_PHASE);
    await publishOne();
    load.phase = 'discussion restarting';
    await fleet.restart('discussion');

    load.phase = 'audience killed';
    await fleet.subgraphs.audience.kill('SIGKILL');
    await load.settle(PAGES_PER_PHASE);
    await publishOne();
    load.phase = 'audience restarting';
    await fleet.restart('audience');

    // Audience's port now accepts connections and never answers.
    load.phase = 'audience blackholed';
    await fleet.subgraphs.audience.kill('SIGKILL');
    const blackhole = await startBlackhole(fleet.subgraphs.audience.port);
    await load.settle(PAGES_PER_PHASE);
    await publishOne();
    await blackhole.close();
    load.phase = 'audience restarting again';
    await fleet.restart('audience');

    load.phase = 'recovering';
    const clean = await eventually(async () => {
      const res = await gql(fleet.gateway.url, HOME_PAGE);
      return !res.errors && res.data.homePage.trending !== null;
    });
    expect(clean).toBe(true);
    load.phase = 'recovered';
    await load.settle(PAGES_PER_PHASE);
    await publishOne();

    writing = false;
    await Promise.all(writers);
    await load.stop();

    // Editorial content in every answer, and only coded errors naming discussion or audience.
    const problems = load.samples.flatMap((s) => s.problems.map((p) => `${s.phase} ${s.page}: ${p}`));
    expect(problems).toEqual([]);
    const failuresIn = (phase: string) => new Set(load!.of(phase).flatMap((s) => s.failures));
    // Requests in flight when a process is killed fail too; those wholly before or after cannot.
    const failuresWithin = (phase: string) => new Set(load!.within(phase).flatMap((s) => s.failures));
    expect(load.within('steady').length).toBeGreaterThan(0);
    expect([...failuresWithin('steady')]).toEqual([]);
    expect(failuresIn('discussion killed')).toContain('SUBGRAPH_UNAVAILABLE discussion');
    expect(failuresIn('audience killed')).toContain('SUBGRAPH_UNAVAILABLE audience');
    // A hung subgraph costs a timeout per request: requests keep completing, with the code.
    expect(failuresIn('audience blackholed')).toContain('SUBGRAPH_TIMEOUT audience');
    expect(blackhole.connections).toBeGreaterThan(0);
    // Recovery without restarting the gateway.
    expect(load.within('recovered').length).toBeGreaterThan(0);
    expect([...failuresWithin('recovered')]).toEqual([]);

    const slowest = Math.max(...load.of('audience blackholed').map((s) => s.ms));
    console.log(
      `[faults] ${load.samples.length} pages; blackholed phase: ${load.of('audience blackholed').length} pages, slowest ${slowest.toFixed(0)} ms ` +
        `(audience timeout 2000 ms); acknowledged: ${acked.comments.length}/${acked.attempts} comments, ` +
        `${[...acked.views.values()].reduce((a, b) => a + b, 0)} views, ${acked.published.length} publications`,
    );

    // Every acknowledged write is in the databases.
    expect(acked.comments.length).toBeGreaterThan(0);
    expect(acked.published.length).toBe(5);
    const comments = await fleet.dataSources.get('discussion')!.getRepository(Comment).findBy({ id: In(acked.comments) });
    expect(comments.map((c) => c.id).sort((a, b) => a - b)).toEqual([...acked.comments].sort((a, b) => a - b));
    const rows: Array<{ articleId: number; views: number | string }> = await fleet.dataSources.get('audience')!.query('SELECT articleId, views FROM article_view_total');
    const stored = new Map(rows.map((r) => [Number(r.articleId), Number(r.views)]));
    expect([...acked.views.values()].reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    const lost = [...acked.views].filter(([articleId, views]) => (stored.get(articleId) ?? 0) < views);
    expect(lost.map(([articleId, views]) => `article ${articleId}: ${views} acknowledged, ${stored.get(articleId) ?? 0} stored`)).toEqual([]);
    const published = await fleet.dataSources.get('editorial')!.getRepository(Article).findBy({ id: In(acked.published) });
    expect(published.map((a) => a.status)).toEqual(acked.published.map(() => 'published'));
  }, 120_000);
});

