import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** One signed-in reader liking one comment; `comment.likeCount` is recounted from these rows. */
@Entity({ name: 'comment_like' })
@Index('ix_comment_like_user', ['userId'])
export class CommentLike {
  @PrimaryColumn({ type: 'int' })
  commentId: number;

  @PrimaryColumn({ type: 'int' })
  userId: number;

  @Column({ type: 'datetime', precision: 3 })
  createdAt: Date;
}
