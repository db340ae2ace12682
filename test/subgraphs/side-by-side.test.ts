import { startNewsroom, type NewsroomApp } from '../../src/app/newsroom-app';
import { MemoryMailer } from '../../src/mail/mailer';
import { startSubgraphServer } from '../../src/server/subgraph-server';
import { audienceSubgraph } from '../../src/subgraphs/audience.subgraph';
import { subgraphList } from '../../src/subgraphs/subgraph-modules';
import { backends, scratchTargets } from '../support/backends';
import { BROWSER_UA } from '../support/audience';
import { errorCodes, gql } from '../support/graphql-client';
import { TEST_PASSWORD, uniqueEmail } from '../support/sign-in';

const REGISTER = `mutation($input: RegisterInput!) { register(input: $input) { user { id email } } }`;
const LOGIN = `mutation($email: String!, $password: String!) { login(email: $email, password: $password) { user { id } } }`;

/**
 * Each subgraph builds its services in its composition root, from configuration, with nothing
 * at module level: two instances in one process, given the same configuration (the
 * environment's, here with mail kept in memory and no Redis), get each their own mailer,
 * throttle counters and page-view buffer.
 */
describe.each(backends())('two instances of the subgraphs in one process (%s)', (backend) => {
  const env = { ...process.env, MAILER: 'memory', REDIS_URL: '' };
  const names = subgraphList().map((m) => m.name);
  const scratch = [scratchTargets(backend, 'side_a', names), scratchTargets(backend, 'side_b', names)];
  let a: NewsroomApp;
  let b: NewsroomApp;

  beforeAll(async () => {
    for (const s of scratch) await s.cleanup();
    // No test doubles are handed in: each composition root builds its parts from `env`.
    a = await startNewsroom({ targets: scratch[0].targets, responseCache: false, operationGuards: false, subgraphs: { env } });
    b = await startNewsroom({ targets: scratch[1].targets, responseCache: false, operationGuards: false, subgraphs: { env } });
  });
  afterAll(async () => {
    await a?.stop();
    await b?.stop();
    for (const s of scratch) await s.cleanup();
  });

  it('keeps mail, login throttles and page views apart', async () => {
    const email = uniqueEmail('twin');
    for (const app of [a, b]) {
      const res = await gql(app.url, REGISTER, { input: { email, password: TEST_PASSWORD, displayName: 'Camille Martin' } });
      expect(res.errors).toBeUndefined();
    }
    const [mailA, mailB] = [a.runtime('accounts').mailer, b.runtime('accounts').mailer];
    expect(mailA).toBeInstanceOf(MemoryMailer);
    expect(mailB).not.toBe(mailA);
    // One verification mail each, in the mailer of the instance that sent it.
    expect((mailA as MemoryMailer).to(email)).toHaveLength(1);
    expect((mailB as MemoryMailer).to(email)).toHaveLength(1);

    // Five wrong passwords lock the account on A (per-account throttle); B counts nothing of them.
    for (let i = 0; i < 5; i++) expect(errorCodes(await gql(a.url, LOGIN, { email, password: `Wrong-password-${i}x` }))).toEqual(['UNAUTHENTICATED']);
    expect(errorCodes(await gql(a.url, LOGIN, { email, password: TEST_PASSWORD }))).toEqual(['TOO_MANY_REQUESTS']);
    expect(errorCodes(await gql(b.url, LOGIN, { email, password: TEST_PASSWORD }))).toEqual([]);

    // A beacon to A is buffered by A's audience only.
    const beacon = await fetch(a.url.replace(/\/graphql$/, '/beacon'), { method: 'POST', headers: { 'user-agent': BROWSER_UA }, body: JSON.stringify({ articleId: 7 }) });
    expect(beacon.status).toBe(204);
    expect(a.runtime('audience').buffer.size).toBe(1);
    expect(b.runtime('audience').buffer.size).toBe(0);
  });

  it('gives two instances over the very same data source their own counters', async () => {
    // What a registry keyed by data source could not do: the second instance would have got
    // the first one's runtime, limiter and all.
    const ds = a.dataSources.get('audience')!;
    const config = { env, audience: { options: { ingestPerIp: [1, 60] as [number, number], viewWindowSeconds: 0 } } };
    const first = await startSubgraphServer(audienceSubgraph, ds, { port: 0, config });
    const second = await startSubgraphServer(audienceSubgraph, ds, { port: 0, config });
    const send = (url: string) =>
      fetch(url.replace(/\/graphql$/, '/beacon'), { method: 'POST', headers: { 'user-agent': BROWSER_UA }, body: JSON.stringify({ articleId: 8 }) }).then((r) => r.status);
    try {
      expect(second.subgraph.runtime).not.toBe(first.subgraph.runtime);
      expect(await send(first.url)).toBe(204);
      expect(await send(first.url)).toBe(429);
      expect(await send(second.url)).toBe(204);
      expect(first.subgraph.runtime.buffer.size).toBe(1);
      expect(second.subgraph.runtime.buffer.size).toBe(1);
    } finally {
      await first.stop();
      await second.stop();
    }
  });
});
