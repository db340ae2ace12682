import type { DataSource } from 'typeorm';

export type SchemaDiff = { up: Array<{ query: string; parameters?: unknown[] }>; down: Array<{ query: string; parameters?: unknown[] }> };

/** What TypeORM would still have to change to make the database match the entities. */
export async function schemaDiff(dataSource: DataSource): Promise<SchemaDiff> {
  const sql = await dataSource.driver.createSchemaBuilder().log();
  return { up: sql.upQueries, down: sql.downQueries };
}
