/**
 * Writes a migration for one subgraph and one driver from the difference between its
 * entities and the schema its existing migrations build:
 *   npm run migration:generate -- editorial sqlite AddEmbargo
 *   npm run migration:generate -- editorial mysql AddEmbargo   (uses TEST_MYSQL_URL or DATABASE_URL as scratch server)
 */
import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { createDataSource, dropMysqlDatabase, migrateDataSource } from '../db/data-source';
import { schemaDiff } from '../db/schema-drift';
import { subgraphModules } from '../subgraphs/subgraph-modules';
import type { SubgraphName } from '../db/database-config';
import { writeMigrationIndex } from '../db/migration-index';

async function main(): Promise<void> {
  const [subgraph, driver, name] = process.argv.slice(2) as [SubgraphName, 'sqlite' | 'mysql', string];
  const mod = subgraphModules()[subgraph];
  if (!mod || !['sqlite', 'mysql'].includes(driver) || !/^[A-Z][A-Za-z0-9]+$/.test(name ?? '')) {
    throw new Error('usage: generate-migration <subgraph> <sqlite|mysql> <PascalCaseName>');
  }
  let target;
  if (driver === 'sqlite') target = { kind: 'sqlite' as const, file: ':memory:' };
  else {
    const server = process.env.TEST_MYSQL_URL ?? process.env.DATABASE_URL;
    if (!server?.startsWith('mysql')) throw new Error('Set TEST_MYSQL_URL to a MySQL server to generate MySQL migrations');
    const url = new URL(server);
    url.pathname = `/newsroom_migration_scratch_${subgraph}`;
    target = { kind: 'mysql' as const, url: url.toString(), database: url.pathname.slice(1) };
  }
  if (target.kind === 'mysql') await dropMysqlDatabase(target.url);
  const ds = await createDataSource({ subgraph, entities: mod.entities, migrations: mod.migrations, target });
  await migrateDataSource(ds);
  const diff = await schemaDiff(ds);
  await ds.destroy();
  if (!diff.up.length) {
    console.log('Entities and migrations agree: nothing to generate.');
    return;
  }
  const timestamp = Date.now();
  const className = `${name}${timestamp}`;
  const q = (s: string) => '`' + s.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${') + '`';
  const body = `import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ${className} implements MigrationInterface {
  name = '${className}';

  async up(queryRunner: QueryRunner): Promise<void> {
${diff.up.map((x) => `    await queryRunner.query(${q(x.query)});`).join('\n')}
  }

  async down(queryRunner: QueryRunner): Promise<void> {
${diff.down.reverse().map((x) => `    await queryRunner.query(${q(x.query)});`).join('\n')}
  }
}
`;
  const dir = path.resolve(__dirname, '../db/migrations', subgraph, driver);
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${timestamp}-${name.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase()}.ts`);
  fs.writeFileSync(file, body);
  writeMigrationIndex(dir);
  console.log(`Wrote ${path.relative(process.cwd(), file)}`);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
