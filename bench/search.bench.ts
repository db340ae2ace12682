/**
 * `npm run bench:search`: search latency through the gateway, per word list.
 *   npm run bench:search                               100k articles on SQLite (+ MySQL if TEST_MYSQL_URL is set)
 *   npm run bench:search -- --articles 1000000         1M articles
 *   npm run bench:search -- --mysql mysql://root@127.0.0.1:3306/x   MySQL at that server
 * Options: --rounds N (default 5), --only sqlite|mysql. Requests are sequential (latency, not throughput); each
 * list is asked once to warm up, then N times; the target is p99 ≤ 50 ms for every list.
 */
import 'reflect-metadata';
import path from 'node:path';
import { argValue } from '../src/cli/args';
import { prepareData, ROOT, run, startServerScript } from './bench-support';
import { COMMON, corpusLists, percentile } from './search-word-lists';

const articles = Number(argValue('--articles') ?? 100_000);
const rounds = Number(argValue('--rounds') ?? 5);
const mysqlServer = argValue('--mysql') ?? process.env.TEST_MYSQL_URL;
const only = argValue('--only');

const QUERY = `query($q: String!) { search(query: $q, first: 10) { totalCount nodes { id title path } } }`;

type Urls = { gateway: string };

async function ask(url: string, q: string): Promise<{ ms: number; total: number; error?: string }> {
  const started = process.hrtime.bigint();
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: QUERY, variables: { q } }) });
  const body = (await res.json()) as { data?: { search?: { totalCount: number } }; errors?: Array<{ extensions?: { code?: string } }> };
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  return { ms, total: body.data?.search?.totalCount ?? 0, error: body.errors?.[0]?.extensions?.code };
}

async function measure(engine: string, env: NodeJS.ProcessEnv, lists: Record<string, string[]>): Promise<void> {
  const { urls, child } = await startServerScript<Urls>('bench/bench-server.ts', {
    ...env,
    NODE_ENV: 'production',
    MAILER: 'none',
    AUTH_SECRET: env.AUTH_SECRET ?? 'bench-secret-bench-secret-bench-secret-0123',
  });
  try {
    console.log(`\n${engine}, ${articles} articles, ${rounds} rounds, sequential requests through the gateway (cache off)`);
    console.log(`${'word list'.padEnd(30)} ${'p50 ms'.padStart(7)} ${'p99 ms'.padStart(7)} ${'max ms'.padStart(7)} ${'hits/query'.padStart(10)} errors`);
    for (const [name, words] of Object.entries(lists)) {
      for (const w of words) await ask(urls.gateway, w);
      const times: number[] = [];
      const slowest = new Map<string, number>();
      let hits = 0;
      const errors = new Map<string, number>();
      for (let r = 0; r < rounds; r++) {
        for (const w of words) {
          const res = await ask(urls.gateway, w);
          times.push(res.ms);
          slowest.set(w, Math.max(slowest.get(w) ?? 0, res.ms));
          hits += res.total;
          if (res.error) errors.set(res.error, (errors.get(res.error) ?? 0) + 1);
        }
      }
      times.sort((a, b) => a - b);
      const errs = [...errors].map(([c, n]) => `${c}×${n}`).join(' ') || '-';
      // Which words the slow requests were: a word slow every round is the plan, one slow once is the machine.
      const worst = [...slowest].sort((a, b) => b[1] - a[1]).slice(0, 3).map(([w, ms]) => `${w} ${ms.toFixed(0)}`).join(', ');
      console.log(
        `${name.padEnd(30)} ${percentile(times, 50).toFixed(1).padStart(7)} ${percentile(times, 99).toFixed(1).padStart(7)} ${times[times.length - 1].toFixed(1).padStart(7)} ${(hits / times.length).toFixed(0).padStart(10)} ${errs}  slowest: ${worst}`,
      );
    }
  } finally {
    child.kill('SIGTERM');
  }
}

/**
 * Scratch databases on the MySQL server, one per subgraph (as a fleet deploys them), seeded once
 * per size (reseeded when the article count differs).
 */
async function prepareMysql(server: string): Promise<NodeJS.ProcessEnv> {
  const base = new URL(server);
  const dbUrl = (suffix: string) => {
    const url = new URL(base);
    url.pathname = `/search_bench_${articles}${suffix}`;
    return url.toString();
  };
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    SEED_DEMO: '0',
    PROGRESS: '1',
    EDITORIAL_DATABASE_URL: dbUrl(''),
    ACCOUNTS_DATABASE_URL: dbUrl('_accounts'),
    DISCUSSION_DATABASE_URL: dbUrl('_discussion'),
    AUDIENCE_DATABASE_URL: dbUrl('_audience'),
  };
  delete env.DATABASE_URL;
  const mysql = require('mysql2/promise') as typeof import('mysql2/promise');
  let seeded = false;
  try {
    const conn = await mysql.createConnection({ uri: dbUrl('') });
    const [rows] = (await conn.query('SELECT COUNT(*) AS n FROM article')) as unknown as [Array<{ n: number }>];
    seeded = Number(rows[0].n) === articles;
    await conn.end();
  } catch {
    seeded = false;
  }
  if (!seeded) {
    await run(process.execPath, ['-r', '@swc-node/register', 'src/cli/seed.ts', '--articles', String(articles), '--reset'], env);
    // The seeder indexes in thousands of small transactions, which leaves InnoDB's full-text
    // index in as many small pieces; a bulk load in production is followed by the same rebuild.
    const conn = await mysql.createConnection({ uri: dbUrl('') });
    await conn.query('OPTIMIZE TABLE article_search');
    await conn.end();
  }
  return env;
}

async function main(): Promise<void> {
  const sqlite = await prepareData(articles);
  const lists = { 'common French words': COMMON, ...corpusLists(sqlite.DATA_DIR ?? path.join(ROOT, 'data')) };
  for (const [name, words] of Object.entries(lists)) console.log(`${name}: ${words.join(', ')}`);
  if (only !== 'mysql') await measure('SQLite', sqlite, lists);
  if (mysqlServer && only !== 'sqlite') await measure('MySQL', await prepareMysql(mysqlServer), lists);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
