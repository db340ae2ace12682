import type { Logger, QueryRunner } from 'typeorm';

/**
 * Counts the SQL statements TypeORM sends, process-wide. Tests assert statement budgets
 * with it; benchmarks divide it by requests served. (A per-request count through
 * AsyncLocalStorage cost about 4% of the home page's CPU, so there is none.) Transaction
 * control statements are not counted: they are not data access, nor is background work.
 */
const CONTROL = /^\s*(BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE|START TRANSACTION|SET TRANSACTION)/i;
/**
 * Work no request asked for (the outbox relay's polls and stamps) marks its statements with
 * this comment; they are not counted either, so a budget measures the request alone.
 */
export const BACKGROUND_SQL = '/* background */';

let processCount = 0;
let recorder: string[] | null = null;

export const sqlCounter = {
  /** Statements sent since the process started. */
  get total(): number {
    return processCount;
  },
  /** Runs `fn` and returns what it ran together with the statements it issued. */
  async measure<T>(fn: () => Promise<T>): Promise<{ result: T; count: number; statements: string[] }> {
    const before = processCount;
    const statements: string[] = [];
    const previous = recorder;
    recorder = statements;
    try {
      const result = await fn();
      return { result, count: processCount - before, statements };
    } finally {
      recorder = previous;
    }
  },
  record(query: string): void {
    // Most statements are reads: `SELECT` needs neither test (11 regex tests were 19 µs of an article page).
    if (!query.startsWith('SELECT') && (CONTROL.test(query) || query.startsWith(BACKGROUND_SQL))) return;
    processCount += 1;
    recorder?.push(query);
  },
};

/** A TypeORM logger that counts queries and reports only errors and, when asked, slow queries. */
export class CountingLogger implements Logger {
  constructor(private readonly echo = process.env.LOG_SQL === '1') {}

  logQuery(query: string, parameters?: unknown[]): void {
    sqlCounter.record(query);
    if (this.echo) console.log('[sql]', query, parameters ?? '');
  }
  logQueryError(error: string | Error, query: string, _parameters?: unknown[], _runner?: QueryRunner): void {
    if (process.env.NODE_ENV !== 'test' || this.echo) console.error('[sql error]', String(error), query.slice(0, 500));
  }
  logQuerySlow(time: number, query: string): void {
    console.warn(`[sql slow ${time} ms]`, query.slice(0, 500));
  }
  logSchemaBuild(): void {}
  logMigration(message: string): void {
    if (process.env.NODE_ENV !== 'test') console.log('[migration]', message);
  }
  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') console.warn('[typeorm]', message);
  }
}
