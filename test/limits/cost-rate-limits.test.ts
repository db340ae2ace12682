import { randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import { Role, ServiceScope } from '../../src/auth/roles';
import { CostRateLimiter } from '../../src/limits/cost-rate-limiter';
import { gatewayOperationGuards } from '../../src/limits/gateway-operation-guards';
import { readLimitsConfig } from '../../src/limits/limits-config';
import { startNewsroomFixture, type NewsroomFixture } from '../support/newsroom-fixture';
import { NESTED_FIRST_100 } from './attack-operations';
import { prepareAccounts, serviceSignIn, signInAs, type SignedIn } from '../support/sign-in';

const CHEAP = '{ articles(first: 2) { nodes { title } } }';
const DEAR = '{ articles(first: 20) { nodes { title slug } } }';

type Answer = { status: number; headers: Headers; body: any };

async function post(url: string, query: string, headers: Record<string, string> = {}): Promise<Answer> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query }) });
  return { status: res.status, headers: res.headers, body: await res.json() };
}

const stores: Array<[string, () => Redis | undefined]> = [['memory', () => undefined]];
if (process.env.TEST_REDIS_URL) stores.push(['redis', () => new Redis(process.env.TEST_REDIS_URL!)]);

describe.each(stores)('rate limits weighted by cost (%s)', (_name, makeRedis) => {
  let fx: NewsroomFixture;
  let redis: Redis | undefined;
  let reader: SignedIn;
  let service: { headers: Record<string, string> };
  const prefix = `newsroom:test:${randomUUID()}`;

  beforeAll(async () => {
    redis = makeRedis();
    const config = readLimitsConfig({ RATE_LIMIT_ANONYMOUS: '150/60', RATE_LIMIT_READER: '1000/60', RATE_LIMIT_SERVICE: '2000/60' });
    fx = await startNewsroomFixture('sqlite', 'rate_limits', 30, {
      operationGuards: gatewayOperationGuards(config, { redis, rateKeyPrefix: prefix }),
    });
    await prepareAccounts(fx);
    reader = await signInAs(fx, []);
    const admin = await signInAs(fx, [Role.Admin]);
    service = await serviceSignIn(fx, admin, [ServiceScope.Read]);
  });
  afterAll(async () => {
    await fx?.stop();
    await redis?.quit();
  });

  it('spends each operation\'s cost, says so in RateLimit-* headers, and refuses with 429 once the budget is spent', async () => {
    const first = await post(fx.url, DEAR);
    expect(first.status).toBe(200);
    const cost = first.body.extensions.cost as number;
    expect(cost).toBeGreaterThan(40);
    expect(first.headers.get('ratelimit-limit')).toBe('150');
    expect(first.headers.get('ratelimit-remaining')).toBe(String(150 - cost));
    expect(Number(first.headers.get('ratelimit-reset'))).toBeGreaterThan(0);
    expect(Number(first.headers.get('ratelimit-reset'))).toBeLessThanOrEqual(60);
    expect(first.headers.get('ratelimit-policy')).toBe('150;w=60');

    let last = first;
    while (last.status === 200) last = await post(fx.url, DEAR);
    expect(last.status).toBe(429);
    expect(last.body.errors.map((e: any) => e.extensions.code)).toEqual(['RATE_LIMITED']);
    expect(last.body.errors[0].message).toMatch(/150 cost points per 60 s/);
    expect(last.body.data).toBeUndefined();
    const retryAfter = Number(last.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(last.body.errors[0].extensions.retryAfterSeconds).toBe(retryAfter);
    const remaining = Number(last.headers.get('ratelimit-remaining'));
    expect(remaining).toBeLessThan(cost);

    // The refused operation cost nothing: what is left still buys a cheaper one.
    const cheap = await post(fx.url, CHEAP);
    expect(cheap.body.extensions.cost).toBeLessThanOrEqual(remaining);
    expect(cheap.status).toBe(200);
    expect(Number(cheap.headers.get('ratelimit-remaining'))).toBe(remaining - cheap.body.extensions.cost);
  });

  it('counts a signed-in reader and a service token on their own budgets, whatever their address', async () => {
    expect((await post(fx.url, DEAR)).status).toBe(429);
    const asReader = await post(fx.url, DEAR, reader.headers);
    expect(asReader.status).toBe(200);
    expect(asReader.headers.get('ratelimit-limit')).toBe('1000');
    const asService = await post(fx.url, DEAR, service.headers);
    expect(asService.status).toBe(200);
    expect(asService.headers.get('ratelimit-limit')).toBe('2000');
    if (redis) expect((await redis.keys(`${prefix}:*`)).sort()).toEqual(expect.arrayContaining([expect.stringContaining(':anonymous:ip:'), expect.stringContaining(':reader:user:'), expect.stringContaining(':service:service:')]));
  });

  it('does not count operations refused by the limits', async () => {
    const before = await post(fx.url, CHEAP, reader.headers);
    const refused = await post(fx.url, NESTED_FIRST_100, reader.headers);
    expect(refused.status).toBe(400);
    const after = await post(fx.url, CHEAP, reader.headers);
    const cost = after.body.extensions.cost;
    expect(Number(after.headers.get('ratelimit-remaining'))).toBe(Number(before.headers.get('ratelimit-remaining')) - cost);
  });
});

const redisOnly = process.env.TEST_REDIS_URL ? describe : describe.skip;

redisOnly('rate limits in Redis', () => {
  it('are shared by every gateway process', async () => {
    const a = new Redis(process.env.TEST_REDIS_URL!);
    const b = new Redis(process.env.TEST_REDIS_URL!);
    try {
      // Until connected, each process counts in memory (the insurance limiter).
      await Promise.all([a, b].map((r) => (r.status === 'ready' ? null : new Promise((ok) => r.once('ready', ok)))));
      const prefix = `newsroom:test:${randomUUID()}`;
      const budgets = readLimitsConfig({ RATE_LIMIT_ANONYMOUS: '100/60' }).rate!;
      const one = new CostRateLimiter(budgets, a, prefix);
      const other = new CostRateLimiter(budgets, b, prefix);
      expect(await one.spend('anonymous', 'ip:192.0.2.1', 60)).toMatchObject({ allowed: true, remaining: 40 });
      expect(await other.spend('anonymous', 'ip:192.0.2.1', 60)).toMatchObject({ allowed: false, remaining: 40 });
      const both = await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 ? one : other).spend('anonymous', 'ip:192.0.2.2', 20)));
      expect(both.filter((d) => d.allowed)).toHaveLength(5);
    } finally {
      await a.quit();
      await b.quit();
    }
  });
});
