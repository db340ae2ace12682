import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import Redis from 'ioredis';
import { In, type DataSource } from 'typeorm';
import { Article } from '../../entities/editorial/article.entity';
import { bootstrapAccount } from '../../src/accounts/account-bootstrap';
import { closeDatabases, openDatabases } from '../../src/app/open-databases';
import { signAccessToken } from '../../src/auth/access-token';
import { Role } from '../../src/auth/roles';
import type { SubgraphName } from '../../src/db/database-config';
import { seedEditorial } from '../../src/seed/editorial-seeder';
import { subgraphList } from '../../src/subgraphs/subgraph-modules';
import { scratchTargets } from '../support/backends';
import { startFleet, type Fleet } from '../support/fleet';
import { gql } from '../support/graphql-client';
import type { ServiceProcess } from '../support/service-process';
import { TEST_PASSWORD } from '../support/sign-in';
import { prepareVarnish, varnishWanted, viaEdge, type Varnish } from '../support/varnish';

/**
 * The fleet of issue 13 as separate processes on loopback: two gateways, two editorial
 * instances, one accounts, discussion and audience instance, the events between them through
 * Redis Streams, rate limits and response caches shared in Redis, Varnish in front of gateway B
 * purged by both gateways; on MariaDB when TEST_MYSQL_URL is set (SQLite files otherwise).
 * Runs when TEST_REDIS_URL names the broker (CI sets it, and TEST_VARNISH=1).
 */
const run = process.env.TEST_REDIS_URL ? describe : describe.skip;
const backend = process.env.TEST_MYSQL_URL ? 'mysql' : 'sqlite';
const withVarnish = varnishWanted();
if (process.env.TEST_REDIS_URL && !withVarnish) console.warn('[fleet] /usr/sbin/varnishd not installed and TEST_VARNISH unset: the Varnish checks are skipped');

async function eventually<T>(read: () => Promise<T>, ok: (value: T) => boolean, ms = 5_000): Promise<{ value: T; waitedMs: number }> {
  const started = Date.now();
  for (;;) {
    const value = await read();
    if (ok(value) || Date.now() - started > ms) return { value, waitedMs: Date.now() - started };
    await sleep(20);
  }
}

/** Log lines of a process that mention `text` (its output is one JSON object a line). */
const linesWith = (p: ServiceProcess, text: string) => p.output().split('\n').filter((line) => line.includes(text));

const CLIENT_X = '203.0.113.7';
const CLIENT_Y = '198.51.100.23';

run(`a fleet of processes with events through Redis Streams (${backend})`, () => {
  const names: SubgraphName[] = ['editorial', 'accounts', 'discussion', 'audience'];
  const scratch = scratchTargets(backend, 'fleet', names);
  const runId = randomUUID().slice(0, 8);
  let fleet: Fleet;
  let varnish: Varnish | null = null;
  let redis: Redis;
  let dataSources: Map<string, DataSource>;
  let approved: number[];
  let editor: Record<string, string>;
  let reader: { email: string };
  const p = () => fleet.processes;

  beforeAll(async () => {
    await scratch.cleanup();
    redis = new Redis(process.env.TEST_REDIS_URL!);
    // Login counters live in Redis under fixed names; earlier runs' counts for these addresses go.
    for (const ip of [CLIENT_X, CLIENT_Y]) {
      const keys = await redis.keys(`newsroom:rate:*login:ip:${ip}`);
      if (keys.length) await redis.del(...keys);
    }
    dataSources = await openDatabases(subgraphList(), { targets: scratch.targets });
    const editorial = dataSources.get('editorial')!;
    await seedEditorial(editorial, { seed: 13, articles: 40, paragraphs: 2 });
    const waiting = await editorial.getRepository(Article).find({ order: { id: 'ASC' }, take: 9 });
    for (const a of waiting) await editorial.getRepository(Article).update({ id: a.id }, { status: 'approved', publishedAt: null, embargoUntil: null });
    approved = waiting.map((a) => a.id);
    editor = { authorization: `Bearer ${await signAccessToken({ userId: 1, roles: [Role.Editor] })}` };
    reader = { email: `lectrice.${runId}@exemple.fr` };
    await bootstrapAccount(dataSources.get('accounts')!, { email: reader.email, password: TEST_PASSWORD, displayName: 'Lectrice', verified: true });

    if (withVarnish) varnish = await prepareVarnish();
    const env: Record<string, string> = {
      EVENT_BROKER_URL: process.env.TEST_REDIS_URL!,
      EVENT_STREAM: `newsroom:test:${runId}`,
      // Rate limits and the gateways' response cache shared, as in a fleet.
      REDIS_URL: process.env.TEST_REDIS_URL!,
      RESPONSE_CACHE: 'on',
      RESPONSE_CACHE_PREFIX: `newsroom:test:${runId}:rc:`,
      TRUST_PROXY: '1',
      OUTBOX_POLL_MS: '200',
      AUDIENCE_VIEW_WINDOW: '0',
      MAILER: 'none',
      // The processes' JSON logs are read below (request ids); jest's own environment would silence them.
      LOG_LEVEL: 'info',
      ...(varnish ? { EDGE_PURGE_URLS: varnish.purgeUrl } : {}),
    };
    for (const name of names) {
      const target = scratch.targets[name]!;
      env[`${name.toUpperCase()}_DATABASE_URL`] = target.kind === 'sqlite' ? `sqlite:${target.file}` : target.url;
    }
    fleet = await startFleet({ env });
    // Varnish fronts gateway B; both gateways purge it.
    await varnish?.start(p().gatewayB.port);
  }, 180_000);

  afterAll(async () => {
    await varnish?.stop();
    await fleet?.stop();
    if (dataSources) await closeDatabases(dataSources);
    if (redis) {
      const keys = await redis.keys(`newsroom:test:${runId}*`);
      if (keys.length) await redis.del(...keys);
      await redis.quit();
    }
    await scratch.cleanup();
  });

  const LIST = `{ articles(first: 50) { nodes { id } } }`;
  const anonymous = async (url: string, query: string) => {
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
    return { cache: res.headers.get('x-cache'), body: JSON.parse(await res.text()) };
  };
  const listed = (answer: { body: any }, id: number) => answer.body.data.articles.nodes.some((n: { id: string }) => Number(n.id) === id);
  const publish = (url: string, id: number) => gql(url, `mutation($id: ID!) { publishArticle(id: $id) { status } }`, { id: String(id) }, editor);

  it('publishes through gateway A and shows the article through gateway B and through Varnish at once', async () => {
    await anonymous(p().gatewayB.url, LIST);
    expect((await anonymous(p().gatewayB.url, LIST)).cache).toBe('HIT');
    if (varnish) {
      await viaEdge(varnish.url, LIST);
      expect((await viaEdge(varnish.url, LIST)).edge).toBe('HIT');
    }
    const id = approved[0];
    expect((await publish(p().gatewayA.url, id)).errors).toBeUndefined();
    const viaB = await eventually(() => anonymous(p().gatewayB.url, LIST), (a) => listed(a, id));
    expect(listed(viaB.value, id)).toBe(true);
    console.log(`[fleet] article published through A listed through B after ${viaB.waitedMs} ms`);
    if (!varnish) return console.warn('[fleet] Varnish check skipped: varnishd not installed');
    const edgeListed = (a: { data: any }) => a.data.articles.nodes.some((n: { id: string }) => Number(n.id) === id);
    const viaEdgeAfter = await eventually(() => viaEdge(varnish!.url, LIST), edgeListed);
    expect(edgeListed(viaEdgeAfter.value)).toBe(true);
    console.log(`[fleet] ... and through Varnish (was HIT) after ${viaEdgeAfter.waitedMs} ms`);
  });

  it('purges gateway B’s cached page when a comment is posted through gateway A', async () => {
    const id = approved[0];
    const page = `{ article(id: "${id}") { id commentCount } }`;
    await anonymous(p().gatewayB.url, page);
    const cached = await anonymous(p().gatewayB.url, page);
    expect(cached.cache).toBe('HIT');
    const before = cached.body.data.article.commentCount;
    const posted = await gql(
      p().gatewayA.url,
      `mutation($i: PostCommentInput!) { postComment(input: $i) { id status } }`,
      { i: { articleId: String(id), body: 'Un commentaire « invité » venu par la passerelle A', guestName: 'Zoé', guestEmail: 'zoe@exemple.fr' } },
      { 'x-forwarded-for': '198.51.100.40' },
    );
    expect(posted.errors).toBeUndefined();
    // A guest's comment waits for a moderator; approving it through A makes it public.
    if (posted.data.postComment.status !== 'APPROVED') {
      const moderator = { authorization: `Bearer ${await signAccessToken({ userId: 2, roles: [Role.Moderator] })}` };
      const approvedNow = await gql(p().gatewayA.url, `mutation($ids: [ID!]!) { approveComments(ids: $ids) { id } }`, { ids: [posted.data.postComment.id] }, moderator);
      expect(approvedNow.errors).toBeUndefined();
    }
    const { value } = await eventually(() => anonymous(p().gatewayB.url, page), (a) => a.body.data.article.commentCount === before + 1);
    expect(value.body.data.article.commentCount).toBe(before + 1);
  });

  /** Article events in editorial's outbox after row `afterId`: what the change feed must hold, once each. */
  const articleEvents = async (afterId: number) => {
    const rows = (await dataSources.get('editorial')!.query('SELECT id, eventId, type, payload, publishedAt FROM editorial_outbox_event WHERE id > ? ORDER BY id', [afterId])) as Array<{
      id: number;
      eventId: string;
      type: string;
      payload: string;
      publishedAt: unknown;
    }>;
    return rows.filter((r) => r.type.startsWith('article.')).map((r) => ({ ...r, articleId: Number(JSON.parse(r.payload).articleId) }));
  };
  const consumedIds = async (eventIds: string[]) =>
    eventIds.length
      ? ((await dataSources.get('audience')!.query(`SELECT eventId FROM consumed_event WHERE eventId IN (${eventIds.map(() => '?').join(',')})`, eventIds)) as Array<{ eventId: string }>).map((r) => r.eventId)
      : [];
  /** The change feed's counter: every change applied takes the next number, so a change applied twice shows. */
  const changeNumber = async () => Number(((await dataSources.get('audience')!.query(`SELECT lastValue FROM audience_sequence WHERE name = 'article_change'`)) as Array<{ lastValue: unknown }>)[0]?.lastValue ?? 0);

  it('has every change in the audience feed exactly once while audience and an editorial instance are killed and restarted', async () => {
    // Start from a settled feed: every article event so far applied.
    const settled = await eventually(
      async () => {
        const events = await articleEvents(0);
        return { events, consumed: await consumedIds(events.map((e) => e.eventId)) };
      },
      (s) => s.consumed.length === s.events.length,
      20_000,
    );
    expect(settled.value.consumed.length).toBe(settled.value.events.length);
    const outboxFrom = Number((await dataSources.get('editorial')!.query('SELECT MAX(id) AS id FROM editorial_outbox_event'))[0]?.id ?? 0);
    const numberFrom = await changeNumber();
    const analyst = { authorization: `Bearer ${await signAccessToken({ userId: 3, roles: [Role.Analyst] })}` };
    const feedStart = (await gql(p().gatewayA.url, `{ articleChanges(first: 0) { latestCursor } }`, {}, analyst)).data.articleChanges.latestCursor as string;

    const ids = approved.slice(1, 9);
    for (const id of ids.slice(0, 2)) expect((await publish(p().gatewayA.url, id)).errors).toBeUndefined();
    // A crash of the consumer: the broker keeps the events for its group meanwhile.
    await p().audience.kill('SIGKILL');
    for (const id of ids.slice(2, 4)) expect((await publish(p().gatewayA.url, id)).errors).toBeUndefined();
    // A crash of gateway B's editorial while gateway A's keeps publishing and relaying.
    await p().editorial2.kill('SIGKILL');
    for (const id of ids.slice(4, 6)) expect((await publish(p().gatewayA.url, id)).errors).toBeUndefined();
    await Promise.all([fleet.restart('audience'), fleet.restart('editorial2')]);
    expect((await publish(p().gatewayA.url, ids[6])).errors).toBeUndefined();
    // Through the restarted editorial instance (gateway B's): its own relay publishes this one.
    expect((await publish(p().gatewayB.url, ids[7])).errors).toBeUndefined();
    const unpublished = await gql(p().gatewayB.url, `mutation($id: ID!) { unpublishArticle(id: $id) { status } }`, { id: String(ids[7]) }, editor);
    expect(unpublished.errors).toBeUndefined();

    const events = await articleEvents(outboxFrom);
    // The changes, per article and kind: one each, none recorded twice by the writers.
    const perChange = new Map<string, number>();
    for (const e of events) perChange.set(`${e.articleId} ${e.type}`, (perChange.get(`${e.articleId} ${e.type}`) ?? 0) + 1);
    const expected = [...ids.map((id) => `${id} article.published`), `${ids[7]} article.unpublished`];
    expect([...perChange.entries()].sort()).toEqual(expected.map((k) => [k, 1]).sort());
    // No gaps: every one of them applied by the audience (its event id remembered)...
    const { value: consumed } = await eventually(() => consumedIds(events.map((e) => e.eventId)), (c) => c.length === events.length, 30_000);
    expect(consumed.sort()).toEqual(events.map((e) => e.eventId).sort());
    // ...no duplicates: each applied once, so the feed's counter moved once per change.
    await sleep(300);
    expect((await changeNumber()) - numberFrom).toBe(events.length);
    // Every change relayed, whichever instance wrote it.
    expect((await articleEvents(outboxFrom)).every((e) => e.publishedAt !== null)).toBe(true);
    // The feed as analysts read it through the gateway: each article once, with its latest change.
    const feed = await gql(p().gatewayA.url, `query($after: String) { articleChanges(first: 100, after: $after) { nodes { articleId kind } } }`, { after: feedStart }, analyst);
    expect(feed.errors).toBeUndefined();
    const nodes = feed.data.articleChanges.nodes as Array<{ articleId: string; kind: string }>;
    expect(nodes.map((n) => [Number(n.articleId), n.kind]).sort()).toEqual(ids.map((id) => [id, id === ids[7] ? 'UNPUBLISHED' : 'PUBLISHED']).sort());
    const articles = await dataSources.get('editorial')!.getRepository(Article).findBy({ id: In(ids.slice(0, 7)) });
    expect(articles.every((a) => a.status === 'published')).toBe(true);
  });

  it('holds per-address login limits per client behind the gateways, shared through Redis', async () => {
    const LOGIN = `mutation($email: String!, $password: String!) { login(email: $email, password: $password) { accessToken } }`;
    const x = { 'x-forwarded-for': CLIENT_X };
    const codes: string[] = [];
    // Client X guesses passwords through gateway A until it is refused (20 failures per address in 15 min).
    for (let i = 0; i < 30 && codes[codes.length - 1] !== 'TOO_MANY_REQUESTS'; i += 1) {
      const res = await gql(p().gatewayA.url, LOGIN, { email: `inconnu-${i}.${runId}@exemple.fr`, password: 'Mauvais-mot-de-passe-1' }, x);
      codes.push(String(res.errors?.[0]?.extensions?.code));
    }
    expect(codes.length).toBe(21);
    expect(codes.slice(0, 20).every((c) => c === 'UNAUTHENTICATED')).toBe(true);
    expect(codes[20]).toBe('TOO_MANY_REQUESTS');
    // Client Y, through the other gateway, signs in with the right password.
    const y = await gql(p().gatewayB.url, LOGIN, { email: reader.email, password: TEST_PASSWORD }, { 'x-forwarded-for': CLIENT_Y });
    expect(y.errors).toBeUndefined();
    expect(typeof y.data.login.accessToken).toBe('string');
    // Client X is still refused there, even with the right password: the count is the fleet's.
    const xViaB = await gql(p().gatewayB.url, LOGIN, { email: reader.email, password: TEST_PASSWORD }, x);
    expect(xViaB.errors?.[0]?.extensions?.code).toBe('TOO_MANY_REQUESTS');
    // The counts are in the shared Redis, not in one process's memory.
    const [counter] = await redis.keys(`newsroom:rate:*login:ip:${CLIENT_X}`);
    expect(Number(await redis.get(counter))).toBeGreaterThan(20);
  });

  it('refuses an unsigned _entities call, and logs a failing request under the id the client sees', async () => {
    const entities = await gql(p().accounts.url, `query($r: [_Any!]!) { _entities(representations: $r) { ... on User { id displayName } } }`, {
      r: [{ __typename: 'User', id: '1' }],
    });
    expect(entities.status).toBe(401);
    expect(entities.data).toBeUndefined();
    // No request id from the client: the gateway makes one, and every process logs under it.
    const failing = await gql(p().gatewayA.url, '{ article(slug: "introuvable-dans-la-flotte") { id } }');
    const error = failing.errors![0];
    expect(error.extensions).toMatchObject({ code: 'NOT_FOUND' });
    const requestId = String(error.extensions!.requestId);
    expect(requestId.length).toBeGreaterThan(8);
    const { value } = await eventually(
      async () => ({ gateway: linesWith(p().gatewayA, requestId), subgraph: linesWith(p().editorial1, requestId) }),
      (v) => v.gateway.length > 0 && v.subgraph.length > 0,
    );
    expect(value.gateway.map((l) => JSON.parse(l)).some((l) => l.requestId === requestId && l.path === '/graphql')).toBe(true);
    expect(value.subgraph.map((l) => JSON.parse(l)).some((l) => l.requestId === requestId && l.path === '/graphql')).toBe(true);
    expect(linesWith(p().editorial2, requestId)).toEqual([]);
  });
});
