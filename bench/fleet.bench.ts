/**
 * `npm run bench:fleet`: the home page through one process (`npm start`) against the fleet as
 * separate processes (2 gateways, 2 editorial, one accounts, discussion and audience instance,
 * events through Redis Streams), on the same data and the same total connections (spread over
 * both gateways for the fleet), uncached then with the response cache on.
 *   npm run bench:fleet                                  10k articles on SQLite files
 *   DATABASE_URL=mysql://… npm run bench:fleet           on MySQL/MariaDB
 * Options: --articles N (10000), --duration S (10), --connections N (10), --rounds N (2),
 * --redis URL (the fleet's broker and shared store; default TEST_REDIS_URL or redis://127.0.0.1:6379).
 * The two setups run side by side and are loaded in turn, `--rounds` times, so both meet the
 * same load from the rest of the machine; ranges over the rounds are printed.
 */
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import autocannon from 'autocannon';
import Redis from 'ioredis';
import { argValue } from '../src/cli/args';
import { startFleet, type Fleet } from '../test/support/fleet';
import { startServiceProcess, type ServiceProcess } from '../test/support/service-process';
import { prepareData } from './bench-support';
import { HOME_PAGE_QUERY } from './home-page.query';

const articles = Number(argValue('--articles') ?? 10_000);
const duration = Number(argValue('--duration') ?? 10);
const connections = Number(argValue('--connections') ?? 10);
const rounds = Number(argValue('--rounds') ?? 2);
const redisUrl = argValue('--redis') ?? process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const BODY = JSON.stringify({ query: HOME_PAGE_QUERY });

type Setup = { name: string; urls: string[]; pids: number[] };
type Result = { rps: number; p50: number; p99: number; cpuMs: number };

/** CPU time (user + system) a process has used so far, in ms, from /proc (Linux). */
function cpuMs(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  // utime and stime are fields 14 and 15 of stat(5), counted here from field 3.
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}
const totalCpu = (pids: number[]) => pids.reduce((sum, pid) => sum + cpuMs(pid), 0);

/** One load run: every connection posts the home page; the fleet's connections alternate between its gateways. */
async function load(setup: Setup): Promise<Result> {
  // autocannon spreads connections round-robin over several URLs (typed as one string only).
  const opts = { url: setup.urls as unknown as string, method: 'POST' as const, body: BODY, headers: { 'content-type': 'application/json' }, connections };
  await autocannon({ ...opts, duration: 2 });
  const before = totalCpu(setup.pids);
  const result = await autocannon({ ...opts, duration });
  const after = totalCpu(setup.pids);
  if (result.non2xx || result.errors) throw new Error(`${setup.name}: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, cpuMs: (after - before) / Math.max(1, result.requests.total) };
}

async function post(url: string): Promise<unknown> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: BODY });
  return res.json();
}

const range = (xs: number[], digits = 0) => {
  const lo = Math.min(...xs).toFixed(digits);
  const hi = Math.max(...xs).toFixed(digits);
  return lo === hi ? lo : `${lo}–${hi}`;
};

/** Starts both setups with the response cache on or off, loads them in turn, prints one table. */
async function compare(data: NodeJS.ProcessEnv, cache: 'on' | 'off'): Promise<void> {
  const common: Record<string, string> = {
    ...(data as Record<string, string>),
    NODE_ENV: 'production',
    MAILER: 'none',
    AUTH_SECRET: process.env.AUTH_SECRET ?? 'bench-secret-bench-secret-bench-secret-0123',
    // No access log (bench:http measures it) and no cost limits (one load generator is one address).
    LOG_LEVEL: 'warn',
    RATE_LIMIT: 'off',
    RESPONSE_CACHE: cache,
    JOBS: '0',
    SEED_DEMO: '0',
  };
  const run = randomUUID().slice(0, 8);
  // The fleet as the README deploys it: events through the broker, response cache and limits in Redis.
  const fleetEnv = { ...common, EVENT_BROKER_URL: redisUrl, EVENT_STREAM: `newsroom:bench:${run}`, REDIS_URL: redisUrl, RESPONSE_CACHE_PREFIX: `newsroom:bench:${run}:rc:` };
  let one: ServiceProcess | null = null;
  let fleet: Fleet | null = null;
  const memoryGateways: ServiceProcess[] = [];
  try {
    one = await startServiceProcess({ name: 'newsroom', kind: 'all-in-one', env: common, readyTimeoutMs: 120_000 });
    fleet = await startFleet({ env: fleetEnv, readyTimeoutMs: 120_000 });
    const f = fleet.processes;
    const setups: Setup[] = [
      { name: 'one process', urls: [one.url], pids: [one.pid] },
      { name: 'fleet (7 processes)', urls: [f.gatewayA.url, f.gatewayB.url], pids: Object.values(f).map((p) => p.pid) },
    ];
    if (cache === 'on') {
      // What the shared Redis store costs: two more gateways on the same subgraphs, each with its own memory cache.
      const routes = { ...fleetEnv, REDIS_URL: '', SUBGRAPH_EDITORIAL_URL: f.editorial1.url, SUBGRAPH_ACCOUNTS_URL: f.accounts.url, SUBGRAPH_DISCUSSION_URL: f.discussion.url, SUBGRAPH_AUDIENCE_URL: f.audience.url };
      for (const editorial of [f.editorial1, f.editorial2]) {
        memoryGateways.push(await startServiceProcess({ name: 'gateway', kind: 'gateway', env: { ...routes, SUBGRAPH_EDITORIAL_URL: editorial.url }, readyTimeoutMs: 120_000 }));
      }
      setups.push({ name: 'fleet, memory caches', urls: memoryGateways.map((g) => g.url), pids: memoryGateways.map((g) => g.pid) });
    }
    const answers = await Promise.all([post(one.url), post(f.gatewayA.url), post(f.gatewayB.url)]);
    console.log(`\nresponse cache ${cache}: same JSON — one process vs gateway A vs gateway B: ${isDeepStrictEqual(answers[0], answers[1]) && isDeepStrictEqual(answers[0], answers[2])}`);
    const results = new Map<string, Result[]>(setups.map((s) => [s.name, []]));
    for (let round = 1; round <= rounds; round++) {
      for (const setup of setups) results.get(setup.name)!.push(await load(setup));
      console.log(`round ${round}/${rounds} done`);
    }
    const base = results.get(setups[0].name)!;
    console.log(`${'home page, cache ' + cache}`.padEnd(28) + `${'req/s'.padStart(12)} ${'× one'.padStart(11)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(9)} ${'CPU ms/req'.padStart(11)} ${'CPU × one'.padStart(10)}`);
    for (const setup of setups) {
      const rows = results.get(setup.name)!;
      console.log(
        `${setup.name.padEnd(28)}${range(rows.map((r) => r.rps)).padStart(12)} ${range(rows.map((r, i) => r.rps / base[i].rps), 2).padStart(11)} ${range(rows.map((r) => r.p50)).padStart(8)} ${range(rows.map((r) => r.p99)).padStart(9)} ${range(rows.map((r) => r.cpuMs), 2).padStart(11)} ${range(rows.map((r, i) => r.cpuMs / base[i].cpuMs), 2).padStart(10)}`,
      );
    }
  } finally {
    for (const g of memoryGateways) await g.kill('SIGTERM');
    await fleet?.stop();
    await one?.kill('SIGTERM');
    const redis = new Redis(redisUrl);
    const keys = await redis.keys(`newsroom:bench:${run}*`);
    if (keys.length) await redis.del(...keys);
    await redis.quit();
  }
}

async function main(): Promise<void> {
  const data = await prepareData(articles);
  console.log(
    `\nhome page, ${articles} articles on ${process.env.DATABASE_URL ? 'MySQL' : 'SQLite'}, ${connections} connections in total, ${duration} s per run, ${rounds} rounds; ` +
      `fleet: 2 gateways (half the connections each), 2 editorial, accounts, discussion, audience, Redis at ${redisUrl}; CPU is the server processes' (not Redis's)`,
  );
  await compare(data, 'off');
  await compare(data, 'on');
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
