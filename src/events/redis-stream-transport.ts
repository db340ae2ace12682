import { randomUUID } from 'node:crypto';
import os from 'node:os';
import Redis from 'ioredis';
import type { EventHandler, EventTransport, PublishedEvent, SubscribeOptions } from './event-transport';
import { consoleSink, type ThrottledSink } from '../errors/log-throttle';

const BLOCK_MS = 2_000;
/** A pending event unacknowledged this long (its consumer died or failed) is delivered again. */
const REDELIVER_AFTER_MS = 15_000;
/** The stream keeps about this many events; consumers that fall further behind lose the oldest. */
const MAX_LENGTH = 100_000;

type StreamEntries = Array<[string, string[]]>;

/**
 * Events through a Redis stream. Redis is already what the fleet shares (response cache, rate
 * limits); its streams give what the outbox needs from a broker: an ordered, durable log,
 * consumer groups with acknowledgements and redelivery of what a dead consumer held, and
 * plain fan-out reads for caches. Delivery is at least once: consumers de-duplicate on the
 * event id.
 */
export class RedisStreamTransport implements EventTransport {
  readonly name = 'redis-streams';
  private readonly writer: Redis;
  private readonly readers = new Set<Redis>();
  private closed = false;

  constructor(
    private readonly url: string,
    private readonly stream = 'newsroom:content-events',
    /** Where consumer failures go, throttled: a consumer failing on every event would flood it. */
    private readonly log: ThrottledSink = consoleSink(),
  ) {
    this.writer = new Redis(url, { maxRetriesPerRequest: 2, enableOfflineQueue: true, lazyConnect: false });
    this.writer.on('error', () => undefined);
  }

  async publish(events: PublishedEvent[]): Promise<void> {
    if (!events.length) return;
    const pipeline = this.writer.pipeline();
    for (const e of events) pipeline.xadd(this.stream, 'MAXLEN', '~', String(MAX_LENGTH), '*', 'id', e.id, 'data', JSON.stringify(e));
    const results = await pipeline.exec();
    const failed = results?.find(([err]) => err);
    if (failed) throw failed[0];
  }

  async subscribe(handler: EventHandler, options: SubscribeOptions = {}): Promise<() => Promise<void>> {
    const reader = new Redis(this.url, { maxRetriesPerRequest: null });
    reader.on('error', () => undefined);
    this.readers.add(reader);
    let running = true;
    const loop = options.group ? await this.groupLoop(reader, options.group, handler, () => running) : await this.fanOutLoop(reader, handler, () => running);
    return async () => {
      running = false;
      reader.disconnect();
      this.readers.delete(reader);
      await loop.done.catch(() => undefined);
    };
  }

  /** Every event from the current end of the stream on, to this subscriber. */
  private async fanOutLoop(reader: Redis, handler: EventHandler, running: () => boolean): Promise<{ done: Promise<void> }> {
    // A broker down at start must not stop the process (its readiness says so): read what
    // arrives once it is back ('$', the stream's end at that moment).
    const last = (await this.writer.xrevrange(this.stream, '+', '-', 'COUNT', 1).catch(() => null)) as Array<[string, string[]]> | null;
    let cursor = last ? (last[0]?.[0] ?? '0-0') : '$';
    const done = (async () => {
      while (running() && !this.closed) {
        let batch: Array<[string, StreamEntries]> | null = null;
        try {
          batch = (await reader.xread('COUNT', 100, 'BLOCK', BLOCK_MS, 'STREAMS', this.stream, cursor)) as Array<[string, StreamEntries]> | null;
        } catch {
          if (running()) await pause(500);
          continue;
        }
        for (const [id, fields] of batch?.[0]?.[1] ?? []) {
          cursor = id;
          await deliver(handler, fields, this.log);
        }
      }
    })();
    return { done };
  }

  /** Events shared among a durable group: acknowledged after the handler succeeds, redelivered otherwise. */
  private async groupLoop(reader: Redis, group: string, handler: EventHandler, running: () => boolean): Promise<{ done: Promise<void> }> {
    let groupExists = false;
    const ensureGroup = async () => {
      if (groupExists) return;
      try {
        await this.writer.xgroup('CREATE', this.stream, group, '0', 'MKSTREAM');
      } catch (err) {
        if (!String((err as Error).message).includes('BUSYGROUP')) throw err;
      }
      groupExists = true;
    };
    // A broker down at start must not stop the process (its readiness says so): the loop
    // creates the group once the broker is back, and the group's log starts at 0 so nothing
    // recorded meanwhile is missed.
    await ensureGroup().catch(() => undefined);
    const consumer = `${os.hostname()}-${process.pid}-${randomUUID().slice(0, 8)}`;
    const handle = async (entries: StreamEntries) => {
      for (const [id, fields] of entries) {
        if (await deliver(handler, fields, this.log)) await this.writer.xack(this.stream, group, id);
      }
    };
    const done = (async () => {
      let lastClaim = 0;
      while (running() && !this.closed) {
        try {
          await ensureGroup();
          if (Date.now() - lastClaim > REDELIVER_AFTER_MS / 3) {
            lastClaim = Date.now();
            const claimed = (await reader.xautoclaim(this.stream, group, consumer, REDELIVER_AFTER_MS, '0-0', 'COUNT', 100)) as [string, StreamEntries];
            await handle(claimed[1] ?? []);
          }
          const batch = (await reader.xreadgroup('GROUP', group, consumer, 'COUNT', 100, 'BLOCK', BLOCK_MS, 'STREAMS', this.stream, '>')) as Array<[string, StreamEntries]> | null;
          await handle(batch?.[0]?.[1] ?? []);
        } catch {
          if (running()) await pause(500);
        }
      }
    })();
    return { done };
  }

  /**
   * Fails at once while the connection is down (no waiting in ioredis's offline queue, which
   * would hold a probe until its timeout); a PING otherwise, so a Redis that accepts
   * connections but does not answer fails too.
   */
  async ping(): Promise<void> {
    if (this.writer.status !== 'ready') throw new Error(`broker connection ${this.writer.status}`);
    await this.writer.ping();
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const reader of this.readers) reader.disconnect();
    this.readers.clear();
    this.writer.disconnect();
  }
}

/** Runs the handler on one stream entry; false when it failed (the entry stays pending). */
async function deliver(handler: EventHandler, fields: string[], log: ThrottledSink): Promise<boolean> {
  const data = fields[fields.indexOf('data') + 1];
  let event: PublishedEvent;
  try {
    event = JSON.parse(data) as PublishedEvent;
  } catch {
    return true; // not ours or corrupt: acknowledging it is the only way past it
  }
  try {
    await handler(event);
    return true;
  } catch (err) {
    const reason = (err as Error | null)?.message ?? String(err);
    log.throttle.error(log.log, `consumer|${event.event?.type}|${reason}`, { type: event.event?.type, eventId: event.id, reason }, 'event consumer failed');
    return false;
  }
}

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
