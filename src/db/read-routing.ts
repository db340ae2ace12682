import { AsyncLocalStorage } from 'node:async_hooks';
import type { DataSource, QueryRunner, ReplicationMode } from 'typeorm';

type RequestReads = { primary: boolean };

/**
 * Decides, per request, whether reads may go to a MySQL read replica. Reads go to replicas by
 * default; a request is pinned to the primary when it writes (a mutation) and, for a short
 * window after a write, every request from the same client (user or address), so a reader
 * sees their own comment or an editor their own save at once despite replication lag.
 *
 * The window is remembered in this process: behind several gateways the subgraph instance that
 * took the write remembers it too, since it serves the follow-up request's subgraph calls only
 * if the load balancer keeps the client on it. Replication lag on a healthy pair is well under
 * the default window (2 s), which is what makes that trade-off acceptable.
 */
export class ReadRouting {
  private readonly requests = new AsyncLocalStorage<RequestReads>();
  private readonly writers = new Map<string, number>();

  constructor(private readonly stickyMs = 2_000, private readonly maxWriters = 100_000) {}

  /** Runs one request's work; everything it awaits shares its routing decision. */
  run<T>(fn: () => T): T {
    return this.requests.run({ primary: false }, fn);
  }

  /** Sends the rest of the current request's reads to the primary. */
  pinToPrimary(): void {
    const current = this.requests.getStore();
    if (current) current.primary = true;
  }

  /**
   * Whether the current work must read from the primary: pinned requests, and all work outside
   * a request (migrations, seeding, jobs), which often reads what it has just written.
   */
  readsFromPrimary(): boolean {
    return this.requests.getStore()?.primary ?? true;
  }

  /** Remembers that this client just wrote: its next requests read from the primary for a while. */
  rememberWriter(client: string): void {
    if (this.writers.size >= this.maxWriters) this.forgetExpired();
    if (this.writers.size >= this.maxWriters) this.writers.clear();
    this.writers.set(client, Date.now() + this.stickyMs);
  }

  wroteRecently(client: string): boolean {
    const until = this.writers.get(client);
    if (until === undefined) return false;
    if (until > Date.now()) return true;
    this.writers.delete(client);
    return false;
  }

  private forgetExpired(): void {
    const now = Date.now();
    for (const [client, until] of this.writers) if (until <= now) this.writers.delete(client);
  }
}

const routed = new WeakMap<DataSource, ReadRouting>();

/**
 * Whether a plain read of this data source, now, goes to a replica: `routeReadsToReplicas` was
 * applied and the current work is not pinned to the primary (as `createQueryRunner('slave')` decides).
 */
export function readGoesToReplica(dataSource: DataSource): boolean {
  const routing = routed.get(dataSource);
  return routing !== undefined && !routing.readsFromPrimary();
}

const READ_ONLY_SQL = /^\s*(SELECT|WITH)\b/i;
const LOCKING_SQL = /\bFOR\s+UPDATE\b|\bLOCK\s+IN\s+SHARE\s+MODE\b|\bFOR\s+SHARE\b/i;

/**
 * Makes a replicated MySQL data source honour the routing. TypeORM already sends query-builder
 * and repository reads to a replica ("slave" mode) and everything else to the primary; two
 * gaps remain, closed here on this instance: raw `query()` calls always use the primary (the
 * read path reads many rows through raw SQL), and nothing pins a request (or work outside
 * any request) to the primary.
 * Statements on a query runner the caller holds (transactions) are left alone.
 */
export function routeReadsToReplicas(dataSource: DataSource, routing: ReadRouting): void {
  routed.set(dataSource, routing);
  const createQueryRunner = dataSource.createQueryRunner.bind(dataSource);
  const query = dataSource.query.bind(dataSource);
  dataSource.createQueryRunner = (mode: ReplicationMode = 'master') => createQueryRunner(routing.readsFromPrimary() ? 'master' : mode);
  dataSource.query = async function routedQuery<T = unknown>(sql: string, parameters?: unknown[], queryRunner?: QueryRunner): Promise<T> {
    if (queryRunner || routing.readsFromPrimary() || !READ_ONLY_SQL.test(sql) || LOCKING_SQL.test(sql)) return query(sql, parameters, queryRunner);
    const replica = createQueryRunner('slave');
    try {
      return (await replica.query(sql, parameters)) as T;
    } finally {
      await replica.release();
    }
  } as DataSource['query'];
}
