import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * An event a subgraph emits, written in the same transaction as the change it describes (the
 * transactional outbox): a change that committed always has its event, and an event is never
 * published for a change that rolled back. A relay publishes unpublished rows to the broker
 * in id order and stamps them. Each emitting subgraph has this table in its own database.
 */
@Entity({ name: 'outbox_event' })
@Index('ix_outbox_event_pending', ['publishedAt', 'id'])
export class OutboxEvent {
  @PrimaryGeneratedColumn()
  id: number;

  /** Globally unique; consumers de-duplicate on it (delivery is at least once). */
  @Index('uq_outbox_event_event_id', { unique: true })
  @Column({ type: 'varchar', length: 36 })
  eventId: string;

  @Column({ type: 'varchar', length: 64 })
  type: string;

  /** The event as JSON. */
  @Column({ type: 'text' })
  payload: string;

  @Column({ type: 'datetime', precision: 3 })
  occurredAt: Date;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  publishedAt: Date | null;
}
