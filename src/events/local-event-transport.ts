import type { EventHandler, EventTransport, PublishedEvent, SubscribeOptions } from './event-transport';
import { consoleSink, type ThrottledSink } from '../errors/log-throttle';

/**
 * The transport of a single process with no broker configured: events reach this process's
 * subscribers only, in order: every plain subscriber, and one member of each group (in turn),
 * as a broker's consumer groups would. A failing subscriber is logged and does not stop the
 * others; unlike a broker, nothing redelivers to it (a crash loses what this process alone
 * heard, and the outbox row is stamped as published).
 */
export class LocalEventTransport implements EventTransport {
  readonly name = 'local';
  private readonly everyone = new Set<EventHandler>();
  private readonly groups = new Map<string, { members: EventHandler[]; next: number }>();

  constructor(
    /** Where subscriber failures go, throttled: one failing on every event would flood it. */
    private readonly log: ThrottledSink = consoleSink(),
  ) {}

  async publish(events: PublishedEvent[]): Promise<void> {
    for (const event of events) {
      const handlers = [...this.everyone];
      for (const group of this.groups.values()) {
        if (!group.members.length) continue;
        handlers.push(group.members[group.next % group.members.length]);
        group.next += 1;
      }
      for (const handler of handlers) {
        try {
          await handler(event);
        } catch (err) {
          const reason = (err as Error | null)?.message ?? String(err);
          this.log.throttle.error(this.log.log, `subscriber|${event.event.type}|${reason}`, { type: event.event.type, eventId: event.id, err }, 'event subscriber failed');
        }
      }
    }
  }

  async subscribe(handler: EventHandler, options: SubscribeOptions = {}): Promise<() => Promise<void>> {
    if (!options.group) {
      this.everyone.add(handler);
      return async () => {
        this.everyone.delete(handler);
      };
    }
    const group = this.groups.get(options.group) ?? { members: [], next: 0 };
    this.groups.set(options.group, group);
    group.members.push(handler);
    return async () => {
      group.members = group.members.filter((h) => h !== handler);
    };
  }

  /** This process is its own broker: always there. */
  async ping(): Promise<void> {}

  async close(): Promise<void> {
    this.everyone.clear();
    this.groups.clear();
  }
}
