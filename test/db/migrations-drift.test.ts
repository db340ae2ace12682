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
