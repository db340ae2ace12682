import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Where a comment stands in moderation. Only `approved` comments count and show to everyone. */
export type CommentStatus = 'pending' | 'approved' | 'rejected' | 'spam' | 'deleted';

/**
 * A reader's comment under an article. Threads have two levels, as in Ghost: `parentId` is
 * the root comment of the thread (null for a root) and `inReplyToId` the comment answered,
 * which may be the root or another reply of the same root. A deleted comment keeps its row
 * (body wiped, status `deleted`) so that it still anchors its replies.
 *
 * `articleId` and `authorUserId` are ids of other subgraphs' entities (editorial's Article,
 * accounts' User): never joined, resolved through federation.
 */
@Entity({ name: 'comment' })
@Index('ix_comment_article_newest', ['articleId', 'parentId', 'createdAt', 'id'])
@Index('ix_comment_article_liked', ['articleId', 'parentId', 'likeCount', 'createdAt', 'id'])
@Index('ix_comment_replies', ['parentId', 'createdAt', 'id'])
@Index('ix_comment_queue', ['status', 'createdAt', 'id'])
@Index('ix_comment_author', ['authorUserId', 'status'])
@Index('ix_comment_guest', ['guestEmail', 'status'])
@Index('uq_comment_fingerprint', ['articleId', 'fingerprint'], { unique: true })
export class Comment {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  articleId: number;

  /** The root comment of the thread; null for a root. */
  @Column({ type: 'int', nullable: true })
  parentId: number | null;

  /** The comment answered (the root itself for a direct reply); null for a root. */
  @Column({ type: 'int', nullable: true })
  inReplyToId: number | null;

  /** The signed-in author (accounts' User id); null for a guest. */
  @Column({ type: 'int', nullable: true })
  authorUserId: number | null;

  @Column({ type: 'varchar', length: 80, nullable: true })
  guestName: string | null;

  /** A guest's address, lower-cased: for moderators and bans, never shown to readers. */
  @Column({ type: 'varchar', length: 254, nullable: true })
  guestEmail: string | null;

  /** The client address it was posted from, for per-address bans of guests. Never shown. */
  @Column({ type: 'varchar', length: 45 })
  authorIp: string;

  /** Sanitised plain text: no markup at all (see comment-text.ts); empty once deleted. */
  @Column({ type: 'text' })
  body: string;

  /**
   * SHA-256 of the author and the normalised text, unique per article: the same person
   * cannot post the same comment twice, even with two requests racing. Deleting a comment
   * sets it to `deleted:<id>`, which frees the text.
   */
  @Column({ type: 'varchar', length: 64 })
  fingerprint: string;

  @Column({ type: 'varchar', length: 16 })
  status: CommentStatus;

  @Column({ type: 'int', default: 0 })
  likeCount: number;

  /** Approved replies of a root (always 0 on replies), kept in the transaction that changes a status. */
  @Column({ type: 'int', default: 0 })
  replyCount: number;

  /** Reports since a moderator last approved it; at the threshold the comment is hidden. */
  @Column({ type: 'int', default: 0 })
  reportCount: number;

  @Column({ type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  editedAt: Date | null;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  moderatedAt: Date | null;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  deletedAt: Date | null;
}
