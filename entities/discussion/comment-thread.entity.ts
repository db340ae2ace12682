import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The discussion under one article (editorial's Article id, never joined). The row appears
 * with the first comment or when a moderator closes the thread; no row means open and empty.
 * `approvedCount` changes in the same transaction as any comment status, so an article's
 * comment count is one primary-key read, and the counts of a whole home page one `IN (…)`.
 */
@Entity({ name: 'comment_thread' })
export class CommentThread {
  @PrimaryColumn({ type: 'int' })
  articleId: number;

  @Column({ type: 'int', default: 0 })
  approvedCount: number;

  /** When a moderator closed it; null while comments are accepted. */
  @Column({ type: 'datetime', precision: 3, nullable: true })
  closedAt: Date | null;

  @Column({ type: 'int', nullable: true })
  closedById: number | null;

  @Column({ type: 'datetime', precision: 3 })
  createdAt: Date;
}
