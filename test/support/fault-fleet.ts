import type { DataSource } from 'typeorm';
import { Article } from '../../entities/editorial/article.entity';
import { closeDatabases, openDatabases } from '../../src/app/open-databases';
import { signAccessToken } from '../../src/auth/access-token';
import { Role } from '../../src/auth/roles';
import type { SubgraphName } from '../../src/db/database-config';
import { seedEditorial } from '../../src/seed/editorial-seeder';
import { subgraphList } from '../../src/subgraphs/subgraph-modules';
import { scratchTargets, type Backend } from './backends';
import { closedPortUrl } from './blackhole';
import { startServiceProcess, type ServiceProcess } from './service-process';

/** The subgraphs the fault suites run as processes; accounts is left out (no page needs it), at a refused URL. */
export const FLEET_SUBGRAPHS = ['editorial', 'discussion', 'audience'] as const;
export type FleetSubgraph = (typeof FLEET_SUBGRAPHS)[number];

export type Fleet = {
  gateway: ServiceProcess;
  subgraphs: Record<FleetSubgraph, ServiceProcess>;
  /** The databases, opened in the test process to check what was written. */
  dataSources: Map<string, DataSource>;
  /** Published articles' slugs, for the article pages of the load. */
  slugs: string[];
  /** Articles approved and waiting for an editor to publish them. */
  approvedIds: number[];
  editorHeaders: Record<string, string>;
  /** Starts a stopped subgraph again at the port it had, so the gateway finds it at the same URL. */
  restart(name: FleetSubgraph): Promise<ServiceProcess>;
  stop(): Promise<void>;
};

/**
 * Seeds scratch databases, then starts editorial, discussion and audience with `npm run
 * subgraph` and the gateway with `npm run gateway`, each its own process on loopback, the
 * gateway configured by environment as an operator would.
 */
export async function startFleet(backend: Backend, label: string, options: { articles?: number } = {}): Promise<Fleet> {
  const names: SubgraphName[] = ['editorial', 'accounts', 'discussion', 'audience'];
  const scratch = scratchTargets(backend, label, names);
  await scratch.cleanup();
  const modules = subgraphList().filter((m) => (FLEET_SUBGRAPHS as readonly string[]).includes(m.name));
  const dataSources = await openDatabases(modules, { targets: scratch.targets });
  const editorial = dataSources.get('editorial')!;
  await seedEditorial(editorial, { seed: 11, articles: options.articles ?? 40, paragraphs: 2 });
  const articles = editorial.getRepository(Article);
  const published = await articles.find({ where: { status: 'published' }, order: { id: 'DESC' }, take: 10 });
  // The oldest articles, none of them on the pages the load reads.
  const shown = new Set(published.map((a) => a.id));
  const waiting = (await articles.find({ order: { id: 'ASC' }, take: 20 })).filter((a) => !shown.has(a.id)).slice(0, 6);
  // Ready for an editor's publishArticle, as if the desk had reviewed them.
  for (const a of waiting) await articles.update({ id: a.id }, { status: 'approved', publishedAt: null, embargoUntil: null });

  const databaseEnv: Record<string, string> = {};
  for (const name of names) {
    const target = scratch.targets[name]!;
    databaseEnv[`${name.toUpperCase()}_DATABASE_URL`] = target.kind === 'sqlite' ? `sqlite:${target.file}` : target.url;
  }
  // Generous for editorial and discussion (eight test processes may share two cores); 2 s
  // for audience, the subgraph the suite blackholes, so a hung call shows quickly.
  const common = { ...databaseEnv, SUBGRAPH_TIMEOUT_MS: '5000', SUBGRAPH_AUDIENCE_TIMEOUT_MS: '2000', TRUST_PROXY: '1', RESPONSE_CACHE: 'off' };
  const envOf: Record<FleetSubgraph, Record<string, string>> = {
    editorial: common,
    discussion: common,
    // Acknowledged views must survive SIGKILL: answer once they are written (flushes every 200 ms).
    // Every view counts (no once-per-client window): the suite checks that acknowledged views are stored, not de-duplication.
    audience: { ...common, AUDIENCE_ACK: 'written', AUDIENCE_FLUSH_MS: '200', AUDIENCE_INGEST_LIMIT: '100000/60', AUDIENCE_VIEW_WINDOW: '0' },
  };
  const subgraphs = {} as Record<FleetSubgraph, ServiceProcess>;
  const ports = {} as Record<FleetSubgraph, number>;
  let gateway: ServiceProcess | undefined;
  const stopAll = async () => {
    await gateway?.kill('SIGTERM');
    for (const p of Object.values(subgraphs)) await p.kill('SIGTERM');
    await closeDatabases(dataSources);
    await scratch.cleanup();
  };
  try {
    subgraphs.editorial = await startServiceProcess({ name: 'editorial', kind: 'subgraph', env: envOf.editorial });
    ports.editorial = subgraphs.editorial.port;
    const peerEnv = { SUBGRAPH_EDITORIAL_URL: subgraphs.editorial.url };
    Object.assign(envOf.discussion, peerEnv);
    Object.assign(envOf.audience, peerEnv);
    const [discussion, audience] = await Promise.allSettled(
      (['discussion', 'audience'] as const).map((name) => startServiceProcess({ name, kind: 'subgraph', env: envOf[name] })),
    );
    if (discussion.status === 'fulfilled') subgraphs.discussion = discussion.value;
    if (audience.status === 'fulfilled') subgraphs.audience = audience.value;
    if (discussion.status === 'rejected') throw discussion.reason;
    if (audience.status === 'rejected') throw audience.reason;
    ports.discussion = subgraphs.discussion.port;
    ports.audience = subgraphs.audience.port;
    gateway = await startServiceProcess({
      name: 'gateway',
      kind: 'gateway',
      env: {
        ...common,
        SUBGRAPH_EDITORIAL_URL: subgraphs.editorial.url,
        SUBGRAPH_DISCUSSION_URL: subgraphs.discussion.url,
        SUBGRAPH_AUDIENCE_URL: subgraphs.audience.url,
        SUBGRAPH_ACCOUNTS_URL: await closedPortUrl(),
      },
    });
  } catch (err) {
    await stopAll();
    throw err;
  }
  const token = await signAccessToken({ userId: 1, roles: [Role.Editor] });
  return {
    gateway,
    subgraphs,
    dataSources,
    slugs: published.map((a) => a.slug),
    approvedIds: waiting.map((a) => a.id),
    editorHeaders: { authorization: `Bearer ${token}` },
    async restart(name) {
      subgraphs[name] = await startServiceProcess({ name, kind: 'subgraph', port: ports[name], env: envOf[name] });
      return subgraphs[name];
    },
    stop: stopAll,
  };
}
