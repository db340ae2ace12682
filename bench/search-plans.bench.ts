/**
 * `npm run bench:search-plans`: the search statements alone (no gateway), the current plans
 * against a baseline in the same run: the same engine with an unlimited ranking budget (every
 * query ranked by the engine over all of its matches, as before the budget existed).
 *   npm run bench:search-plans -- --articles 100000 [--mysql URL] [--rounds 5]
 * Uses the databases `npm run bench:search` seeded. Baseline and current alternate word by
 * word, so a busy machine slows both alike; per list: p50/p99 of each and the p99 ratio.
 */
import 'reflect-metadata';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import { argValue } from '../src/cli/args';
import { createDataSource } from '../src/db/data-source';
import { databaseTarget, type DatabaseTarget } from '../src/db/database-config';
import type { ArticleSearch } from '../src/search/article-search';
import { MysqlArticleSearch } from '../src/search/mysql-article-search';
import { parseSearchQuery } from '../src/search/search-query';
import { SqliteArticleSearch } from '../src/search/sqlite-article-search';
import { editorialSubgraph } from '../src/subgraphs/editorial.subgraph';
import { ROOT } from './bench-support';
import { COMMON, corpusLists, percentile } from './search-word-lists';

const articles = Number(argValue('--articles') ?? 100_000);
const rounds = Number(argValue('--rounds') ?? 5);
const mysqlServer = argValue('--mysql');

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const started = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - started) / 1e6;
}

async function compare(engine: string, ds: DataSource, current: ArticleSearch, baseline: ArticleSearch, lists: Record<string, string[]>): Promise<void> {
  console.log(`\n${engine}, ${articles} articles, ${rounds} rounds; search + count statements, ms`);
  console.log(`${'word list'.padEnd(30)} ${'base p50'.padStart(8)} ${'base p99'.padStart(8)} ${'now p50'.padStart(8)} ${'now p99'.padStart(8)} ${'p99 ×'.padStart(6)}  slowest now`);
  for (const [name, words] of Object.entries(lists)) {
    const base: number[] = [];
    const now: number[] = [];
    const slowest = new Map<string, number>();
    for (let r = 0; r <= rounds; r++) {
      for (const w of words) {
        const q = parseSearchQuery(w);
        const b = await timed(() => baseline.search(ds, q, 10, null, new Date()));
        const c = await timed(() => current.search(ds, q, 10, null, new Date()));
        if (r === 0) continue; // warm-up round
        base.push(b);
        now.push(c);
        slowest.set(w, Math.max(slowest.get(w) ?? 0, c));
      }
    }
    base.sort((a, b) => a - b);
    now.sort((a, b) => a - b);
    const worst = [...slowest].sort((a, b) => b[1] - a[1]).slice(0, 3).map(([w, ms]) => `${w} ${ms.toFixed(0)}`).join(', ');
    const f = (n: number) => n.toFixed(1).padStart(8);
    console.log(`${name.padEnd(30)} ${f(percentile(base, 50))} ${f(percentile(base, 99))} ${f(percentile(now, 50))} ${f(percentile(now, 99))} ${(percentile(now, 99) / percentile(base, 99)).toFixed(2).padStart(6)}  ${worst}`);
  }
}

async function open(target: DatabaseTarget): Promise<DataSource> {
  const ds = await createDataSource({ subgraph: 'editorial', entities: editorialSubgraph.entities, migrations: editorialSubgraph.migrations, target });
  await ds.initialize();
  return ds;
}

async function main(): Promise<void> {
  const dataDir = path.join(ROOT, 'bench/.data', `sqlite-${articles}`);
  const lists = { 'common French words': COMMON, ...corpusLists(dataDir) };
  const sqlite = await open({ kind: 'sqlite', file: path.join(dataDir, 'editorial.sqlite') });
  try {
    await compare('SQLite', sqlite, new SqliteArticleSearch(), new SqliteArticleSearch({ maxRankedDocuments: Infinity }), lists);
  } finally {
    await sqlite.destroy();
  }
  if (!mysqlServer) return;
  const url = new URL(mysqlServer);
  url.pathname = `/search_bench_${articles}`;
  const mysql = await open(databaseTarget('editorial', { DATABASE_URL: url.toString() }));
  try {
    await compare('MySQL', mysql, new MysqlArticleSearch(), new MysqlArticleSearch({ maxRankedPostings: Infinity }), lists);
  } finally {
    await mysql.destroy();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
