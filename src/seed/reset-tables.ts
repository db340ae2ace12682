import type { DataSource } from 'typeorm';
import { isMysql } from '../db/data-source';

/** Empties every table of a data source (its entities' tables plus `extra` ones), keeping the schema. */
export async function resetTables(ds: DataSource, extra: string[] = []): Promise<void> {
  const tables = [...ds.entityMetadatas.map((m) => m.tableName), ...extra];
  if (isMysql(ds)) {
    await ds.query('SET FOREIGN_KEY_CHECKS = 0');
    for (const t of tables) await ds.query(`TRUNCATE TABLE ${t}`);
    await ds.query('SET FOREIGN_KEY_CHECKS = 1');
    return;
  }
  await ds.transaction(async (m) => {
    for (const t of tables) await m.query(`DELETE FROM ${t}`);
    await m.query(`DELETE FROM sqlite_sequence`).catch(() => undefined);
  });
}
