/**
 * Fills the editorial database:
 *   npm run seed -- --reset                      the demo newsroom again (600 articles)
 *   npm run seed -- --reset --articles 1000000   benchmark-sized data (short bodies)
 * Options: --seed N (default 42), --paragraphs N (default 8, or 1 above 10,000 articles).
 */
import 'reflect-metadata';
import { closeDatabases, openDatabases } from '../app/open-databases';
import { editorialSubgraph } from '../subgraphs/editorial.subgraph';
import { seedEditorial } from '../seed/editorial-seeder';
import { resetTables } from '../seed/reset-tables';
import { argValue, hasFlag } from './args';

async function main(): Promise<void> {
  const articles = Number(argValue('--articles') ?? 600);
  const seed = Number(argValue('--seed') ?? 42);
  const paragraphs = Number(argValue('--paragraphs') ?? (articles > 10_000 ? 1 : 8));
  if (!Number.isInteger(articles) || articles < 1) throw new Error('--articles must be a positive integer');
  const dataSources = await openDatabases([editorialSubgraph]);
  const ds = dataSources.get('editorial')!;
  try {
    const [{ n }] = await ds.query('SELECT COUNT(*) AS n FROM rubric');
    if (Number(n) > 0) {
      if (!hasFlag('--reset')) throw new Error('The editorial database is not empty: pass --reset to replace its content');
      await resetTables(ds, ['article_search']);
    }
    const started = Date.now();
    await seedEditorial(ds, { articles, seed, paragraphs, progress: true });
    console.log(`Seeded ${articles} articles in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    await closeDatabases(dataSources);
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
