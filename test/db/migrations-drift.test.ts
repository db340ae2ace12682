import { createDataSource, migrateDataSource } from '../../src/db/data-source';
import { schemaDiff } from '../../src/db/schema-drift';
import { subgraphList } from '../../src/subgraphs/subgraph-modules';
import { backends, scratchTargets } from '../support/backends';

describe.each(backends())('migrations (%s)', (backend) => {
  for (const mod of subgraphList()) {
    it(`build exactly the ${mod.name} entities' schema from an empty database`, async () => {
      const scratch = scratchTargets(backend, `drift_${mod.name}`, [mod.name]);
      await scratch.cleanup();
      const ds = await createDataSource({ subgraph: mod.name, entities: mod.entities, migrations: mod.migrations, target: scratch.targets[mod.name] });
      try {
        await migrateDataSource(ds);
        const diff = await schemaDiff(ds);
        // Anything listed here means an entity changed without a migration: run `npm run migration:generate`.
        expect(diff.up.map((q) => q.query)).toEqual([]);
        expect(await ds.showMigrations()).toBe(false);
        if (backend === 'mysql') {
          const rows = await ds.query(
            `SELECT TABLE_NAME AS t, TABLE_COLLATION AS c FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()`,
          );
          for (const row of rows) expect({ table: row.t, collation: row.c }).toEqual({ table: row.t, collation: 'utf8mb4_unicode_520_ci' });
        }
      } finally {
        await ds.destroy();
        await scratch.cleanup();
      }
    });
  }
});

describe.each(backends())('editorial data across migrations (%s)', (backend) => {
  it('moves every article body into article_body without losing one', async () => {
    const mod = subgraphList().find((m) => m.name === 'editorial')!;
    const scratch = scratchTargets(backend, 'body_move', ['editorial']);
    await scratch.cleanup();
    const driver = backend === 'sqlite' ? 'sqlite' : 'mysql';
    const all = mod.migrations[driver] as Function[];
    const cut = all.findIndex((m) => /^ArticleBodyTable/.test(m.name));
    const before = await createDataSource({ subgraph: 'editorial', entities: [], migrations: { ...mod.migrations, [driver]: all.slice(0, cut) }, target: scratch.targets.editorial });
    const body = JSON.stringify([{ type: 'quote', text: '« Rien ne se perd », dit l’adage.', attribution: 'Lavoisier' }]);
    try {
      await migrateDataSource(before);
      await before.query(
        `INSERT INTO article (id, slug, title, body, status, language, primaryRubricId, wordCount, createdAt, updatedAt, version) VALUES (7, 'ancien', 'Ancien', ?, 'draft', 'fr', 1, 3, '2026-01-01 00:00:00', '2026-01-01 00:00:00', 1)`,
        [body],
      );
    } finally {
      await before.destroy();
    }
    const after = await createDataSource({ subgraph: 'editorial', entities: mod.entities, migrations: mod.migrations, target: scratch.targets.editorial });
    try {
      await migrateDataSource(after);
      const rows = await after.query('SELECT articleId, body FROM article_body');
      expect(rows.map((r: { articleId: number; body: unknown }) => ({ id: Number(r.articleId), body: typeof r.body === 'string' ? JSON.parse(r.body) : r.body }))).toEqual([{ id: 7, body: JSON.parse(body) }]);
      expect((await schemaDiff(after)).up).toEqual([]);
    } finally {
      await after.destroy();
      await scratch.cleanup();
    }
  });
});

// A single DATABASE_URL puts every subgraph in one MySQL database (SQLite keeps a file per subgraph).
(process.env.TEST_MYSQL_URL ? describe : describe.skip)('every subgraph in one MySQL database', () => {
  const backend = 'mysql';
  it('migrates all four into one database, each with its own tables and no drift', async () => {
    const scratch = scratchTargets(backend, 'one_database', ['editorial']);
    await scratch.cleanup();
    const opened = [];
    try {
      for (const mod of subgraphList()) {
        const ds = await createDataSource({ subgraph: mod.name, entities: mod.entities, migrations: mod.migrations, target: scratch.targets.editorial });
        opened.push(ds);
        await migrateDataSource(ds);
      }
      for (const ds of opened) expect((await schemaDiff(ds)).up.map((q) => q.query)).toEqual([]);
      const names = (await opened[0].query('SELECT TABLE_NAME AS name FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()')) as Array<{ name: string }>;
      expect(names.map((t) => t.name)).toEqual(expect.arrayContaining(['editorial_outbox_event', 'discussion_outbox_event']));
    } finally {
      for (const ds of opened) await ds.destroy();
      await scratch.cleanup();
    }
  });
});
