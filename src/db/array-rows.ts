import { QueryFailedError, type DataSource } from 'typeorm';
import { isMysql } from './data-source';
import { readsRoutedToReplicas } from './read-routing';

/** A read statement's rows, each an array of its column values in select-list order. */
export type ArrayRows = (sql: string, params: readonly unknown[]) => Promise<unknown[][]>;

type SqliteStatement = { raw(on: boolean): SqliteStatement; all(...params: unknown[]): unknown[][] };
type SqliteConnection = { prepare(sql: string): SqliteStatement };
type MysqlConnection = { promise(): { execute(options: { sql: string; rowsAsArray: boolean }, params: unknown[]): Promise<[unknown, unknown]> } };

/** Prepared statements kept per SQLite connection, as TypeORM's runner keeps its own (FIFO past the size). */
const STATEMENTS_KEPT = 500;

/**
 * The read path's hot statements (cards, bylines, lists, the rubric tree) as arrays of values
 * instead of one object per row. Measured on the 10k-article bench data, 30 cards with their
 * images (16 columns) on better-sqlite3: 150 µs as objects, 103 µs as arrays turned into the
 * same objects by a mapper that knows the columns' positions. On MySQL the statements are
 * prepared once per connection (`execute`, mysql2 keeps them) and answered in the binary
 * protocol, instead of TypeORM's text `query`: the server parses no SQL and the client parses
 * no numbers from text.
 *
 * Statements are counted (sql-counter) and logged through the data source's logger like
 * TypeORM's own, and fail with TypeORM's QueryFailedError. Reads only: transactions keep their
 * query runner (`EntityManager.query`).
 */
export function arrayRows(ds: DataSource): ArrayRows {
  let reader = readers.get(ds);
  if (!reader) readers.set(ds, (reader = ds.options.type === 'better-sqlite3' ? sqliteRows(ds) : isMysql(ds) ? mysqlRows(ds) : objectRows(ds)));
  return reader;
}

const readers = new WeakMap<DataSource, ArrayRows>();

function failed(ds: DataSource, sql: string, params: readonly unknown[], err: unknown): QueryFailedError {
  ds.logger.logQueryError(err as Error, sql, params as unknown[]);
  return new QueryFailedError(sql, params as unknown[], err as Error);
}

function sqliteRows(ds: DataSource): ArrayRows {
  // Keyed by connection: a data source destroyed and initialised again has a new one.
  const kept = new WeakMap<SqliteConnection, Map<string, SqliteStatement>>();
  return async (sql, params) => {
    ds.logger.logQuery(sql, params as unknown[]);
    try {
      const connection = (ds.driver as unknown as { databaseConnection: SqliteConnection }).databaseConnection;
      let statements = kept.get(connection);
      if (!statements) kept.set(connection, (statements = new Map()));
      let statement = statements.get(sql);
      if (!statement) {
        statements.set(sql, (statement = connection.prepare(sql).raw(true)));
        if (statements.size > STATEMENTS_KEPT) statements.delete(statements.keys().next().value!);
      }
      // better-sqlite3 binds no booleans (TypeORM's runner turns them into 0/1 too).
      return statement.all(...params.map((p) => (typeof p === 'boolean' ? Number(p) : p)));
    } catch (err) {
      throw failed(ds, sql, params, err);
    }
  };
}

function mysqlRows(ds: DataSource): ArrayRows {
  return async (sql, params) => {
    // Where `DataSource.query` sends a read: a replica when reads are routed (read-routing.ts)
    // and the request may use one, else the primary.
    const runner = ds.createQueryRunner(readsRoutedToReplicas(ds) ? 'slave' : 'master');
    try {
      const connection = (await runner.connect()) as MysqlConnection;
      ds.logger.logQuery(sql, params as unknown[]);
      const [rows] = await connection.promise().execute({ sql, rowsAsArray: true }, params as unknown[]);
      return rows as unknown[][];
    } catch (err) {
      throw failed(ds, sql, params, err);
    } finally {
      await runner.release();
    }
  };
}

/** Any other driver: TypeORM's rows, their values in order. */
function objectRows(ds: DataSource): ArrayRows {
  return async (sql, params) => ((await ds.query(sql, params as unknown[])) as Array<Record<string, unknown>>).map((row) => Object.values(row));
}
