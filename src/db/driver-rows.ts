import { QueryFailedError, type DataSource } from 'typeorm';
import { isMysql } from './data-source';
import { readGoesToReplica } from './read-routing';

/**
 * Read statements sent straight to the driver below TypeORM (better-sqlite3, mysql2), counted
 * and logged like TypeORM's own: rows as arrays (`arrayRows`) or as objects (`objectRows`).
 */

/** A read statement's rows, each an array of its column values in select-list order. */
export type ArrayRows = (sql: string, params: readonly unknown[]) => Promise<unknown[][]>;
/** A read statement's rows, each an object by column name, as `DataSource.query` answers them. */
export type ObjectRows = <T = Record<string, unknown>>(sql: string, params: readonly unknown[]) => Promise<T[]>;

type SqliteStatement = { raw(on: boolean): SqliteStatement; all(...params: unknown[]): unknown[] };
type SqliteConnection = { prepare(sql: string): SqliteStatement };
/** A mysql2 pool, or one side of a replicated pool cluster: takes a connection, queries, gives it back. */
type MysqlQueryable = { query(options: { sql: string; rowsAsArray: boolean }, params: unknown[], done: (err: Error | null, rows: unknown) => void): unknown };
type MysqlConnection = MysqlQueryable & { release(): void };
/** One side of a pool cluster: hands out a connection of one of its pools. */
type MysqlClusterSide = { getConnection(done: (err: Error | null, connection: MysqlConnection) => void): void };
type MysqlPools = { pool?: MysqlQueryable; poolCluster?: { of(pattern: string): MysqlClusterSide } };

/**
 * A cluster side as a queryable, taking and giving back the connection here: the side's own
 * `query` rethrows, inside its connection callback, an error the connection's `query` throws
 * at once (out of reach of any caller: the process would die of it), where a pool's `query`
 * hands it to the callback.
 */
function clusterQueryable(side: MysqlClusterSide): MysqlQueryable {
  return {
    query(options, params, done) {
      side.getConnection((err, connection) => {
        if (err) return done(err, undefined);
        try {
          connection.query(options, params, (queryErr, rows) => {
            connection.release();
            done(queryErr, rows);
          });
        } catch (thrown) {
          connection.release();
          done(thrown as Error, undefined);
        }
      });
    },
  };
}

/** Prepared statements kept per SQLite connection, as TypeORM's runner keeps its own (FIFO past the size). */
const STATEMENTS_KEPT = 500;

/**
 * The read path's hot statements (cards, bylines, lists, the rubric tree) as arrays of values
 * instead of one object per row. Measured on the 10k-article bench data, 30 cards with their
 * images (16 columns) on better-sqlite3: 150 µs as objects, 103 µs as arrays turned into the
 * same objects by a mapper that knows the columns' positions. On MySQL, mysql2's text `query`
 * with `rowsAsArray`, as TypeORM sends it: no server-side prepared statements. (`execute` would
 * prepare one per distinct SQL text and connection, kept up to mysql2's 16,000: the texts vary
 * with list sizes and page sizes a client chooses, and the server refuses new ones past
 * `max_prepared_stmt_count`, 16,382 for all its connections. The binary protocol also widens
 * FLOAT values and cannot send a date past year 65535.)
 *
 * Statements are counted (sql-counter) and logged through the data source's logger like
 * TypeORM's own, and fail with TypeORM's QueryFailedError. Reads only: transactions keep their
 * query runner (`EntityManager.query`).
 */
export function arrayRows(ds: DataSource): ArrayRows {
  let reader = readers.get(ds);
  if (!reader) {
    if (ds.options.type === 'better-sqlite3') reader = sqliteRows(ds, true) as ArrayRows;
    else if (isMysql(ds)) reader = mysqlRows(ds, true) as ArrayRows;
    // Another driver's rows are objects, whose repeated column names (a join's ids) would merge.
    else throw new Error(`Rows as arrays are read on SQLite and MySQL only, not ${ds.options.type}`);
    readers.set(ds, reader);
  }
  return reader;
}

/**
 * The same path for rows as objects, for reads whose code maps rows by column name (the
 * discussion's threads and comment pages, the audience's view totals): the driver's rows
 * without TypeORM's query runner around each statement (created, connected and released per
 * `DataSource.query`; 2.6 % of the article page's profile under load, for its four such
 * statements). Another driver gets `DataSource.query` itself.
 */
export function objectRows(ds: DataSource): ObjectRows {
  let reader = objectReaders.get(ds);
  if (!reader) {
    if (ds.options.type === 'better-sqlite3') reader = sqliteRows(ds, false) as ObjectRows;
    else if (isMysql(ds)) reader = mysqlRows(ds, false) as ObjectRows;
    else reader = ((sql: string, params: readonly unknown[]) => ds.query(sql, params as unknown[])) as ObjectRows;
    objectReaders.set(ds, reader);
  }
  return reader;
}

const readers = new WeakMap<DataSource, ArrayRows>();
const objectReaders = new WeakMap<DataSource, ObjectRows>();

function failed(ds: DataSource, sql: string, params: readonly unknown[], err: unknown): QueryFailedError {
  ds.logger.logQueryError(err as Error, sql, params as unknown[]);
  return new QueryFailedError(sql, params as unknown[], err as Error);
}

function sqliteRows(ds: DataSource, raw: boolean): (sql: string, params: readonly unknown[]) => Promise<unknown[]> {
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
        statements.set(sql, (statement = raw ? connection.prepare(sql).raw(true) : connection.prepare(sql)));
        if (statements.size > STATEMENTS_KEPT) statements.delete(statements.keys().next().value!);
      }
      // better-sqlite3 binds no booleans (TypeORM's runner turns them into 0/1 too).
      return statement.all(...params.map((p) => (typeof p === 'boolean' ? Number(p) : p)));
    } catch (err) {
      throw failed(ds, sql, params, err);
    }
  };
}

function mysqlRows(ds: DataSource, rowsAsArray: boolean): (sql: string, params: readonly unknown[]) => Promise<unknown[]> {
  // Straight on mysql2's pool (or the replicated cluster's side), with its callback API. Through
  // TypeORM's query runner and mysql2's promise wrapper each read also built a runner, took and
  // gave back its connection in separate steps, and captured a stack trace (mysql2's `trace`,
  // for the promise's rejection): that capture alone was 176 µs of an article page's 4.8 ms of
  // CPU on MariaDB (ten statements, deep async stacks). A failed read still names its statement
  // (QueryFailedError, logged as TypeORM logs its own).
  const sides = new WeakMap<object, { primary: MysqlQueryable; replicas: MysqlQueryable }>();
  const target = (): MysqlQueryable => {
    const driver = ds.driver as unknown as MysqlPools;
    const cluster = driver.poolCluster;
    if (!cluster) {
      if (!driver.pool) throw new Error('The MySQL data source is not connected');
      return driver.pool;
    }
    // Where `DataSource.query` sends a read: a replica when reads are routed (read-routing.ts)
    // and the current request is not pinned to the primary, else the primary (TypeORM's names
    // for the cluster's pools).
    let side = sides.get(cluster);
    if (!side) sides.set(cluster, (side = { primary: clusterQueryable(cluster.of('MASTER')), replicas: clusterQueryable(cluster.of('SLAVE*')) }));
    return readGoesToReplica(ds) ? side.replicas : side.primary;
  };
  return (sql, params) =>
    new Promise<unknown[]>((resolve, reject) => {
      try {
        ds.logger.logQuery(sql, params as unknown[]);
        target().query({ sql, rowsAsArray }, params as unknown[], (err, rows) => (err ? reject(failed(ds, sql, params, err)) : resolve(rows as unknown[])));
      } catch (err) {
        reject(failed(ds, sql, params, err));
      }
    });
}
