import type { NewsroomApp } from '../../src/app/newsroom-app';
import type { EdgePurge } from '../../src/cache/edge-purge';
import type { GatewayOperationGuards } from '../../src/limits/gateway-operation-guards';
import { startNewsroom } from '../../src/app/newsroom-app';
import { MemoryMailer } from '../../src/mail/mailer';
import { seedEditorial } from '../../src/seed/editorial-seeder';
import type { SubgraphConfig } from '../../src/subgraphs/subgraph-config';
import { subgraphList } from '../../src/subgraphs/subgraph-modules';
import { scratchTargets, type Backend } from './backends';
import { ResettableRateLimiter } from './resettable-rate-limiter';

/** The throttle counters of the fixture's subgraphs, which a test may wipe between cases. */
export type FixtureLimiters = { accounts: ResettableRateLimiter; discussion: ResettableRateLimiter; audience: ResettableRateLimiter };

/** A running app as the support helpers need it (a suite may start its own with startNewsroom). */
export type AppHandle = { app: NewsroomApp; url: string; stop(): Promise<void> };

export type NewsroomFixture = AppHandle & { limiters: FixtureLimiters };

/**
 * What every fixture's subgraphs are built with unless a suite says otherwise: mail kept in
 * memory and throttle counters of their own, whatever MAILER and REDIS_URL say, so that
 * suites cannot throttle each other or write mail files.
 */
export function testSubgraphConfig(limiters: FixtureLimiters, given: SubgraphConfig = {}): SubgraphConfig {
  return {
    ...given,
    accounts: { mailer: new MemoryMailer(), limiter: limiters.accounts, ...given.accounts },
    discussion: { limiter: limiters.discussion, ...given.discussion },
    audience: { limiter: limiters.audience, ...given.audience },
  };
}

/**
 * The full supergraph over HTTP on scratch databases (one per subgraph), seeded with a small
 * deterministic newsroom.
 */
export async function startNewsroomFixture(
  backend: Backend,
  label: string,
  articles = 240,
  options: { responseCache?: boolean; operationGuards?: GatewayOperationGuards | false; subgraphs?: SubgraphConfig; edgePurge?: EdgePurge | null } = {},
): Promise<NewsroomFixture> {
  const scratch = scratchTargets(backend, label, subgraphList().map((m) => m.name));
  await scratch.cleanup();
  const limiters: FixtureLimiters = { accounts: new ResettableRateLimiter(), discussion: new ResettableRateLimiter(), audience: new ResettableRateLimiter() };
  // The response cache is off unless a suite tests it: SQL budgets and fresh reads need every request to run.
  // The tests play the proxy in front (one hop): each picks its client address with X-Forwarded-For.
  // Suites here check answers, not latency, and run beside another Jest worker on a 2-core CI
  // machine: a 20 s deadline instead of 5 s keeps a slow moment from turning into a 504 there.
  // The deadline itself is tested with 300 ms (test/http/client-mistakes.test.ts).
  const app = await startNewsroom({
    targets: scratch.targets,
    responseCache: options.responseCache ?? false,
    operationGuards: options.operationGuards,
    subgraphs: testSubgraphConfig(limiters, options.subgraphs),
    // No edge unless a suite has one (EDGE_PURGE_URLS in the environment must not reach tests).
    edgePurge: options.edgePurge ?? null,
    http: { trustProxyHops: 1, requestTimeoutMs: 20_000 },
  });
  await seedEditorial(app.dataSources.get('editorial')!, { seed: 7, articles, paragraphs: 4 });
  return {
    app,
    url: app.url,
    limiters,
    async stop() {
      await app.stop();
      await scratch.cleanup();
    },
  };
}
