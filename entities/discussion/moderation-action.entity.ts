import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type ModerationActionKind = 'approve' | 'reject' | 'spam' | 'auto_hide' | 'ban' | 'lift_ban' | 'close_thread' | 'reopen_thread';

/**
 * The moderation record: who did what to which comment or thread, and when. One row per
 * comment affected (a bulk approval of ten comments writes ten rows in one statement), so
 * a comment's history is an index read. `moderatorId` is null when the system acted (a
 * comment hidden by readers' reports).
 */
@Entity({ name: 'moderation_action' })
@Index('ix_moderation_action_comment', ['commentId', 'id'])
@Index('ix_moderation_action_article', ['articleId', 'id'])
export class ModerationAction {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int', nullable: true })
  moderatorId: number | null;

  @Column({ type: 'varchar', length: 20 })
  action: ModerationActionKind;

  @Column({ type: 'int', nullable: true })
  commentId: number | null;

  @Column({ type: 'int', nullable: true })
  articleId: number | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  fromStatus: string | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  toStatus: string | null;

  @Column({ type: 'int', nullable: true })
  banId: number | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  reason: string | null;

  @Column({ type: 'datetime', precision: 3 })
  createdAt: Date;
}
