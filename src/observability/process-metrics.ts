import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { flagOff } from '../config/settings';

/** What the outbox gauge reads at scrape time (EventOutbox has it). */
export type PendingEvents = { pending(): Promise<number> };

export type ProcessMetricsOptions = {
  /** Node's own metrics (CPU, memory, event-loop lag, GC) on the same registry; on by default. */
  defaultMetrics?: boolean;
  /**
   * The process's count of SQL statements sent for requests (sqlCounter.total), read at scrape
   * time; omitted in a process without a database (a gateway run apart).
   */
  sqlStatements?: () => number;
};

/**
 * The Prometheus metrics of one process, on a registry of its own (no prom-client global
 * registry): the composition root builds one and passes it to the HTTP host, which serves it at
 * `/metrics`, times operations (metrics.plugin.ts) and counts response-cache lookups.
 */
export class ProcessMetrics {
  readonly registry = new Registry();
  readonly requestDuration: Histogram<'operation' | 'outcome'>;
  readonly requests: Counter<'operation' | 'outcome'>;
  readonly responseCache: Counter<'result'>;
  readonly refusals: Counter<'code'>;
  readonly batchSize: Histogram<never>;
  private readonly outboxes = new Map<string, PendingEvents>();

  constructor(options: ProcessMetricsOptions = {}) {
    const registers = [this.registry];
    this.requestDuration = new Histogram({
      name: 'graphql_request_duration_seconds',
      help: 'Time from a GraphQL request reaching Apollo Server to its answer, by operation name and outcome (ok or the first error code)',
      labelNames: ['operation', 'outcome'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers,
    });
    this.requests = new Counter({
      name: 'graphql_requests_total',
      help: 'GraphQL requests answered by Apollo Server (response-cache hits are not among them), by operation name and outcome',
      labelNames: ['operation', 'outcome'],
      registers,
    });
    this.responseCache = new Counter({
      name: 'graphql_response_cache_requests_total',
      help: 'Cacheable anonymous requests by result of the response-cache lookup (hit or miss)',
      labelNames: ['result'],
      registers,
    });
    this.refusals = new Counter({
      name: 'graphql_operation_refusals_total',
      help: 'Operations the gateway refused before running them (rate limit, depth, cost, persisted-only …), by error code',
      labelNames: ['code'],
      registers,
    });
    this.batchSize = new Histogram({
      name: 'dataloader_batch_size',
      help: 'Keys per DataLoader batch (one SQL statement each) in the loaders of this process',
      buckets: [1, 2, 5, 10, 20, 50, 100, 200, 500],
      registers,
    });
    const outboxes = this.outboxes;
    new Gauge({
      name: 'outbox_pending_events',
      help: 'Events committed to a subgraph outbox and not yet published to the broker (read at scrape time)',
      labelNames: ['subgraph'],
      registers,
      async collect() {
        this.reset();
        await Promise.all(
          [...outboxes].map(async ([subgraph, outbox]) => {
            // A database that does not answer leaves its series out of this scrape rather than failing it.
            const pending = await outbox.pending().catch(() => undefined);
            if (pending !== undefined) this.set({ subgraph }, pending);
          }),
        );
      },
    });
    const sqlStatements = options.sqlStatements;
    if (sqlStatements) {
      new Counter({
        name: 'sql_statements_total',
        help: 'SQL statements this process sent for requests (transaction control and background work such as the outbox relay excluded)',
        registers,
        // The process counter is the source (src/db/sql-counter.ts); a per-request count would need
        // AsyncLocalStorage on every statement, which cost about 4% of the home page's CPU.
        collect() {
          this.reset();
          this.inc(sqlStatements());
        },
      });
    }
    if (options.defaultMetrics !== false) collectDefaultMetrics({ register: this.registry });
  }

  /** Reports the outbox of `subgraph` as `outbox_pending_events{subgraph}`. */
  watchOutbox(subgraph: string, outbox: PendingEvents): void {
    this.outboxes.set(subgraph, outbox);
  }

  /** The exposition text of every metric, in Prometheus's text format. */
  scrape(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}

/** `METRICS` (on unless `off`): whether a process builds its metrics and serves `/metrics`. */
export function metricsEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  return !flagOff(env.METRICS);
}

/** What a subgraph's loaders call with each batch's size: the histogram's `observe`, or nothing without metrics. */
export function batchSizeObserver(metrics: ProcessMetrics | undefined): ((size: number) => void) | undefined {
  if (!metrics) return undefined;
  const histogram = metrics.batchSize;
  return (size) => histogram.observe(size);
}
