import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A slug path a rubric used to have: old links to it, and to its articles, keep redirecting. */
@Entity({ name: 'rubric_path_history' })
@Index('ix_rubric_path_history_rubric', ['rubricId'])
export class RubricPathHistory {
  @PrimaryColumn({ type: 'varchar', length: 500 })
  path: string;

  @Column({ type: 'int' })
  rubricId: number;

  @Column({ type: 'datetime', precision: 3 })
  retiredAt: Date;
}
