import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A signed-in reader flagging a comment. One per reader and comment, so reporters are distinct by construction. */
@Entity({ name: 'comment_report' })
@Index('uq_comment_report', ['commentId', 'reporterUserId'], { unique: true })
export class CommentReport {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  commentId: number;

  @Column({ type: 'int' })
  reporterUserId: number;

  @Column({ type: 'varchar', length: 300, nullable: true })
  reason: string | null;

  @Column({ type: 'datetime', precision: 3 })
  createdAt: Date;
}
