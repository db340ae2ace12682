import { AsyncLocalStorage } from 'node:async_hooks';
import { DataSource, type EntityManager } from 'typeorm';
import type { IsolationLevel } from 'typeorm/driver/types/IsolationLevel';

type Work<T> = (m: EntityManager) => Promise<T>;

/**
 * A SQLite data source whose transactions run one after another. TypeORM's better-sqlite3
 * driver hands every caller the same query runner (one connection), so two overlapping
 * `transaction()` calls would become a transaction and a savepoint inside it: the first to
 * finish releases the other's savepoint, and a later ROLLBACK takes back work whose caller
 * was already told it was saved. Queueing them here, where every subgraph's SQLite data source
 * is made (data-source.ts), covers every caller, present and future, without each service
 * having to remember. MySQL has a pool and real transactions: its data sources are plain.
 *
 * A transaction opened inside another one (in the same async context) runs at once, nested as
 * a savepoint as before: waiting for the queue there would wait for itself.
 */
export class SerializedSqliteDataSource extends DataSource {
  private tail: Promise<unknown> = Promise.resolve();
  private readonly inside = new AsyncLocalStorage<{ open: boolean }>();
  /** Runs in progress. */
  private running = 0;

  /** Runs `fn` alone: after everything queued before it, before anything queued after. */
  exclusive<T>(fn: () => Promise<T>): Promise<T> {
    if (this.inside.getStore()?.open) return fn();
    const scope = { open: true };
    const run = this.tail
      .then(() => {
        this.running += 1;
        return this.inside.run(scope, fn);
      })
      .finally(() => {
        // Work started from here but finishing later (a listener not awaited) queues again.
        scope.open = false;
        // On Node 20 an enabled AsyncLocalStorage makes every promise of the process pay for
        // promise hooks (about 12% of an uncached page's throughput, measured with `npm run
        // bench`'s server): switched off whenever no run is in progress, on again by the next.
        this.running -= 1;
        if (this.running === 0) this.inside.disable();
      });
    this.tail = run.catch(() => undefined);
    return run;
  }

  override transaction<T>(fn: Work<T>): Promise<T>;
  override transaction<T>(isolationLevel: IsolationLevel, fn: Work<T>): Promise<T>;
  override transaction<T>(first: IsolationLevel | Work<T>, second?: Work<T>): Promise<T> {
    return this.exclusive(() => (second ? super.transaction(first as IsolationLevel, second) : super.transaction(first as Work<T>)));
  }
}

/** InnoDB chose this transaction as a deadlock victim and rolled all of it back. */
function isDeadlock(err: unknown): boolean {
  const e = err as { errno?: number; driverError?: { errno?: number } } | null;
  return e?.errno === 1213 || e?.driverError?.errno === 1213;
}

/**
 * A MySQL data source that runs a transaction again when InnoDB picks it as a deadlock victim.
 * Two editors publishing at the same instant insert list rows next to each other
 * (article_listing's primary key), and their gap locks can cross; InnoDB then rolls one back
 * whole and says "try restarting transaction". That is a clean failure to retry, not one for
 * the client to see as INTERNAL_SERVER_ERROR. Callbacks only write through their manager, so
 * running one again repeats nothing that was kept.
 */
export class RetryingMysqlDataSource extends DataSource {
  static readonly ATTEMPTS = 4;

  override transaction<T>(fn: Work<T>): Promise<T>;
  override transaction<T>(isolationLevel: IsolationLevel, fn: Work<T>): Promise<T>;
  override async transaction<T>(first: IsolationLevel | Work<T>, second?: Work<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await (second ? super.transaction(first as IsolationLevel, second) : super.transaction(first as Work<T>));
      } catch (err) {
        if (!isDeadlock(err) || attempt >= RetryingMysqlDataSource.ATTEMPTS) throw err;
        // A little jitter, so the two victims of one deadlock do not meet again at once.
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 10 * attempt));
      }
    }
  }
}

/**
 * Runs `fn` with no transaction of this database in progress on SQLite (a read that must not
 * see another request's uncommitted rows on the shared connection); as is elsewhere.
 */
export function exclusive<T>(ds: DataSource, fn: () => Promise<T>): Promise<T> {
  return ds instanceof SerializedSqliteDataSource ? ds.exclusive(fn) : fn();
}

/**
 * A transaction that takes the write lock before reading, on SQLite. With several processes
 * on one SQLite file (several scheduler processes), a transaction that reads first and writes
 * later fails with "database is locked" when another wrote in between, instead of waiting its
 * turn. Opening with a write that matches no row makes it wait (busy_timeout) for the lock and
 * then read what the other committed. Within one process the data source already queues
 * transactions (above). On MySQL this is an ordinary transaction: row locks and conditional
 * updates do the job there.
 */
export async function writeTransaction<T>(ds: DataSource, lockTable: string, fn: Work<T>): Promise<T> {
  return ds.transaction(async (m) => {
    if (ds.options.type === 'better-sqlite3') await m.query(`UPDATE ${lockTable} SET id = id WHERE 0`);
    return fn(m);
  });
}
