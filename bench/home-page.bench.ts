/**
 * `npm run bench`: the home page under load, against a baseline measured in the same run.
 *   npm run bench                                  100k articles on SQLite
 *   npm run bench -- --articles 1000000            1M articles
 *   DATABASE_URL=mysql://… npm run bench           on MySQL
 *   npm run bench -- --scaling 10000,1000000       the uncached gateway at two data sizes
 * Options: --duration S (default 10), --connections N (default 10).
 */
import 'reflect-metadata';
import { isDeepStrictEqual } from 'node:util';
import autocannon from 'autocannon';
import { argValue } from '../src/cli/args';
import { prepareData, startServerScript } from './bench-support';
import { HOME_PAGE_QUERY } from './home-page.query';

const duration = Number(argValue('--duration') ?? 10);
const connections = Number(argValue('--connections') ?? 10);

type Urls = { gateway: string; limited: string; cached: string; subgraph: string; baseline: string; stats: string };
type Result = { name: string; rps: number; p50: number; p99: number; sqlPerRequest: number | null };



function startServers(env: NodeJS.ProcessEnv) {
  return startServerScript<Urls>('bench/bench-server.ts', {
    ...env,
    NODE_ENV: 'production',
    MAILER: 'none',
    AUTH_SECRET: env.AUTH_SECRET ?? 'bench-secret-bench-secret-bench-secret-0123',
  });
}

async function stats(urls: Urls): Promise<{ orm: number; baseline: number }> {
  return (await fetch(urls.stats)).json() as Promise<{ orm: number; baseline: number }>;
}

async function load(name: string, url: string, urls: Urls, counter: 'orm' | 'baseline' | null): Promise<Result> {
  const body = JSON.stringify({ query: HOME_PAGE_QUERY });
  const opts = { url, method: 'POST' as const, body, headers: { 'content-type': 'application/json' }, connections };
  await autocannon({ ...opts, duration: 2 });
  const before = await stats(urls);
  const result = await autocannon({ ...opts, duration });
  const after = await stats(urls);
  if (result.non2xx || result.errors) throw new Error(`${name}: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
  const sql = counter ? (after[counter] - before[counter]) / Math.max(1, result.requests.total) : null;
  return { name, rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, sqlPerRequest: sql };
}

async function post(url: string): Promise<any> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: HOME_PAGE_QUERY }) });
  return res.json();
}

function printTable(rows: Result[], baseline: Result): void {
  console.log(`\n${'scenario'.padEnd(34)} ${'req/s'.padStart(8)} ${'p50 ms'.padStart(7)} ${'p99 ms'.padStart(7)} ${'p99/p50'.padStart(8)} ${'× baseline'.padStart(11)} ${'SQL/req'.padStart(8)}`);
  for (const r of rows) {
    console.log(
      `${r.name.padEnd(34)} ${r.rps.toFixed(0).padStart(8)} ${String(r.p50).padStart(7)} ${String(r.p99).padStart(7)} ${(r.p99 / Math.max(1, r.p50)).toFixed(2).padStart(8)} ${(r.rps / baseline.rps).toFixed(2).padStart(11)} ${r.sqlPerRequest === null ? '-'.padStart(8) : r.sqlPerRequest.toFixed(1).padStart(8)}`,
    );
  }
}

async function mainComparison(articles: number): Promise<void> {
  const env = await prepareData(articles);
  const { urls, child } = await startServers(env);
  try {
    const [viaGateway, direct, byHand] = await Promise.all([post(urls.gateway), post(urls.subgraph), (await fetch(urls.baseline, { method: 'POST' })).json()]);
    console.log(`\n${articles} articles on ${process.env.DATABASE_URL ? 'MySQL' : 'SQLite'}, ${connections} connections, ${duration} s per scenario`);
    console.log(`same JSON — gateway vs subgraph: ${isDeepStrictEqual(viaGateway, direct)}, gateway vs baseline: ${isDeepStrictEqual(viaGateway, byHand)}`);
    const baseline = await load('3. baseline (hand-written, driver)', urls.baseline, urls, 'baseline');
    const rows = [
      await load('1. gateway, cache off', urls.gateway, urls, 'orm'),
      await load('1b. gateway, cache off, limits on', urls.limited, urls, 'orm'),
      await load('2. editorial subgraph directly', urls.subgraph, urls, 'orm'),
      baseline,
      await load('4. gateway, response cache warm', urls.cached, urls, 'orm'),
    ];
    printTable(rows, baseline);
    console.log(`\nlimits on / off (home page, uncached): ${(rows[1].rps / rows[0].rps).toFixed(3)}× throughput; \`npm run bench:limits\` alternates the two for a steadier figure`);
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
      rows.push(await load(`gateway, cache off, ${size} articles`, urls.gateway, urls, 'orm'));
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
