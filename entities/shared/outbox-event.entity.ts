import { EntitySchema } from 'typeorm';

/**
 * An event a subgraph emits, written in the same transaction as the change it describes (the
 * transactional outbox): a change that committed always has its event, and an event is never
 * published for a change that rolled back. A relay publishes unpublished rows to the broker
 * in id order and stamps them.
 */
export type OutboxEvent = {
  id: number;
  /** Globally unique; consumers de-duplicate on it (delivery is at least once). */
  eventId: string;
  type: string;
  /** The event as JSON. */
  payload: string;
  occurredAt: Date;
  publishedAt: Date | null;
};

/** The entity's name in every emitting subgraph's data source: `manager.getRepository(OUTBOX_EVENT)`. */
export const OUTBOX_EVENT = 'OutboxEvent';

/**
 * The outbox table of one emitting subgraph, named after it (`editorial_outbox_event`,
 * `discussion_outbox_event`): each subgraph owns its tables, and the table names stay apart
 * when the subgraphs share one MySQL database (a single `DATABASE_URL`). A schema rather than
 * a decorated class because one class cannot carry two table names; within a data source
 * the entity is always found by the same name.
 */
export function outboxEventEntity(subgraph: 'editorial' | 'discussion'): EntitySchema<OutboxEvent> {
  return new EntitySchema<OutboxEvent>({
    name: OUTBOX_EVENT,
    tableName: `${subgraph}_outbox_event`,
    columns: {
      id: { type: 'int', primary: true, generated: 'increment' },
      eventId: { type: 'varchar', length: 36 },
      type: { type: 'varchar', length: 64 },
      payload: { type: 'text' },
      occurredAt: { type: 'datetime', precision: 3 },
      publishedAt: { type: 'datetime', precision: 3, nullable: true },
    },
    indices: [
      { name: 'uq_outbox_event_event_id', columns: ['eventId'], unique: true },
      { name: 'ix_outbox_event_pending', columns: ['publishedAt', 'id'] },
    ],
  });
}
