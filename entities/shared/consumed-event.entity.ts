import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The events a subgraph has already applied, by id, written in the same transaction as their
 * effect: a redelivered event (the broker delivers at least once) is recognised and skipped.
 */
@Entity({ name: 'consumed_event' })
export class ConsumedEvent {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  eventId: string;

  @Column({ type: 'datetime', precision: 3 })
  consumedAt: Date;
}
