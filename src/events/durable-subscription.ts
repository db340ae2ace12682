import type { DataSource } from 'typeorm';
import { ConsumedEvent } from '../../entities/shared/consumed-event.entity';
import type { ContentEventSource } from './content-events';
import type { EventTransport } from './event-transport';

/**
 * Events for work done once per fleet (the audience change feed): every event reaches one
 * member of `group`, again after a crash until it is acknowledged, and an event already applied
 * (its id in `consumed_event`) is skipped, since the broker delivers at least once. The id is
 * written after the listener succeeds: a crash between the two applies that event twice, the
 * only duplicate left, where the reverse order would lose it.
 */
export function durableSubscription(dataSource: DataSource, transport: EventTransport, group: string): ContentEventSource {
  return {
    subscribe(listener) {
      const subscribed = transport.subscribe(
        async (published) => {
          if (await dataSource.getRepository(ConsumedEvent).existsBy({ eventId: published.id })) return;
          await listener(published.event);
          await dataSource.createQueryBuilder().insert().into(ConsumedEvent).values({ eventId: published.id, consumedAt: new Date() }).orIgnore().execute();
        },
        { group },
      );
      return () => void subscribed.then((unsubscribe) => unsubscribe());
    },
  };
}
