import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type FrontPageBlock = 'headline' | 'selection';

/**
 * One arrangement of a curated home-page block ("À la une", "Notre sélection"). The block
 * shows the latest arrangement whose `activeFrom` has come, so editors can prepare the
 * next front page ahead of time and the old ones stay as history.
 */
@Entity({ name: 'front_page_arrangement' })
@Index('ix_front_page_arrangement_block', ['block', 'activeFrom', 'id'])
export class FrontPageArrangement {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 20 })
  block: FrontPageBlock;

  @Column({ type: 'datetime', precision: 3 })
  activeFrom: Date;

  @Column({ type: 'datetime', precision: 3 })
  createdAt: Date;

  /** The editor's account (accounts subgraph id), when made through the admin API. */
  @Column({ type: 'int', nullable: true })
  createdByUserId: number | null;
}
