import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { In, type DataSource } from 'typeorm';
import { Article } from '../../entities/editorial/article.entity';
import { closeDatabases, openDatabases } from '../../src/app/open-databases';
import { signAccessToken } from '../../src/auth/access-token';
import { Role } from '../../src/auth/roles';
import type { SubgraphName } from '../../src/db/database-config';
import { seedEditorial } from '../../src/seed/editorial-seeder';
import { subgraphList } from '../../src/subgraphs/subgraph-modules';
import { scratchTargets } from '../support/backends';
import { closedPortUrl } from '../support/blackhole';
import { gql } from '../support/graphql-client';
import { startServiceProcess, type ServiceProcess } from '../support/service-process';

/**
 * The fleet as separate processes on loopback: two gateways, two editorial instances, one
 * discussion and one audience instance, the events between them through Redis Streams, on
 * MariaDB when TEST_MYSQL_URL is set (SQLite files otherwise). Runs when TEST_REDIS_URL names
 * the broker (CI sets it).
 */
const run = process.env.TEST_REDIS_URL ? describe : describe.skip;
const backend = process.env.TEST_MYSQL_URL ? 'mysql' : 'sqlite';

async function eventually<T>(read: () => Promise<T>, ok: (value: T) => boolean, ms = 5_000): Promise<{ value: T; waitedMs: number }> {
  const started = Date.now();
  for (;;) {
    const value = await read();
    if (ok(value) || Date.now() - started > ms) return { value, waitedMs: Date.now() - started };
    await sleep(20);
  }
}

run(`a fleet of processes with events through Redis Streams (${backend})`, () => {
  const names: SubgraphName[] = ['editorial', 'accounts', 'discussion', 'audience'];
  const scratch = scratchTargets(backend, 'fleet', names);
  const processes: ServiceProcess[] = [];
  let dataSources: Map<string, DataSource>;
  let gatewayA: ServiceProcess;
  let gatewayB: ServiceProcess;
  let audience: ServiceProcess;
  let audienceEnv: Record<string, string>;
  let sharedEnv: Record<string, string>;
  let approved: number[];
  let editor: Record<string, string>;

  beforeAll(async () => {
    await scratch.cleanup();
    dataSources = await openDatabases(subgraphList().filter((m) => m.name !== 'accounts'), { targets: scratch.targets });
    const editorial = dataSources.get('editorial')!;
    await seedEditorial(editorial, { seed: 13, articles: 40, paragraphs: 2 });
    const waiting = await editorial.getRepository(Article).find({ order: { id: 'ASC' }, take: 8 });
    for (const a of waiting) await editorial.getRepository(Article).update({ id: a.id }, { status: 'approved', publishedAt: null, embargoUntil: null });
    approved = waiting.map((a) => a.id);
    editor = { authorization: `Bearer ${await signAccessToken({ userId: 1, roles: [Role.Editor] })}` };

    const env: Record<string, string> = { EVENT_BROKER_URL: process.env.TEST_REDIS_URL!, EVENT_STREAM: `newsroom:test:${randomUUID()}`, TRUST_PROXY: '1', OUTBOX_POLL_MS: '200' };
    for (const name of names) {
      const target = scratch.targets[name]!;
      env[`${name.toUpperCase()}_DATABASE_URL`] = target.kind === 'sqlite' ? `sqlite:${target.file}` : target.url;
    }
    sharedEnv = env;
    const start = async (name: string, kind: 'subgraph' | 'gateway', extra: Record<string, string> = {}, port?: number) => {
      const p = await startServiceProcess({ name, kind, env: { ...env, ...extra }, port, readyTimeoutMs: 60_000 });
      processes.push(p);
      return p;
    };
    const editorial1 = await start('editorial', 'subgraph');
    const editorial2 = await start('editorial', 'subgraph');
    const peers = { SUBGRAPH_EDITORIAL_URL: editorial1.url };
    const discussion = await start('discussion', 'subgraph', peers);
    audienceEnv = { ...peers, AUDIENCE_VIEW_WINDOW: '0' };
    audience = await start('audience', 'subgraph', audienceEnv);
    const routes = (editorialUrl: string) => ({
      SUBGRAPH_EDITORIAL_URL: editorialUrl,
      SUBGRAPH_DISCUSSION_URL: discussion.url,
      SUBGRAPH_AUDIENCE_URL: audience.url,
      RESPONSE_CACHE: 'on',
    });
    const accounts = await closedPortUrl();
    gatewayA = await start('gateway', 'gateway', { ...routes(editorial1.url), SUBGRAPH_ACCOUNTS_URL: accounts });
    gatewayB = await start('gateway', 'gateway', { ...routes(editorial2.url), SUBGRAPH_ACCOUNTS_URL: accounts });
  }, 180_000);

  afterAll(async () => {
    for (const p of processes.reverse()) await p.kill('SIGTERM');
    if (dataSources) await closeDatabases(dataSources);
    await scratch.cleanup();
  });

  const LIST = `{ articles(first: 50) { nodes { id } } }`;
  const anonymous = async (url: string, query: string) => {
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
    return { cache: res.headers.get('x-cache'), body: JSON.parse(await res.text()) };
  };
  const listed = (answer: { body: any }, id: number) => answer.body.data.articles.nodes.some((n: { id: string }) => Number(n.id) === id);

  it('publishes through gateway A and shows the article through gateway B at once', async () => {
    await anonymous(gatewayB.url, LIST);
    expect((await anonymous(gatewayB.url, LIST)).cache).toBe('HIT');
    const id = approved[0];
    const published = await gql(gatewayA.url, `mutation($id: ID!) { publishArticle(id: $id) { status } }`, { id: String(id) }, editor);
    expect(published.errors).toBeUndefined();
    const { value, waitedMs } = await eventually(() => anonymous(gatewayB.url, LIST), (a) => listed(a, id));
    expect(listed(value, id)).toBe(true);
    console.log(`[fleet] article published through A listed through B after ${waitedMs} ms`);
  });

  it('purges gateway B’s cached page when a comment is posted through gateway A', async () => {
    const id = approved[0];
    const page = `{ article(id: "${id}") { id commentCount } }`;
    await anonymous(gatewayB.url, page);
    const cached = await anonymous(gatewayB.url, page);
    expect(cached.cache).toBe('HIT');
    const before = cached.body.data.article.commentCount;
    const posted = await gql(
      gatewayA.url,
      `mutation($i: PostCommentInput!) { postComment(input: $i) { id status } }`,
      { i: { articleId: String(id), body: 'Un commentaire « invité » venu par la passerelle A', guestName: 'Zoé', guestEmail: 'zoe@exemple.fr' } },
      { 'x-forwarded-for': '198.51.100.40' },
    );
    expect(posted.errors).toBeUndefined();
    // A guest's comment waits for a moderator; approving it through A makes it public.
    if (posted.data.postComment.status !== 'APPROVED') {
      const moderator = { authorization: `Bearer ${await signAccessToken({ userId: 2, roles: [Role.Moderator] })}` };
      const approvedNow = await gql(gatewayA.url, `mutation($ids: [ID!]!) { approveComments(ids: $ids) { id } }`, { ids: [posted.data.postComment.id] }, moderator);
      expect(approvedNow.errors).toBeUndefined();
    }
    const { value } = await eventually(() => anonymous(gatewayB.url, page), (a) => a.body.data.article.commentCount === before + 1);
    expect(value.body.data.article.commentCount).toBe(before + 1);
  });

  it('keeps every change in the audience change feed while audience is killed and restarted', async () => {
    const ids = approved.slice(1, 7);
    const publish = (id: number) => gql(gatewayA.url, `mutation($id: ID!) { publishArticle(id: $id) { status } }`, { id: String(id) }, editor);
    for (const id of ids.slice(0, 2)) expect((await publish(id)).errors).toBeUndefined();
    const port = audience.port;
    await audience.kill('SIGKILL');
    // Published while no audience instance runs: the broker keeps the events for its group.
    for (const id of ids.slice(2, 4)) expect((await publish(id)).errors).toBeUndefined();
    audience = await startServiceProcess({ name: 'audience', kind: 'subgraph', port, env: { ...sharedEnv, ...audienceEnv }, readyTimeoutMs: 60_000 });
    processes.push(audience);
    for (const id of ids.slice(4)) expect((await publish(id)).errors).toBeUndefined();
    const changes = dataSources.get('audience')!;
    const { value } = await eventually(
      () => changes.query(`SELECT articleId, kind FROM article_change_state WHERE articleId IN (${ids.join(',')})`) as Promise<Array<{ articleId: number; kind: string }>>,
      (rows) => rows.length === ids.length && rows.every((r) => r.kind === 'published'),
      20_000,
    );
    expect(value.map((r) => [Number(r.articleId), r.kind]).sort()).toEqual(ids.map((id) => [id, 'published']).sort());
    const articles = await dataSources.get('editorial')!.getRepository(Article).findBy({ id: In(ids) });
    expect(articles.every((a) => a.status === 'published')).toBe(true);
  });
});
