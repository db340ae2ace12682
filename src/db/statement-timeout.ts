import type { DataSource, EntityManager } from 'typeorm';

export type MysqlFlavour = 'mysql' | 'mariadb';

/** Which server a MySQL-protocol data source talks to (createDataSource asks the server and sets the type). */
export function mysqlFlavour(db: DataSource | EntityManager): MysqlFlavour | null {
  const type = ('connection' in db ? db.connection : db).options.type;
  return type === 'mariadb' || type === 'mysql' ? type : null;
}

/**
 * A SELECT that the server aborts after `ms` milliseconds. The two servers spell it
 * differently: MariaDB runs any statement under `SET STATEMENT max_statement_time=<seconds> FOR`,
 * MySQL takes the optimizer hint `MAX_EXECUTION_TIME(<ms>)` right after the SELECT keyword.
 */
export function selectWithTimeout(flavour: MysqlFlavour, select: string, ms: number): string {
  if (!(ms > 0)) return select;
  const statement = select.trimStart();
  if (!/^select\s/i.test(statement)) throw new Error('selectWithTimeout takes a SELECT statement');
  if (flavour === 'mariadb') return `SET STATEMENT max_statement_time=${(ms / 1000).toFixed(3)} FOR ${statement}`;
  return `SELECT /*+ MAX_EXECUTION_TIME(${Math.ceil(ms)}) */ ${statement.slice('select'.length).trimStart()}`;
}

/** The session statement that gives every later statement of a connection the same limit. */
export function sessionTimeoutSql(flavour: MysqlFlavour, ms: number): string {
  return flavour === 'mariadb'
    ? `SET SESSION max_statement_time = ${(ms / 1000).toFixed(3)}`
    : `SET SESSION max_execution_time = ${Math.ceil(ms)}`;
}

/**
 * Errors with which the servers report a statement stopped by its time limit: MariaDB's
 * ER_STATEMENT_TIMEOUT (1969), MySQL's ER_QUERY_TIMEOUT (3024), and the bare handler error
 * 188 that MariaDB's InnoDB full-text search returns when the limit interrupts it (mysql2
 * names it HA_ERR_FTS_EXCEED_RESULT_CACHE_LIMIT, the other way 188 ends a search too big to run).
 */
export function isStatementTimeout(err: unknown): boolean {
  const e = err as { errno?: number; driverError?: { errno?: number } } | null;
  const errno = e?.errno ?? e?.driverError?.errno;
  return errno === 1969 || errno === 3024 || errno === 188;
}

/** `DB_STATEMENT_TIMEOUT_MS`: a per-connection default limit for every statement, off unless set. */
export function defaultStatementTimeoutMs(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.DB_STATEMENT_TIMEOUT_MS;
  if (raw === undefined || raw === '') return 0;
  const ms = Number(raw);
  if (!Number.isFinite(ms) || ms < 0) throw new Error(`DB_STATEMENT_TIMEOUT_MS must be a number of milliseconds, got ${raw}`);
  return ms;
}

/**
 * The mysql2 module, with every new pool connection given the session limit first. TypeORM
 * accepts the driver module as an option (`driver`), and mysql2's pool announces each
 * connection it opens (`connection` event) before handing it out, so the SET is queued ahead
 * of the connection's first statement.
 */
export function mysqlDriverWithSessionTimeout(flavour: MysqlFlavour, ms: number): unknown {
  const mysql = require('mysql2') as typeof import('mysql2');
  if (!(ms > 0)) return mysql;
  const sql = sessionTimeoutSql(flavour, ms);
  return {
    ...mysql,
    createPool(config: import('mysql2').PoolOptions) {
      const pool = mysql.createPool(config);
      pool.on('connection', (conn) => conn.query(sql));
      return pool;
    },
  };
}
