import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { OUTBOX_EVENT } from '../../entities/shared/outbox-event.entity';
import { closeDatabases, openDatabases } from '../../src/app/open-databases';
import { EventOutbox, recordEvent } from '../../src/events/event-outbox';
import type { EventTransport, PublishedEvent } from '../../src/events/event-transport';
import { LocalEventTransport } from '../../src/events/local-event-transport';
import { RedisStreamTransport } from '../../src/events/redis-stream-transport';
import { discussionSubgraph } from '../../src/subgraphs/discussion.subgraph';
import { backends, scratchTargets } from '../support/backends';

const transports: Array<[string, (() => EventTransport) | null]> = [
  ['local', () => new LocalEventTransport()],
  ['redis streams', process.env.TEST_REDIS_URL ? () => new RedisStreamTransport(process.env.TEST_REDIS_URL!, `newsroom:test:${randomUUID()}`) : null],
];

async function eventually(check: () => boolean, ms = 10_000): Promise<void> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe.each(backends())('transactional outbox (%s)', (backend) => {
  let ds: DataSource;
  let dataSources: Map<string, DataSource>;
  let scratch: ReturnType<typeof scratchTargets>;

  beforeAll(async () => {
    scratch = scratchTargets(backend, 'outbox', ['discussion']);
    await scratch.cleanup();
    dataSources = await openDatabases([discussionSubgraph], { targets: scratch.targets });
    ds = dataSources.get('discussion')!;
  });
  afterAll(async () => {
    await closeDatabases(dataSources);
    await scratch.cleanup();
  });

  describe.each(transports)('through the %s transport', (_name, makeTransport) => {
    const run = makeTransport ? it : it.skip;

    run('publishes committed events once each, in order, and never a rolled-back one', async () => {
      const transport = makeTransport!();
      const received: PublishedEvent[] = [];
      const unsubscribe = await transport.subscribe(async (e) => {
        received.push(e);
      });
      const outbox = new EventOutbox(ds, 'discussion', transport, 50);
      outbox.start();
      try {
        for (let articleId = 1; articleId <= 5; articleId += 1) {
          await ds.transaction((m) => recordEvent(m, { type: 'comment.approved', articleId }));
        }
        await expect(
          ds.transaction(async (m) => {
            await recordEvent(m, { type: 'comment.removed', articleId: 99 });
            throw new Error('rolled back');
          }),
        ).rejects.toThrow('rolled back');
        await eventually(() => received.length >= 5);
        await outbox.drain();
        await new Promise((r) => setTimeout(r, 200));
        expect(received.map((e) => e.event)).toEqual([1, 2, 3, 4, 5].map((articleId) => ({ type: 'comment.approved', articleId })));
        expect(new Set(received.map((e) => e.id)).size).toBe(5);
        expect(received.every((e) => e.source === 'discussion')).toBe(true);
        expect(await outbox.pending()).toBe(0);
      } finally {
        await outbox.stop();
        await unsubscribe();
        await transport.close();
        await ds.getRepository(OUTBOX_EVENT).clear();
      }
    });

    run('relays what was recorded while no relay ran (a crash after commit loses nothing)', async () => {
      const transport = makeTransport!();
      const received: PublishedEvent[] = [];
      const unsubscribe = await transport.subscribe(async (e) => {
        received.push(e);
      });
      // Recorded by an instance that died before relaying: no relay started on this outbox.
      const crashed = new EventOutbox(ds, 'discussion', transport, 50);
      await ds.transaction((m) => recordEvent(m, { type: 'comment.thread.changed', articleId: 7 }));
      expect(await crashed.pending()).toBe(1);
      const restarted = new EventOutbox(ds, 'discussion', transport, 50);
      restarted.start();
      try {
        await eventually(() => received.length === 1);
        expect(received[0].event).toEqual({ type: 'comment.thread.changed', articleId: 7 });
      } finally {
        await restarted.stop();
        await unsubscribe();
        await transport.close();
        await ds.getRepository(OUTBOX_EVENT).clear();
      }
    });
  });
});
