import type { EventHandler, EventTransport, PublishedEvent } from './event-transport';

/**
 * The transport of a single process with no broker configured: events reach this process's
 * subscribers only, in order. A failing subscriber is logged and does not stop the others;
 * the outbox row is published all the same (the same at-least-once promise as the broker
 * cannot hold in one process once the row is stamped, so subscribers here must not fail on
 * transient errors they could retry: they retry themselves or log).
 */
export class LocalEventTransport implements EventTransport {
  readonly name = 'local';
  private readonly handlers = new Set<EventHandler>();

  async publish(events: PublishedEvent[]): Promise<void> {
    for (const event of events) {
      for (const handler of [...this.handlers]) {
        try {
          await handler(event);
        } catch (err) {
          console.error('[events] subscriber failed for', event.event.type, event.id, err);
        }
      }
    }
  }

  async subscribe(handler: EventHandler): Promise<() => Promise<void>> {
    this.handlers.add(handler);
    return async () => {
      this.handlers.delete(handler);
    };
  }

  async close(): Promise<void> {
    this.handlers.clear();
  }
}
