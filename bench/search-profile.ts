/**
 * Where a search's time goes, per statement, without the gateway:
 *   node -r @swc-node/register bench/search-profile.ts [--mysql URL | --sqlite FILE] word…
 * For each query: the candidates' subquery alone, the page statement (candidates joined to
 * their articles, counted and cut), each the median of 5 runs, in ms.
 */
import 'reflect-metadata';
import { argValue } from '../src/cli/args';
import { createDataSource } from '../src/db/data-source';
import { databaseTarget } from '../src/db/database-config';
import { createArticleSearch } from '../src/search/create-article-search';
import { parseSearchQuery } from '../src/search/search-query';
import { editorialSubgraph } from '../src/subgraphs/editorial.subgraph';

async function main(): Promise<void> {
  const mysqlUrl = argValue('--mysql');
  const sqliteFile = argValue('--sqlite');
  const words = process.argv.slice(2).filter((a, i, all) => !a.startsWith('--') && !all[i - 1]?.startsWith('--'));
  const target = mysqlUrl ? databaseTarget('editorial', { DATABASE_URL: mysqlUrl }) : { kind: 'sqlite' as const, file: sqliteFile! };
  const ds = await createDataSource({ subgraph: 'editorial', entities: editorialSubgraph.entities, migrations: editorialSubgraph.migrations, target });
  await ds.initialize();
  const search = createArticleSearch(ds);
  const time = async (fn: () => Promise<unknown>) => {
    const runs: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t = process.hrtime.bigint();
      await fn();
      runs.push(Number(process.hrtime.bigint() - t) / 1e6);
    }
    return runs.sort((a, b) => a - b)[2];
  };
  try {
    for (const w of words) {
      const q = parseSearchQuery(w);
      let total = 0;
      const page = await time(async () => {
        total = (await search.search(ds, q, 10, null, new Date())).total ?? 0;
      });
      console.log(`${w.padEnd(24)} page ${page.toFixed(1).padStart(7)} ms  total ${total}`);
    }
  } finally {
    await ds.destroy();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
