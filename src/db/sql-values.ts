import type { DataSource, EntityManager } from 'typeorm';

type HasDriver = DataSource | EntityManager;

function isSqlite(db: HasDriver): boolean {
  const type = ('connection' in db ? db.connection : db).options.type;
  return type === 'better-sqlite3';
}

/** A Date as a raw-query parameter: SQLite keeps TypeORM's UTC text form, mysql2 takes the Date. */
export function sqlDate(db: HasDriver, date: Date): Date | string {
  return isSqlite(db) ? date.toISOString().replace('T', ' ').replace('Z', '') : date;
}

/** A datetime read by a raw query: SQLite returns UTC text, mysql2 returns a Date. */
export function readDate(value: unknown): Date {
  if (value instanceof Date) return value;
  if (typeof value === 'string') return new Date(value.includes('T') ? value : value.replace(' ', 'T') + 'Z');
  if (typeof value === 'number') return new Date(value);
  throw new Error(`Not a date: ${String(value)}`);
}

/** `(?, ?, ?), (?, ?, ?)` for a multi-row INSERT of `rows` rows of `width` columns. */
export function valuesPlaceholders(rows: number, width: number): string {
  const row = `(${new Array(width).fill('?').join(', ')})`;
  return new Array(rows).fill(row).join(', ');
}

export function placeholders(n: number): string {
  return new Array(n).fill('?').join(', ');
}

/**
 * A FLOAT column's value as MySQL's text protocol reads it (the server prints the shortest
 * decimal of the single): over the binary protocol (prepared statements, array-rows.ts)
 * mysql2 hands the single widened to a double (0.23 → 0.23000000417232513). This takes the
 * shortest decimal that is the same single, so both protocols give 0.23.
 */
export function shortestSingle(value: number): number {
  const single = Math.fround(value);
  for (let digits = 1; digits < 9; digits++) {
    const short = Number(value.toPrecision(digits));
    if (Math.fround(short) === single) return short;
  }
  return value;
}
