import type { DataSource } from 'typeorm';
import { isMysql } from '../db/data-source';

/**
 * Empties every table of a data source (its entities' tables plus the `extra` ones it has: tables
 * kept by hand-written SQL, some on one engine only), keeping the schema.
 */
export async function resetTables(ds: DataSource, extra: string[] = []): Promise<void> {
  const present = [];
  for (const t of extra) {
    const found = isMysql(ds)
      ? await ds.query('SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ?', [t])
      : await ds.query(`SELECT 1 FROM sqlite_master WHERE name = ?`, [t]);
    if (found.length) present.push(t);
  }
  const tables = [...ds.entityMetadatas.map((m) => m.tableName), ...present];
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
