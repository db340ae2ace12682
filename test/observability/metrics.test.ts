import { randomUUID } from 'node:crypto';
import { OUTBOX_EVENT } from '../../entities/shared/outbox-event.entity';
import { gatewayOperationGuards } from '../../src/limits/gateway-operation-guards';
import { readLimitsConfig } from '../../src/limits/limits-config';
import { nestedRubrics } from '../limits/attack-operations';
import { backends } from '../support/backends';
import { errorCodes, gql } from '../support/graphql-client';
import { startNewsroomFixture, type NewsroomFixture } from '../support/newsroom-fixture';

const HOME = 'query HomeMetrics { homePage { headline { lead { id title authors { name } } } rubricBlocks { rubric { name } articles { id title } } } }';

/** One series' value in Prometheus's text format (labels in any order), or undefined when absent. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split('\n')) {
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const found = Object.fromEntries([...(match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((m) => [m[1], m[2]]));
    if (Object.entries(labels).every(([k, v]) => found[k] === v) && Object.keys(found).length === Object.keys(labels).length) return Number(match[3]);
  }
  return undefined;
}

describe.each(backends())('Prometheus metrics at /metrics (%s)', (backend) => {
  let fx: NewsroomFixture;
  let metricsUrl: string;
  const scrape = async () => {
    const res = await fetch(metricsUrl);
    return { status: res.status, type: res.headers.get('content-type'), cacheControl: res.headers.get('cache-control'), text: await res.text() };
  };

  beforeAll(async () => {
    fx = await startNewsroomFixture(backend, 'metrics', 40, {
      responseCache: true,
      // Rate limits in memory, per client address (the fixture trusts one proxy hop).
      operationGuards: gatewayOperationGuards(readLimitsConfig({ RATE_LIMIT_ANONYMOUS: '3000/60' })),
      // The relay wakes on commits only: a row written behind its back stays pending until drained.
      subgraphs: { env: { ...process.env, OUTBOX_POLL_MS: '3600000' } },
    });
    metricsUrl = new URL('/metrics', fx.url).toString();
  });
  afterAll(async () => {
    await fx?.stop();
  });

  it('serves the text format, uncached, with Node\'s default metrics on the same registry', async () => {
    const res = await scrape();
    expect(res.status).toBe(200);
    expect(res.type).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(res.cacheControl).toBe('no-store');
    expect(sample(res.text, 'process_cpu_user_seconds_total')).toBeGreaterThan(0);
    expect(res.text).toContain('# TYPE nodejs_eventloop_lag_seconds gauge');
  });

  it('counts and times operations by name and outcome, cache hits and misses, refusals by code, SQL statements and loader batches', async () => {
    const before = (await scrape()).text;
    const miss = await fetch(fx.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: HOME }) });
    expect(miss.headers.get('x-cache')).toBe('MISS');
    await miss.text();
    const hit = await fetch(fx.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: HOME }) });
    expect(hit.headers.get('x-cache')).toBe('HIT');
    await hit.text();
    const refused = await gql(fx.url, nestedRubrics(13));
    expect(errorCodes(refused)).toEqual(['QUERY_TOO_DEEP']);
    const after = (await scrape()).text;

    const moved = (name: string, labels: Record<string, string> = {}) => (sample(after, name, labels) ?? 0) - (sample(before, name, labels) ?? 0);
    // The hit is answered before Apollo: one execution of HomeMetrics, timed once.
    const home = { operation: 'HomeMetrics', outcome: 'ok' };
    expect(moved('graphql_requests_total', home)).toBe(1);
    expect(moved('graphql_request_duration_seconds_count', home)).toBe(1);
    expect(moved('graphql_request_duration_seconds_sum', home)).toBeGreaterThan(0);
    expect(moved('graphql_request_duration_seconds_bucket', { ...home, le: '+Inf' })).toBe(1);
    // The refused query was an anonymous read too: looked up, missed (and, refused, never stored).
    expect(moved('graphql_response_cache_requests_total', { result: 'miss' })).toBe(2);
    expect(moved('graphql_response_cache_requests_total', { result: 'hit' })).toBe(1);
    expect(moved('graphql_operation_refusals_total', { code: 'QUERY_TOO_DEEP' })).toBe(1);
    expect(moved('graphql_requests_total', { operation: '(anonymous)', outcome: 'QUERY_TOO_DEEP' })).toBe(1);
    expect(moved('sql_statements_total')).toBeGreaterThan(0);
    // A home page's articles, authors and rubrics load in batches of several keys each.
    expect(moved('dataloader_batch_size_count')).toBeGreaterThan(0);
    expect(moved('dataloader_batch_size_sum')).toBeGreaterThan(moved('dataloader_batch_size_count'));
  });

  it('counts rate-limit refusals by code', async () => {
    const before = (await scrape()).text;
    const client = { 'x-forwarded-for': '203.0.113.77' };
    let codes: string[] = [];
    // A new page size each time, so that no answer comes from the response cache.
    for (let size = 1; size <= 100 && !codes.includes('RATE_LIMITED'); size++) {
      codes = errorCodes(await gql(fx.url, `{ articles(first: ${size}) { nodes { id title authors { name } } } }`, {}, client));
    }
    expect(codes).toEqual(['RATE_LIMITED']);
    const after = (await scrape()).text;
    expect((sample(after, 'graphql_operation_refusals_total', { code: 'RATE_LIMITED' }) ?? 0) - (sample(before, 'graphql_operation_refusals_total', { code: 'RATE_LIMITED' }) ?? 0)).toBe(1);
  });

  it('labels a client-chosen operation name only once it resolved against the schema', async () => {
    const res = await gql(fx.url, 'query NoSuchField { nope }');
    expect(res.status).toBe(400);
    const text = (await scrape()).text;
    expect(text).not.toContain('operation="NoSuchField"');
    expect(sample(text, 'graphql_requests_total', { operation: '(invalid)', outcome: 'GRAPHQL_VALIDATION_FAILED' })).toBeGreaterThanOrEqual(1);
  });

  it('reports each emitting subgraph\'s outbox lag at scrape time', async () => {
    const initial = (await scrape()).text;
    expect(sample(initial, 'outbox_pending_events', { subgraph: 'editorial' })).toBe(0);
    expect(sample(initial, 'outbox_pending_events', { subgraph: 'discussion' })).toBe(0);
    // Committed, not relayed: as after a crash between the commit and the relay.
    await fx.app.dataSources.get('editorial')!.getRepository(OUTBOX_EVENT).insert({
      eventId: randomUUID(),
      type: 'frontpage.changed',
      payload: JSON.stringify({ type: 'frontpage.changed' }),
      occurredAt: new Date(),
      publishedAt: null,
    });
    expect(sample((await scrape()).text, 'outbox_pending_events', { subgraph: 'editorial' })).toBe(1);
    await fx.app.settleEvents();
    expect(sample((await scrape()).text, 'outbox_pending_events', { subgraph: 'editorial' })).toBe(0);
  });
});
