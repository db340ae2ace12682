import { randomUUID } from 'node:crypto';
import { type DataSource, type EntityManager } from 'typeorm';
import { OUTBOX_EVENT, type OutboxEvent } from '../../entities/shared/outbox-event.entity';
import { BACKGROUND_SQL } from '../db/sql-counter';
import { sqlDate } from '../db/sql-values';
import { exclusive } from '../db/write-transaction';
import type { ContentEvent } from './content-events';
import type { EventTransport, PublishedEvent } from './event-transport';
import { consoleSink, type ThrottledSink } from '../errors/log-throttle';

const BATCH = 100;
/** Published rows are kept this long (for inspection), then pruned. */
const KEEP_PUBLISHED_MS = 24 * 3600_000;

const RECORDED = 'newsroomOutboxRecorded';

/**
 * Writes an event in the transaction of `manager`: it is published once that commits, never if
 * it rolls back. Any service with the transaction's manager can record; the relay of the
 * database (EventOutbox) is woken when the transaction commits.
 */
export async function recordEvent(manager: EntityManager, event: ContentEvent, now = new Date()): Promise<void> {
  await manager.getRepository<OutboxEvent>(OUTBOX_EVENT).insert({ eventId: randomUUID(), type: event.type, payload: JSON.stringify(event), occurredAt: now, publishedAt: null });
  if (manager.queryRunner) manager.queryRunner.data[RECORDED] = true;
}

/**
 * The transactional outbox of one subgraph's database. Writers `record` events inside the
 * transaction of their change; the relay publishes committed rows to the transport in id order
 * and stamps them `publishedAt`. The relay wakes shortly after each record, and polls anyway
 * (`pollMs`) for rows that an instance crashed before relaying, or that another instance wrote.
 * Several instances may relay the same database: an event may then be published twice, which
 * consumers absorb (they de-duplicate on the event id, or their effect is idempotent).
 */
export class EventOutbox {
  private timer: NodeJS.Timeout | null = null;
  private soon: NodeJS.Timeout | null = null;
  private draining: Promise<void> | null = null;
  private again = false;
  private lastPrune = 0;
  private subscribed = false;
  private tableName: string | null = null;

  constructor(
    private readonly dataSource: DataSource,
    /** The emitting subgraph, carried on every event. */
    private readonly source: string,
    private readonly transport: EventTransport,
    private readonly pollMs = 1_000,
    /** Where relay failures go; with the broker down every poll fails alike, so they are throttled. */
    private readonly log: ThrottledSink = consoleSink(),
  ) {}

  /** This subgraph's outbox table, quoted for raw SQL (`editorial_outbox_event`, …). */
  private get table(): string {
    this.tableName ??= this.dataSource.driver.escape(this.dataSource.getMetadata(OUTBOX_EVENT).tableName);
    return this.tableName;
  }

  private readonly logRelayError = (err: unknown): void => {
    const reason = (err as Error | null)?.message ?? String(err);
    this.log.throttle.error(this.log.log, `outbox|${this.source}|${reason}`, { source: this.source, reason }, 'outbox relay failed; retrying at the next poll');
  };

  /**
   * Starts the relay: woken right after any transaction of this database that recorded an event
   * commits (a TypeORM subscriber on the data source), and polling every `pollMs` for what a
   * crashed instance or another process left.
   */
  start(): void {
    if (this.timer) return;
    if (!this.subscribed) {
      this.subscribed = true;
      const outbox = this;
      this.dataSource.subscribers.push({
        afterTransactionCommit(event) {
          if (!event.queryRunner.data?.[RECORDED] || outbox.timer === null) return;
          delete event.queryRunner.data[RECORDED];
          outbox.wake();
        },
        afterTransactionRollback(event) {
          if (event.queryRunner.data) delete event.queryRunner.data[RECORDED];
        },
      });
    }
    this.timer = setInterval(() => void this.drain().catch(this.logRelayError), this.pollMs);
    this.timer.unref();
    this.wake();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    if (this.soon) clearTimeout(this.soon);
    this.timer = this.soon = null;
    await this.draining?.catch(() => undefined);
    await this.drain().catch(this.logRelayError);
  }

  /** Publishes everything committed and not yet published; resolves when the outbox is empty. */
  drain(): Promise<void> {
    // A database already closed (shutdown) has nothing more to relay from this process.
    if (!this.dataSource.isInitialized) return Promise.resolve();
    if (this.draining) {
      this.again = true;
      return this.draining;
    }
    this.draining = (async () => {
      try {
        do {
          this.again = false;
          while ((await this.relayBatch()) === BATCH);
        } while (this.again);
        await this.prune();
      } finally {
        this.draining = null;
      }
    })();
    return this.draining;
  }

  /** Rows recorded but not yet published (the relay's lag, for metrics and readiness). */
  async pending(): Promise<number> {
    // Background SQL: a metrics scrape reads it, and no request's statement count should grow by it.
    const [row] = (await this.dataSource.query(`${BACKGROUND_SQL} SELECT COUNT(*) AS n FROM ${this.table} WHERE publishedAt IS NULL`)) as Array<{ n: number | string }>;
    return Number(row?.n ?? 0);
  }

  private wake(): void {
    if (this.soon || !this.timer) return;
    // Called after the recording transaction committed (the subscriber above).
    this.soon = setTimeout(() => {
      this.soon = null;
      void this.drain().catch(this.logRelayError);
    }, 0);
  }

  /**
   * One batch: read committed, unpublished rows; publish them; stamp them. Not one transaction:
   * subscribers of the local transport run during `publish` and may write to this database
   * themselves. A crash between publishing and stamping publishes the batch again (consumers
   * de-duplicate on the event id); so may two instances relaying one MySQL database at once.
   * On SQLite the read waits for transactions in progress on the shared connection, so it never
   * sees a row that may still roll back.
   */
  private async relayBatch(): Promise<number> {
    const rows = await exclusive(
      this.dataSource,
      () =>
        this.dataSource.query(
          `${BACKGROUND_SQL} SELECT id, eventId, payload, occurredAt FROM ${this.table} WHERE publishedAt IS NULL ORDER BY id LIMIT ${BATCH}`,
        ) as Promise<Array<{ id: number; eventId: string; payload: string; occurredAt: Date | string }>>,
    );
    if (!rows.length) return 0;
    const events: PublishedEvent[] = rows.map((row) => ({
      id: row.eventId,
      source: this.source,
      occurredAt: new Date(row.occurredAt).toISOString(),
      event: JSON.parse(row.payload) as ContentEvent,
    }));
    await this.transport.publish(events);
    // A transaction of its own, so that on SQLite it queues behind any other in progress.
    await this.dataSource.transaction((m) =>
      m.query(`${BACKGROUND_SQL} UPDATE ${this.table} SET publishedAt = ? WHERE id IN (${rows.map(() => '?').join(', ')})`, [
        sqlDate(m.connection, new Date()),
        ...rows.map((r) => r.id),
      ]),
    );
    return rows.length;
  }

  private async prune(): Promise<void> {
    if (Date.now() - this.lastPrune < 600_000) return;
    this.lastPrune = Date.now();
    await this.dataSource
      .createQueryBuilder()
      .delete()
      .from(OUTBOX_EVENT)
      .where('publishedAt IS NOT NULL AND publishedAt < :before', { before: new Date(Date.now() - KEEP_PUBLISHED_MS) })
      .execute();
  }
}
