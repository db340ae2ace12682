import { createDataSource, migrateDataSource } from '../../src/db/data-source';
import { SqliteArticleSearch } from '../../src/search/sqlite-article-search';
import { parseSearchQuery } from '../../src/search/search-query';
import { editorialSubgraph } from '../../src/subgraphs/editorial.subgraph';
import { scratchTargets } from '../support/backends';

describe('SQLite prefix expansion', () => {
  it('caps the words a prefix stands for, skips stop words, and survives a reopened connection', async () => {
    const scratch = scratchTargets('sqlite', 'sqlite_prefix', ['editorial']);
    const ds = await createDataSource({ subgraph: 'editorial', entities: editorialSubgraph.entities, migrations: editorialSubgraph.migrations, target: scratch.targets.editorial });
    try {
      await migrateDataSource(ds);
      const search = new SqliteArticleSearch();
      const words = Array.from({ length: 40 }, (_, i) => `pourvoi${String.fromCharCode(97 + (i % 26))}${i}`);
      await search.index(ds, [
        ...words.map((w, i) => ({ articleId: i + 1, title: w, standfirst: '', body: '' })),
        { articleId: 100, title: 'pour', standfirst: '', body: '' },
      ]);
      const sql = async (q: string) => (await search.searchSql(ds, parseSearchQuery(q), 10, null, new Date()))!.params[0] as string;
      const expansion = await sql('pou');
      expect(expansion.split(' OR ')).toHaveLength(30);
      expect(expansion).not.toContain('"pour"');
      await ds.destroy();
      await ds.initialize();
      expect(await sql('pourvoia')).toContain('"pourvoia0"');
    } finally {
      if (ds.isInitialized) await ds.destroy();
      await scratch.cleanup();
    }
  });
});
