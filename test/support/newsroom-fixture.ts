import type { NewsroomApp } from '../../src/app/newsroom-app';
import type { EdgePurge } from '../../src/cache/edge-purge';
import type { GatewayOperationGuards } from '../../src/limits/gateway-operation-guards';
import { startNewsroom } from '../../src/app/newsroom-app';
import { seedEditorial } from '../../src/seed/editorial-seeder';
import { subgraphList } from '../../src/subgraphs/subgraph-modules';
import { scratchTargets, type Backend } from './backends';

export type NewsroomFixture = { app: NewsroomApp; url: string; stop(): Promise<void> };

/**
 * The full supergraph over HTTP on scratch databases (one per subgraph), seeded with a small
 * deterministic newsroom.
 */
export async function startNewsroomFixture(
  backend: Backend,
  label: string,
  articles = 240,
  options: { responseCache?: boolean; operationGuards?: GatewayOperationGuards | false; edgePurge?: EdgePurge | null } = {},
): Promise<NewsroomFixture> {
  const scratch = scratchTargets(backend, label, subgraphList().map((m) => m.name));
  await scratch.cleanup();
  // The response cache is off unless a suite tests it: SQL budgets and fresh reads need every request to run.
  // The tests play the proxy in front (one hop): each picks its client address with X-Forwarded-For.
  const app = await startNewsroom({ targets: scratch.targets, responseCache: options.responseCache ?? false, operationGuards: options.operationGuards,
    // No edge unless a suite has one (EDGE_PURGE_URLS in the environment must not reach tests).
    edgePurge: options.edgePurge ?? null,
    http: { trustProxyHops: 1 },
  });
  await seedEditorial(app.dataSources.get('editorial')!, { seed: 7, articles, paragraphs: 4 });
  return {
    app,
    url: app.url,
    async stop() {
      await app.stop();
      await scratch.cleanup();
    },
  };
}
