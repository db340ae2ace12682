import type { DataSource } from 'typeorm';
import { createDataSource, migrateDataSource } from '../../src/db/data-source';
import { durableSubscription } from '../../src/events/durable-subscription';
import type { ContentEvent } from '../../src/events/content-events';
import { LocalEventTransport } from '../../src/events/local-event-transport';
import { LogThrottle } from '../../src/errors/log-throttle';
import { subgraphList } from '../../src/subgraphs/subgraph-modules';
import { backends, scratchTargets } from '../support/backends';

const failures: string[] = [];
const quiet = () => ({ log: { error: (_: object, message: string) => void failures.push(message), warn: () => undefined }, throttle: new LogThrottle() });

describe.each(backends())('a durable subscription (%s)', (backend) => {
  const scratch = scratchTargets(backend, 'durable_subscription', ['audience']);
  let ds: DataSource;

  beforeAll(async () => {
    await scratch.cleanup();
    const mod = subgraphList().find((m) => m.name === 'audience')!;
    ds = await createDataSource({ subgraph: 'audience', entities: mod.entities, migrations: mod.migrations, target: scratch.targets.audience });
    await migrateDataSource(ds);
    await ds.query(`INSERT INTO audience_sequence (name, lastValue) VALUES ('applied', 0)`);
  });

  afterAll(async () => {
    await ds?.destroy();
    await scratch.cleanup();
  });

  const applied = async () => Number((await ds.query(`SELECT lastValue FROM audience_sequence WHERE name = 'applied'`))[0].lastValue);

  it('applies an event once when the listener fails after its change committed and the event comes again', async () => {
    const transport = new LocalEventTransport(quiet());
    let crashes = 1;
    durableSubscription(ds, transport, 'feed').subscribe(async (_event, delivery) => {
      await ds.transaction(async (m) => {
        if (!(await delivery!.claim(m))) return;
        await m.query(`UPDATE audience_sequence SET lastValue = lastValue + 1 WHERE name = 'applied'`);
      });
      // The process dies after the change committed, before the broker heard back: the broker
      // delivers the event again (here, the relay publishes it a second time).
      if (crashes-- > 0) throw new Error('crashed after commit');
    });
    const event = { id: 'e0c1d2f3-0000-4000-8000-000000000001', source: 'editorial', occurredAt: new Date().toISOString(), event: { type: 'article.published', articleId: 7 } as ContentEvent };
    await transport.publish([event]);
    await transport.publish([event]);
    await transport.publish([event]);
    expect(await applied()).toBe(1);
    expect(await ds.query(`SELECT eventId FROM consumed_event WHERE eventId = ?`, [event.id])).toHaveLength(1);
  });

  it('leaves no mark when the listener’s transaction rolls back, so the next delivery applies it', async () => {
    const transport = new LocalEventTransport(quiet());
    const before = await applied();
    let failing = 1;
    durableSubscription(ds, transport, 'feed').subscribe(async (_event, delivery) => {
      await ds.transaction(async (m) => {
        if (!(await delivery!.claim(m))) return;
        await m.query(`UPDATE audience_sequence SET lastValue = lastValue + 1 WHERE name = 'applied'`);
        if (failing-- > 0) throw new Error('failed before commit');
      });
    });
    const event = { id: 'e0c1d2f3-0000-4000-8000-000000000002', source: 'editorial', occurredAt: new Date().toISOString(), event: { type: 'article.updated', articleId: 8 } as ContentEvent };
    await transport.publish([event]);
    expect(await applied()).toBe(before);
    await transport.publish([event]);
    expect(await applied()).toBe(before + 1);
  });
});
