import { readSetting } from '../config/settings';
import { ContentEventBus } from './content-events';
import type { EventTransport } from './event-transport';
import { LocalEventTransport } from './local-event-transport';
import { RedisStreamTransport } from './redis-stream-transport';

/**
 * How content events reach the listeners of one process: the transport carries them between
 * processes (the outbox relays publish to it), and `bus` hands every event the process hears
 * to its local listeners (the response cache, the edge purge, the scheduler's timer). Durable,
 * once-per-fleet consumers (the audience change feed) subscribe to the transport with a group.
 */
export type EventChannels = {
  bus: ContentEventBus;
  transport: EventTransport;
  close(): Promise<void>;
};

/**
 * The channels of one process: Redis Streams when `EVENT_BROKER_URL` is set (every process of
 * the fleet hears every event), else this process alone.
 */
export async function createEventChannels(env: NodeJS.ProcessEnv = process.env): Promise<EventChannels> {
  const broker = readSetting('EVENT_BROKER_URL', env);
  const transport: EventTransport = broker ? new RedisStreamTransport(broker, readSetting('EVENT_STREAM', env) ?? 'newsroom:content-events') : new LocalEventTransport();
  const bus = new ContentEventBus();
  const unsubscribe = await transport.subscribe((published) => bus.emit(published.event));
  return {
    bus,
    transport,
    async close() {
      await unsubscribe();
      await transport.close();
    },
  };
}
