import { scratchTargets } from '../support/backends';
import { gql } from '../support/graphql-client';
import { startServiceProcess, type ServiceProcess } from '../support/service-process';

/** `npm run gateway` and `npm run subgraph -- editorial` as processes: each serves its own registry. */
describe('/metrics of a gateway and a subgraph run apart', () => {
  let editorial: ServiceProcess | undefined;
  let gateway: ServiceProcess | undefined;
  const scratch = scratchTargets('sqlite', 'metrics_processes', ['editorial']);
  const metricsOf = async (p: ServiceProcess) => {
    const res = await fetch(new URL('/metrics', p.url));
    expect(res.status).toBe(200);
    return res.text();
  };

  beforeAll(async () => {
    const target = scratch.targets.editorial!;
    const common = { EDITORIAL_DATABASE_URL: `sqlite:${target.kind === 'sqlite' ? target.file : ''}`, RESPONSE_CACHE: 'off' };
    editorial = await startServiceProcess({ name: 'editorial', kind: 'subgraph', env: common, readyTimeoutMs: 60_000 });
    gateway = await startServiceProcess({ name: 'gateway', kind: 'gateway', env: { ...common, SUBGRAPH_EDITORIAL_URL: editorial.url }, readyTimeoutMs: 60_000 });
  }, 120_000);
  afterAll(async () => {
    await gateway?.kill('SIGTERM');
    await editorial?.kill('SIGTERM');
    await scratch.cleanup();
  });

  it('counts the operation in both processes; SQL and outbox series only where the database is', async () => {
    const res = await gql(gateway!.url, 'query LatestForMetrics { articles(first: 1) { nodes { id } } }');
    expect(res.errors).toBeUndefined();
    const atGateway = await metricsOf(gateway!);
    expect(atGateway).toMatch(/^graphql_requests_total\{operation="LatestForMetrics",outcome="ok"\} 1$/m);
    expect(atGateway).not.toContain('sql_statements_total');
    expect(atGateway).toMatch(/^process_resident_memory_bytes \d+/m);
    const atEditorial = await metricsOf(editorial!);
    // The gateway's call, under the name its query planner gave it.
    expect(atEditorial).toMatch(/^graphql_requests_total\{operation="LatestForMetrics__editorial__0",outcome="ok"\} 1$/m);
    expect(atEditorial).toMatch(/^sql_statements_total [1-9]\d*$/m);
    expect(atEditorial).toMatch(/^outbox_pending_events\{subgraph="editorial"\} 0$/m);
  });
});
