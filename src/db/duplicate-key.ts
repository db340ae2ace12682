import { QueryFailedError } from 'typeorm';

/**
 * Whether a write failed on a unique index, on MySQL/MariaDB (ER_DUP_ENTRY) or SQLite
 * (UNIQUE constraint failed); with `index`, only on that one (the MySQL index name, or
 * SQLite's `table.column` in its message).
 */
export function isDuplicateKey(err: unknown, index?: { mysql: string; sqlite: string }): boolean {
  if (!(err instanceof QueryFailedError)) return false;
  const driver = err.driverError as { code?: string; message?: string } | undefined;
  const message = `${driver?.message ?? ''} ${err.message}`;
  if (driver?.code === 'ER_DUP_ENTRY') return !index || message.includes(index.mysql);
  if (/UNIQUE constraint failed|SQLITE_CONSTRAINT_(UNIQUE|PRIMARYKEY)/.test(`${driver?.code ?? ''} ${message}`)) return !index || message.includes(index.sqlite);
  return false;
}
