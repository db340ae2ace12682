/**
 * Fills the databases of every subgraph:
 *   npm run seed -- --reset                      the demo newsroom again (600 articles)
 *   npm run seed -- --reset --articles 1000000   benchmark-sized data (short bodies)
 * Options: --seed N (default 42), --paragraphs N (default 8, or 1 above 10,000 articles).
 *
 * `--reset` empties every subgraph together: article ids start again from 1, so comments,
 * accounts' data and page views kept from the old articles would attach to new ones.
 */
import 'reflect-metadata';
import { closeDatabases, openDatabases } from '../app/open-databases';
import { seedDiscussionDemo } from '../seed/discussion-seeder';
import { seedAudienceDemo } from '../seed/audience-seeder';
import { seedEditorial } from '../seed/editorial-seeder';
import type { DataSource } from 'typeorm';
import { isMysql } from '../db/data-source';
import { resetTables } from '../seed/reset-tables';
import { subgraphList } from '../subgraphs/subgraph-modules';
import { argValue, hasFlag } from './args';

/** Tables of a subgraph that no entity describes (the search index). */
/** Tables the migrations create without an entity: the search index, and on MySQL its postings. */
function extraTables(name: string, ds: DataSource): string[] {
  if (name !== 'editorial') return [];
  return isMysql(ds) ? ['article_search', 'article_search_posting'] : ['article_search'];
}

async function main(): Promise<void> {
  const articles = Number(argValue('--articles') ?? 600);
  const seed = Number(argValue('--seed') ?? 42);
  const paragraphs = Number(argValue('--paragraphs') ?? (articles > 10_000 ? 1 : 8));
  if (!Number.isInteger(articles) || articles < 1) throw new Error('--articles must be a positive integer');
  const modules = subgraphList();
  const dataSources = await openDatabases(modules);
  const editorial = dataSources.get('editorial')!;
  try {
    const [{ n }] = await editorial.query('SELECT COUNT(*) AS n FROM rubric');
    if (Number(n) > 0) {
      if (!hasFlag('--reset')) throw new Error('The editorial database is not empty: pass --reset to replace the content of every subgraph');
      for (const mod of modules) await resetTables(dataSources.get(mod.name)!, extraTables(mod.name, dataSources.get(mod.name)!));
    }
    const started = Date.now();
    await seedEditorial(editorial, { articles, seed, paragraphs, progress: true });
    // The other subgraphs' demo rows refer to the articles just written (comments under the newest).
    for (const mod of modules) {
      const ds = dataSources.get(mod.name)!;
      if (mod.name === 'discussion') await seedDiscussionDemo(ds, { articles, seed });
      else if (mod.name === 'audience') await seedAudienceDemo(ds, { articles, seed });
      else if (mod.name !== 'editorial') await mod.seedDemo?.(ds);
    }
    console.log(`Seeded ${articles} articles in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    await closeDatabases(dataSources);
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
