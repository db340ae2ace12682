import type { DataSource, EntityManager } from 'typeorm';
import { isDuplicateKey } from '../db/duplicate-key';
import { ConsumedEvent } from '../../entities/shared/consumed-event.entity';
import type { ContentEventSource } from './content-events';
import type { EventTransport } from './event-transport';

/**
 * Events for work done once per fleet (the audience change feed): every event reaches one
 * member of `group`, again after a crash until it is acknowledged, and an event already applied
 * (its id in `consumed_event`) is skipped, since the broker delivers at least once. A listener
 * with durable effects claims the event in the transaction of its change (`Delivery.claim`),
 * so a crash can neither apply it twice nor lose it; for a listener that does not (its effect
 * is idempotent), the id is recorded once it returns.
 */
export function durableSubscription(dataSource: DataSource, transport: EventTransport, group: string): ContentEventSource {
  return {
    subscribe(listener) {
      const subscribed = transport.subscribe(
        async (published) => {
          if (await dataSource.getRepository(ConsumedEvent).existsBy({ eventId: published.id })) return;
          let claimed = false;
          const claim = async (m: EntityManager): Promise<boolean> => {
            claimed = true;
            try {
              await m.insert(ConsumedEvent, { eventId: published.id, consumedAt: new Date() });
              return true;
            } catch (err) {
              if (isDuplicateKey(err)) return false;
              throw err;
            }
          };
          await listener(published.event, { eventId: published.id, claim });
          if (!claimed) await dataSource.createQueryBuilder().insert().into(ConsumedEvent).values({ eventId: published.id, consumedAt: new Date() }).orIgnore().execute();
        },
        { group },
      );
      return () => void subscribed.then((unsubscribe) => unsubscribe());
    },
  };
}
