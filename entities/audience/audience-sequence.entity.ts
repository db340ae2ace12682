import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Named counters. Incrementing one locks its row until the transaction ends, which is the
 * point: transactions that take a number commit in the order of their numbers.
 */
@Entity({ name: 'audience_sequence' })
export class AudienceSequence {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  name: string;

  @Column({ type: 'bigint', default: 0 })
  lastValue: number;
}
