import type { EntityManager } from 'typeorm';
import { valuesPlaceholders } from '../db/sql-values';

/** How a column of an existing row takes the incoming value: added to it, or replaced by it. */
export type MergeRule = 'add' | 'replace';

export type UpsertSpec = { table: string; key: string[]; columns: string[]; merge: Record<string, MergeRule> };

function isMysqlManager(m: EntityManager): boolean {
  const type = m.connection.options.type;
  return type === 'mysql' || type === 'mariadb';
}

/**
 * The multi-row insert-or-merge statement of each engine: `ON DUPLICATE KEY UPDATE … VALUES()`
 * on MySQL/MariaDB (MariaDB has no row alias syntax), `ON CONFLICT … DO UPDATE … excluded` on
 * SQLite. Rows must be in one order everywhere (callers sort them by key), so that two
 * processes flushing at once lock rows in the same order and cannot deadlock each other.
 */
export function upsertSql(m: EntityManager, spec: UpsertSpec, rows: number): string {
  const insert = `INSERT INTO ${spec.table} (${spec.columns.join(', ')}) VALUES ${valuesPlaceholders(rows, spec.columns.length)}`;
  const mysql = isMysqlManager(m);
  const sets = Object.entries(spec.merge).map(([column, rule]) => {
    const incoming = mysql ? `VALUES(${column})` : `excluded.${column}`;
    return rule === 'add' ? `${column} = ${column} + ${incoming}` : `${column} = ${incoming}`;
  });
  return mysql
    ? `${insert} ON DUPLICATE KEY UPDATE ${sets.join(', ')}`
    : `${insert} ON CONFLICT (${spec.key.join(', ')}) DO UPDATE SET ${sets.join(', ')}`;
}

/** Writes rows (already in key order) in statements of at most `chunk` rows. */
export async function upsertRows(m: EntityManager, spec: UpsertSpec, rows: unknown[][], chunk = 500): Promise<void> {
  for (let i = 0; i < rows.length; i += chunk) {
    const part = rows.slice(i, i + chunk);
    await m.query(upsertSql(m, spec, part.length), part.flat());
  }
}
