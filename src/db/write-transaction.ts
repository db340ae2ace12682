import type { DataSource, EntityManager } from 'typeorm';

/**
 * A transaction that takes the write lock before reading, on SQLite. With several connections
 * to one SQLite file (several scheduler processes), a transaction that reads first and writes
 * later fails with "database is locked" when another wrote in between, instead of waiting its
 * turn. Opening with a write that matches no row makes it wait (busy_timeout) for the lock and
 * then read what the other committed. On MySQL this is an ordinary transaction: row locks and
 * conditional updates do the job there.
 */
export async function writeTransaction<T>(ds: DataSource, lockTable: string, fn: (m: EntityManager) => Promise<T>): Promise<T> {
  return ds.transaction(async (m) => {
    if (ds.options.type === 'better-sqlite3') await m.query(`UPDATE ${lockTable} SET id = id WHERE 0`);
    return fn(m);
  });
}
