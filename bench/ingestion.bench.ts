/**
 * `npm run bench:ingestion`: page views per second through the beacon and through the
 * gateway's `recordPageViews`, on MySQL/MariaDB, against a baseline measured in the same run
 * (a bare node:http endpoint that reads, parses and counts the same bodies, i.e. the cost of
 * HTTP and JSON alone). After each scenario the buffer is flushed and the views stored are
 * checked against the views acknowledged: a benchmark that loses events measures nothing.
 *   TEST_MYSQL_URL=mysql://root@127.0.0.1:3306/test npm run bench:ingestion
 * Uses (and drops) the database `newsroom_bench_ingest` on that server. Options: --duration S
 * (default 10), --connections N (default 50), --batch N (views per batched request, default 20).
 */
import 'reflect-metadata';
import autocannon from 'autocannon';
import { argValue } from '../src/cli/args';
import { dropMysqlDatabase } from '../src/db/data-source';
import { startServerScript } from './bench-support';

const duration = Number(argValue('--duration') ?? 10);
const connections = Number(argValue('--connections') ?? 50);
const batch = Number(argValue('--batch') ?? 20);
const BROWSER = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36';
const RECORD = 'mutation Record($views: [PageViewInput!]!) { recordPageViews(views: $views) { accepted } }';

type Urls = { gateway: string; beacon: string; baseline: string; settle: string };
type Settled = { stored: number; baseline: number; written: number };
type Row = { name: string; rps: number; events: number; p50: number; p99: number; exact: string };

function databaseUrl(): string {
  const server = process.env.DATABASE_URL ?? process.env.TEST_MYSQL_URL;
  if (!server?.startsWith('mysql')) throw new Error('Set DATABASE_URL or TEST_MYSQL_URL to a MySQL/MariaDB server');
  const url = new URL(server);
  url.pathname = '/newsroom_bench_ingest';
  return url.toString();
}

/** 200 articles, views spread over them: each request's views go to consecutive articles. */
function bodies(kind: 'beacon' | 'mutation', size: number): string[] {
  return Array.from({ length: 40 }, (_, i) => {
    const views = Array.from({ length: size }, (_, j) => ({ articleId: String(1 + ((i * size + j) % 200)) }));
    if (kind === 'mutation') return JSON.stringify({ query: RECORD, variables: { views } });
    return JSON.stringify(size === 1 ? views[0] : views);
  });
}

/**
 * Each request comes from its own reader (address), as on a real site: views are counted once
 * per client and article, so one load generator posing as one client would measure nothing.
 */
let reader = 0;
function asNextReader(req: autocannon.Request): autocannon.Request {
  reader += 1;
  return { ...req, headers: { ...req.headers, 'x-forwarded-for': `10.${(reader >> 16) & 255}.${(reader >> 8) & 255}.${reader & 255}` } };
}

function startServer(db: string) {
  return startServerScript<Urls>('bench/ingestion-server.ts', {
    ...process.env,
    DATABASE_URL: db,
    NODE_ENV: 'production',
    MAILER: 'none',
    SEED_DEMO: '0',
    AUTH_SECRET: process.env.AUTH_SECRET ?? 'bench-secret-bench-secret-bench-secret-0123',
    // Readers' addresses come in X-Forwarded-For, as behind a load balancer.
    TRUST_PROXY: '1',
    // Not the throttle's cost: one address's allowance is 600 calls a minute.
    AUDIENCE_INGEST_LIMIT: '1000000000/60',
  });
}

async function settle(urls: Urls): Promise<Settled> {
  return (await fetch(urls.settle)).json() as Promise<Settled>;
}

async function load(name: string, url: string, kind: 'beacon' | 'mutation', size: number, urls: Urls, baseline: boolean): Promise<Row> {
  const requests = bodies(kind, size).map((body) => ({ method: 'POST' as const, body, setupRequest: asNextReader }));
  const headers = { 'content-type': kind === 'beacon' ? 'text/plain;charset=UTF-8' : 'application/json', 'user-agent': BROWSER };
  // The warm-up gives the rate; the measured run then sends a fixed number of requests, so
  // every request sent is answered and counted (a timed run abandons those in flight at the end).
  const warm = await autocannon({ url, headers, requests, connections, duration: 2 });
  const amount = Math.max(connections, Math.round(warm.requests.average * duration));
  const before = await settle(urls);
  const result = await autocannon({ url, headers, requests, connections, amount });
  const after = await settle(urls);
  if (result.non2xx || result.errors) throw new Error(`${name}: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
  const acknowledged = result['2xx'] * size;
  const counted = baseline ? after.baseline - before.baseline : after.stored - before.stored;
  return {
    name,
    rps: result['2xx'] / (result.duration || duration),
    events: acknowledged / (result.duration || duration),
    p50: result.latency.p50,
    p99: result.latency.p99,
    exact: counted === acknowledged ? 'yes' : `NO (${counted} of ${acknowledged})`,
  };
}

function print(rows: Row[]): void {
  console.log(`\n${'scenario'.padEnd(46)} ${'req/s'.padStart(8)} ${'events/s'.padStart(9)} ${'p50 ms'.padStart(7)} ${'p99 ms'.padStart(7)} ${'× baseline'.padStart(11)} ${'stored = sent'.padStart(14)}`);
  for (const r of rows) {
    const base = rows.find((b) => b.name.startsWith('baseline') && b.name.endsWith(r.name.slice(r.name.lastIndexOf(','))));
    console.log(
      `${r.name.padEnd(46)} ${r.rps.toFixed(0).padStart(8)} ${r.events.toFixed(0).padStart(9)} ${String(r.p50).padStart(7)} ${String(r.p99).padStart(7)} ${(base ? (r.events / base.events).toFixed(2) : '-').padStart(11)} ${r.exact.padStart(14)}`,
    );
  }
}

async function main(): Promise<void> {
  const db = databaseUrl();
  await dropMysqlDatabase(db);
  const { urls, child } = await startServer(db);
  try {
    console.log(`\nPage view ingestion on ${new URL(db).host}, ${connections} connections, ${duration} s per scenario`);
    const rows: Row[] = [];
    for (const size of [1, batch]) {
      const per = size === 1 ? ', 1 view/request' : `, ${size} views/request`;
      rows.push(await load(`baseline (parse and count)${per}`, urls.baseline, 'beacon', size, urls, true));
      rows.push(await load(`beacon${per}`, urls.beacon, 'beacon', size, urls, false));
      rows.push(await load(`gateway recordPageViews${per}`, urls.gateway, 'mutation', size, urls, false));
    }
    print(rows);
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    await dropMysqlDatabase(db);
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
