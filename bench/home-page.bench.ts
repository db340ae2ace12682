/**
 * `npm run bench`: the home page under load, against a baseline measured in the same run.
 *   npm run bench                                  100k articles on SQLite
 *   npm run bench -- --articles 1000000            1M articles
 *   DATABASE_URL=mysql://… npm run bench           on MySQL
 *   npm run bench -- --scaling 10000,1000000       the uncached gateway at two data sizes
 * The home, rubric and article pages through the uncached gateway are alternated with
 * hand-written endpoints returning the same JSON (checked; the run stops when they differ), in
 * --rounds rounds; article-page requests go round 200 articles, about a quarter of them with
 * comments; then the home page once
 * through the other setups (limits on, the subgraph alone, the response cache); --pages-only
 * stops after the rounds.
 * Options: --duration S (default 10), --connections N (default 10), --rounds N (default 3),
 * --warmup S (default 10: load on each page and endpoint before the first round).
 * One process against the fleet of separate processes: `npm run bench:fleet` (bench/fleet.bench.ts).
 */
import 'reflect-metadata';
import { isDeepStrictEqual } from 'node:util';
import autocannon from 'autocannon';
import { argValue, hasFlag } from '../src/cli/args';
import { postJson, prepareData, singleRequestMs, startServerScript } from './bench-support';
import { ARTICLE_PAGE_QUERY } from './article-page.query';
import { HOME_PAGE_QUERY } from './home-page.query';
import { RUBRIC_PAGE_QUERY } from './rubric-page.query';

const duration = Number(argValue('--duration') ?? 10);
const connections = Number(argValue('--connections') ?? 10);
const rounds = Number(argValue('--rounds') ?? 3);
/**
 * Seconds of load on each page, through the gateway and by hand, before the first round. The
 * gateway's code reaches its speed after some thousands of requests (V8 optimises the planner's,
 * graphql-jit's and the resolvers' functions as they run hot): measured from a cold start, its
 * first round of the article page took 2.1–3.1 ms of CPU a request, the next ones 1.7–2.0 ms.
 */
const warmupSeconds = Number(argValue('--warmup') ?? 10);

type Urls = {
  gateway: string; limited: string; cached: string; subgraph: string; baseline: string; baselineRubric: string; rubricSlug: string;
  baselineArticle: string; articleSlugs: string[]; articlesWithComments: number; stats: string;
};
type Result = { name: string; rps: number; p50: number; p99: number; sqlPerRequest: number | null; cpuMs: number };
type Stats = { orm: number; baseline: number; cpuMicros: number };
/**
 * One page of the front end: its GraphQL requests (sent in turn, each connection going round
 * them) and the hand-written endpoint answering the same JSON.
 */
type Page = { name: string; bodies: string[]; baseline: string };

function startServers(env: NodeJS.ProcessEnv) {
  return startServerScript<Urls>('bench/bench-server.ts', {
    ...env,
    NODE_ENV: 'production',
    MAILER: 'none',
    AUTH_SECRET: env.AUTH_SECRET ?? 'bench-secret-bench-secret-bench-secret-0123',
  });
}

async function stats(urls: Urls): Promise<Stats> {
  return (await fetch(urls.stats)).json() as Promise<Stats>;
}

/** autocannon's options for POSTing `body` (or each of `bodies` in turn) to `url`. */
function loadOptions(url: string, body: string | string[]) {
  const bodies = typeof body === 'string' ? [body] : body;
  return {
    url,
    method: 'POST' as const,
    headers: { 'content-type': 'application/json' },
    connections,
    ...(bodies.length === 1 ? { body: bodies[0] } : { requests: bodies.map((b) => ({ method: 'POST' as const, body: b })) }),
  };
}

async function load(name: string, url: string, body: string | string[], urls: Urls, counter: 'orm' | 'baseline' | null, warmup = 2): Promise<Result> {
  const opts = loadOptions(url, body);
  await autocannon({ ...opts, duration: warmup });
  const before = await stats(urls);
  const result = await autocannon({ ...opts, duration });
  const after = await stats(urls);
  if (result.non2xx || result.errors) throw new Error(`${name}: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
  const total = Math.max(1, result.requests.total);
  const sql = counter ? (after[counter] - before[counter]) / total : null;
  // Server CPU per request: steadier than throughput when other work shares the cores.
  const cpuMs = (after.cpuMicros - before.cpuMicros) / 1000 / total;
  return { name, rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, sqlPerRequest: sql, cpuMs };
}

const range = (xs: number[], digits = 0) => {
  const lo = Math.min(...xs).toFixed(digits);
  const hi = Math.max(...xs).toFixed(digits);
  return lo === hi ? lo : `${lo}–${hi}`;
};

function printTable(rows: Result[], baseline: Result): void {
  console.log(`\n${'scenario'.padEnd(34)} ${'req/s'.padStart(8)} ${'p50 ms'.padStart(7)} ${'p99 ms'.padStart(7)} ${'p99/p50'.padStart(8)} ${'× baseline'.padStart(11)} ${'SQL/req'.padStart(8)} ${'CPU ms/req'.padStart(11)}`);
  for (const r of rows) {
    console.log(
      `${r.name.padEnd(34)} ${r.rps.toFixed(0).padStart(8)} ${String(r.p50).padStart(7)} ${String(r.p99).padStart(7)} ${(r.p99 / Math.max(1, r.p50)).toFixed(2).padStart(8)} ${(r.rps / baseline.rps).toFixed(2).padStart(11)} ${r.sqlPerRequest === null ? '-'.padStart(8) : r.sqlPerRequest.toFixed(1).padStart(8)} ${r.cpuMs.toFixed(2).padStart(11)}`,
    );
  }
}

/**
 * Each page through the uncached gateway against its hand-written endpoint, alternated in
 * `rounds` rounds so both meet the same load from the rest of the machine; prints ranges.
 */
async function comparePages(pages: Page[], urls: Urls): Promise<void> {
  const runs = new Map<string, { gateway: Result[]; baseline: Result[]; single: { gateway: number[]; baseline: number[] } }>();
  for (const page of pages) runs.set(page.name, { gateway: [], baseline: [], single: { gateway: [], baseline: [] } });
  for (const page of pages) {
    await autocannon({ ...loadOptions(urls.gateway, page.bodies), duration: warmupSeconds });
    await autocannon({ ...loadOptions(page.baseline, page.bodies), duration: warmupSeconds });
  }
  console.log(`warmed up: ${warmupSeconds} s of load on each page and endpoint`);
  for (let round = 1; round <= rounds; round++) {
    for (const page of pages) {
      const r = runs.get(page.name)!;
      r.single.gateway.push(await singleRequestMs(urls.gateway, page.bodies));
      r.single.baseline.push(await singleRequestMs(page.baseline, page.bodies));
      r.gateway.push(await load(`${page.name}, gateway`, urls.gateway, page.bodies, urls, 'orm', 1));
      r.baseline.push(await load(`${page.name}, baseline`, page.baseline, page.bodies, urls, 'baseline', 1));
    }
    console.log(`round ${round}/${rounds} done`);
  }
  console.log(`\n${'page'.padEnd(8)} ${'endpoint'.padEnd(12)} ${'req/s'.padStart(12)} ${'× hand'.padStart(11)} ${'CPU × hand'.padStart(11)} ${'single ms'.padStart(11)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(9)} ${'p99/p50'.padStart(9)} ${'CPU ms/req'.padStart(11)} ${'SQL/req'.padStart(8)}`);
  for (const [name, r] of runs) {
    const ratios = r.gateway.map((g, i) => g.rps / r.baseline[i].rps);
    // Hand-written CPU per request over the gateway's: what throughput would be on idle cores.
    const cpuRatios = r.gateway.map((g, i) => r.baseline[i].cpuMs / g.cpuMs);
    for (const [label, list, single] of [['gateway', r.gateway, r.single.gateway], ['hand', r.baseline, r.single.baseline]] as const) {
      console.log(
        `${name.padEnd(8)} ${label.padEnd(12)} ${range(list.map((x) => x.rps)).padStart(12)} ${(label === 'gateway' ? range(ratios, 2) : '1').padStart(11)} ${(label === 'gateway' ? range(cpuRatios, 2) : '1').padStart(11)} ${range(single, 1).padStart(11)} ${range(list.map((x) => x.p50)).padStart(8)} ${range(list.map((x) => x.p99)).padStart(9)} ${range(list.map((x) => x.p99 / Math.max(1, x.p50)), 1).padStart(9)} ${range(list.map((x) => x.cpuMs), 2).padStart(11)} ${(list[0].sqlPerRequest ?? 0).toFixed(1).padStart(8)}`,
      );
    }
  }
}

/** Where two JSON values differ: one line per differing leaf, `path: gateway ≠ by hand`. */
function differences(a: unknown, b: unknown, path = ''): string[] {
  if (isDeepStrictEqual(a, b)) return [];
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].flatMap((k) => differences((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}.${k}`));
  }
  return [`${path}: ${JSON.stringify(a)?.slice(0, 200)} ≠ ${JSON.stringify(b)?.slice(0, 200)}`];
}

/** Every request of a page answers the same JSON through the gateway and by hand, else the run stops. */
async function checkSameJson(page: Page, urls: Urls): Promise<void> {
  for (const body of page.bodies) {
    const [viaGateway, byHand] = await Promise.all([postJson(urls.gateway, body), postJson(page.baseline, body)]);
    if (!isDeepStrictEqual(viaGateway, byHand)) {
      for (const line of differences(viaGateway, byHand).slice(0, 10)) console.error(line);
      throw new Error(`${page.name} page: the gateway and the hand-written endpoint answer different JSON for ${body.slice(-200)}`);
    }
  }
  console.log(`same JSON — ${page.name} page, gateway vs hand-written: true (${page.bodies.length} request${page.bodies.length > 1 ? 's' : ''})`);
}

async function mainComparison(articles: number): Promise<void> {
  const env = await prepareData(articles);
  const { urls, child } = await startServers(env);
  try {
    const home = JSON.stringify({ query: HOME_PAGE_QUERY });
    const rubric = JSON.stringify({ query: RUBRIC_PAGE_QUERY, variables: { slug: urls.rubricSlug } });
    const article = urls.articleSlugs.map((slug) => JSON.stringify({ query: ARTICLE_PAGE_QUERY, variables: { slug } }));
    const pages: Page[] = [
      { name: 'home', bodies: [home], baseline: urls.baseline },
      { name: 'rubric', bodies: [rubric], baseline: urls.baselineRubric },
      { name: 'article', bodies: article, baseline: urls.baselineArticle },
    ];
    console.log(`\n${articles} articles on ${process.env.DATABASE_URL ? 'MySQL' : 'SQLite'}, ${connections} connections, ${duration} s per scenario, ${rounds} rounds`);
    console.log(`article page: ${urls.articleSlugs.length} articles in turn, ${urls.articlesWithComments} of them with comments`);
    for (const page of pages) await checkSameJson(page, urls);
    console.log(`same JSON — home page, gateway vs subgraph: ${isDeepStrictEqual(await postJson(urls.gateway, home), await postJson(urls.subgraph, home))}`);
    await comparePages(pages, urls);
    if (hasFlag('--pages-only')) return;
    const baseline = await load('3. baseline (hand-written, driver)', urls.baseline, home, urls, 'baseline');
    const rows = [
      await load('1. gateway, cache off', urls.gateway, home, urls, 'orm'),
      await load('1b. gateway, cache off, limits on', urls.limited, home, urls, 'orm'),
      await load('2. editorial subgraph directly', urls.subgraph, home, urls, 'orm'),
      baseline,
      await load('4. gateway, response cache warm', urls.cached, home, urls, 'orm'),
    ];
    console.log('\nhome page, once each:');
    printTable(rows, baseline);
    console.log(`\nlimits on / off (home page, uncached): ${(rows[1].rps / rows[0].rps).toFixed(3)}× throughput; \`npm run bench:limits\` alternates the two for a steadier figure`);
    console.log('one process against the fleet (2 gateways, 2 editorial, one of each other subgraph, Redis): `npm run bench:fleet`');
  } finally {
    child.kill('SIGTERM');
  }
}

async function scaling(sizes: number[]): Promise<void> {
  const rows: Result[] = [];
  for (const size of sizes) {
    const env = await prepareData(size);
    const { urls, child } = await startServers(env);
    try {
      rows.push(await load(`gateway, cache off, ${size} articles`, urls.gateway, JSON.stringify({ query: HOME_PAGE_QUERY }), urls, 'orm'));
    } finally {
      child.kill('SIGTERM');
    }
  }
  printTable(rows, rows[0]);
  const last = rows[rows.length - 1];
  console.log(`\np50 at ${sizes[sizes.length - 1]} vs ${sizes[0]}: ${(last.p50 / Math.max(1, rows[0].p50)).toFixed(2)}×; throughput ratio ${(rows[0].rps / last.rps).toFixed(2)}× slower`);
}

const scale = argValue('--scaling');
(scale ? scaling(scale.split(',').map(Number)) : mainComparison(Number(argValue('--articles') ?? 100_000))).catch((err) => {
  console.error(err);
  process.exit(1);
});
