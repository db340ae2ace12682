import { randomUUID } from 'node:crypto';
import { RedisStreamTransport } from '../../src/events/redis-stream-transport';
import type { PublishedEvent } from '../../src/events/event-transport';
import { closedPort, relayTo } from '../support/tcp-relay';

const redisUrl = process.env.TEST_REDIS_URL;

async function eventually(done: () => boolean | Promise<boolean>): Promise<void> {
  while (!(await done())) await new Promise((resolve) => setTimeout(resolve, 50));
}

/** Processes start while the broker is down (a fleet restarting together) and catch up once it is back. */
(redisUrl ? describe : describe.skip)('Redis Streams transport with its broker down at start', () => {
  it('subscribes (fan-out and a durable group) without the broker, pings fail, and events flow once it is back', async () => {
    const port = await closedPort();
    const stream = `newsroom:test:${randomUUID()}`;
    const transport = new RedisStreamTransport(`redis://127.0.0.1:${port}`, stream);
    const fanOut: string[] = [];
    const grouped: string[] = [];
    const stopFanOut = await transport.subscribe(async (e) => void fanOut.push(e.id));
    const stopGroup = await transport.subscribe(async (e) => void grouped.push(e.id), { group: `feed-${randomUUID()}` });
    await expect(transport.ping()).rejects.toThrow(/broker connection/);

    const relay = await relayTo(port, new URL(redisUrl!));
    try {
      await eventually(() => transport.ping().then(() => true, () => false));
      const event: PublishedEvent = { id: randomUUID(), source: 'test', occurredAt: new Date().toISOString(), event: { type: 'article.published', articleId: 1 } };
      // The fan-out reader starts from the stream's end once connected: publish until it is listening.
      await transport.publish([event]);
      await eventually(() => grouped.length > 0);
      expect(grouped).toEqual([event.id]);
      await eventually(async () => {
        if (fanOut.length) return true;
        await transport.publish([{ ...event, id: randomUUID() }]);
        return false;
      });
    } finally {
      await stopFanOut();
      await stopGroup();
      await transport.close();
      await relay.close();
    }
  });
});
