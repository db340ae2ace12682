import fs from 'node:fs';
import path from 'node:path';
import type { DataSource, EntitySchema, MixedList } from 'typeorm';
import { CountingLogger } from './sql-counter';
import { RetryingMysqlDataSource, SerializedSqliteDataSource } from './write-transaction';
import { databaseTarget, type DatabaseTarget, type SubgraphName } from './database-config';
import { defaultStatementTimeoutMs, mysqlDriverWithSessionTimeout } from './statement-timeout';

export type MigrationSet = { sqlite: MixedList<Function>; mysql: MixedList<Function> };

export type DataSourceSpec = {
  subgraph: SubgraphName;
  entities: Array<Function | EntitySchema>;
  migrations: MigrationSet;
  target?: DatabaseTarget;
};

/** MySQL collation for every table: utf8mb4 and UCA 5.2 (accent- and case-insensitive French ordering). */
export const MYSQL_COLLATION = 'utf8mb4_unicode_520_ci';

/**
 * Creates (without connecting) the data source of a subgraph. On a MySQL URL the server is
 * asked first: it creates the database if missing (utf8mb4) and tells MariaDB from MySQL,
 * whose catalogues TypeORM reads differently.
 */
export async function createDataSource(spec: DataSourceSpec): Promise<DataSource> {
  const target = spec.target ?? databaseTarget(spec.subgraph);
  const common = {
    entities: spec.entities,
    logger: new CountingLogger(),
    logging: ['error' as const],
    synchronize: false,
    migrationsTableName: `${spec.subgraph}_migrations`,
  };
  if (target.kind === 'sqlite') {
    if (target.file !== ':memory:') fs.mkdirSync(path.dirname(target.file), { recursive: true });
    return new SerializedSqliteDataSource({
      ...common,
      type: 'better-sqlite3',
      database: target.file,
      migrations: spec.migrations.sqlite,
      enableWAL: target.file !== ':memory:',
      statementCacheSize: 500,
      prepareDatabase: (db: { pragma(sql: string): unknown }) => {
        db.pragma('synchronous = NORMAL');
        db.pragma('busy_timeout = 5000');
        db.pragma('cache_size = -65536');
      },
    });
  }
  const flavour = await ensureMysqlDatabase(target.url);
  return new RetryingMysqlDataSource({
    ...common,
    type: flavour,
    // DB_STATEMENT_TIMEOUT_MS: every connection of the pool gets this statement time limit.
    driver: mysqlDriverWithSessionTimeout(flavour, defaultStatementTimeoutMs()),
    ...(target.replicas?.length
      ? { replication: { master: { url: target.url }, slaves: target.replicas.map((url) => ({ url })) } }
      : { url: target.url }),
    charset: MYSQL_COLLATION,
    timezone: 'Z',
    migrations: spec.migrations.mysql,
    supportBigNumbers: true,
    bigNumberStrings: false,
    extra: { connectionLimit: Number(process.env.DB_POOL_SIZE ?? 10) },
  });
}

export function isMysql(dataSource: DataSource): boolean {
  return dataSource.options.type === 'mysql' || dataSource.options.type === 'mariadb';
}

/** Brings a subgraph's database to the newest schema. */
export async function migrateDataSource(dataSource: DataSource): Promise<void> {
  if (!dataSource.isInitialized) await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'each' });
}

async function ensureMysqlDatabase(url: string): Promise<'mysql' | 'mariadb'> {
  const charset = `CHARACTER SET utf8mb4 COLLATE ${MYSQL_COLLATION}`;
  let flavour: 'mysql' | 'mariadb' = 'mysql';
  await onMysqlServer(url, async (conn, db) => {
    await conn.query(`CREATE DATABASE IF NOT EXISTS ${db} ${charset}`);
    await conn.query(`ALTER DATABASE ${db} ${charset}`);
    const [rows] = (await conn.query('SELECT VERSION() AS v')) as [Array<{ v: string }>];
    if (/mariadb/i.test(rows[0]?.v ?? '')) flavour = 'mariadb';
  });
  return flavour;
}

/** Drops the database a MySQL URL names (tests and scratch schemas only). */
export async function dropMysqlDatabase(url: string): Promise<void> {
  await onMysqlServer(url, (conn, db) => conn.query(`DROP DATABASE IF EXISTS ${db}`));
}

async function onMysqlServer(
  rawUrl: string,
  fn: (conn: { query(sql: string): Promise<unknown> }, quotedDatabase: string) => Promise<unknown>,
): Promise<void> {
  const url = new URL(rawUrl);
  const database = decodeURIComponent(url.pathname.slice(1)).replace(/`/g, '');
  url.pathname = '/';
  const mysql = require('mysql2/promise') as typeof import('mysql2/promise');
  const conn = await mysql.createConnection({ uri: url.toString() });
  try {
    await fn(conn, `\`${database}\``);
  } finally {
    await conn.end();
  }
}
