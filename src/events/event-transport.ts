import type { ContentEvent } from './content-events';

/** An event as it travels between processes: the outbox row's id, where it came from, when. */
export type PublishedEvent = { id: string; source: string; occurredAt: string; event: ContentEvent };

export type EventHandler = (published: PublishedEvent) => Promise<void>;

export type SubscribeOptions = {
  /**
   * A durable consumer group: each event goes to one member of the group, and survives the
   * group's absence (a subgraph restarting catches up). Used for work done once per fleet (the
   * audience change feed).
   */
  group?: string;
};

/**
 * How events leave the process that committed them. Without a broker the transport is this
 * process alone; with one, every process of the fleet hears every event.
 */
export interface EventTransport {
  readonly name: string;
  publish(events: PublishedEvent[]): Promise<void>;
  /**
   * Without `group`, every subscriber in every process gets every event from now on (caches
   * purging themselves); with one, see SubscribeOptions. Resolves once the subscription is live.
   */
  subscribe(handler: EventHandler, options?: SubscribeOptions): Promise<() => Promise<void>>;
  /** Resolves while the broker answers; rejects at once while it is unreachable (readiness). */
  ping(): Promise<void>;
  close(): Promise<void>;
}
