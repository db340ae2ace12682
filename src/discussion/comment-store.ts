import type { DataSource, EntityManager } from 'typeorm';
import type { Comment, CommentStatus } from '../../entities/discussion/comment.entity';
import { CommentThread } from '../../entities/discussion/comment-thread.entity';
import { ModerationAction } from '../../entities/discussion/moderation-action.entity';
import { isMysql } from '../db/data-source';
import { placeholders } from '../db/sql-values';
import { COMMENT_COLUMNS_SQL, toComment } from './comment-pages.repository';

/*
 * Writes shared by the discussion services, always inside the caller's transaction.
 */

/** A status change (or, with `from` null, a new comment) as far as the counts are concerned. */
export type StatusMove = { articleId: number; parentId: number | null; from: CommentStatus | null; to: CommentStatus };

/**
 * Keeps the denormalised counts true: `comment_thread.approvedCount` (every approved comment
 * of an article) and `comment.replyCount` of a root (its approved replies). Run in the
 * transaction that changes the statuses, so a count never disagrees with the rows.
 */
export async function applyApprovalDeltas(m: EntityManager, moves: StatusMove[]): Promise<void> {
  const byArticle = new Map<number, number>();
  const byRoot = new Map<number, number>();
  for (const move of moves) {
    const delta = Number(move.to === 'approved') - Number(move.from === 'approved');
    if (!delta) continue;
    byArticle.set(move.articleId, (byArticle.get(move.articleId) ?? 0) + delta);
    if (move.parentId !== null) byRoot.set(move.parentId, (byRoot.get(move.parentId) ?? 0) + delta);
  }
  for (const [articleId, delta] of byArticle) {
    if (delta) await m.query('UPDATE comment_thread SET approvedCount = approvedCount + ? WHERE articleId = ?', [delta, articleId]);
  }
  for (const [rootId, delta] of byRoot) {
    if (delta) await m.query('UPDATE comment SET replyCount = replyCount + ? WHERE id = ?', [delta, rootId]);
  }
}

/** The thread row of an article, created open and empty if missing (two posters racing both succeed). */
export async function ensureThread(m: EntityManager, articleId: number, now: Date): Promise<void> {
  await m
    .createQueryBuilder()
    .insert()
    .into(CommentThread)
    .values({ articleId, approvedCount: 0, closedAt: null, closedById: null, createdAt: now })
    .orIgnore()
    .execute();
}

/** Comments by id, locked on MySQL until the transaction ends (SQLite serialises writers anyway). */
export async function lockComments(m: EntityManager, ids: number[]): Promise<Comment[]> {
  if (!ids.length) return [];
  const lock = isMysql(m.connection) ? ' FOR UPDATE' : '';
  const rows: Array<Record<string, unknown>> = await m.query(`SELECT ${COMMENT_COLUMNS_SQL} FROM comment c WHERE c.id IN (${placeholders(ids.length)})${lock}`, ids);
  return rows.map(toComment);
}

/** Approved and spam comments of a signed-in commenter: what trust is decided on (comment-policy.ts). */
export async function commenterHistory(db: DataSource | EntityManager, userId: number): Promise<{ approved: number; spam: number }> {
  const rows: Array<{ approved: number | string | null; spam: number | string | null }> = await db.query(
    `SELECT SUM(CASE WHEN status = 'approved' THEN 1 ELSE 0 END) AS approved, SUM(CASE WHEN status = 'spam' THEN 1 ELSE 0 END) AS spam
     FROM comment WHERE authorUserId = ?`,
    [userId],
  );
  return { approved: Number(rows[0]?.approved ?? 0), spam: Number(rows[0]?.spam ?? 0) };
}

export async function recordModeration(m: EntityManager, rows: Array<Omit<ModerationAction, 'id'>>): Promise<void> {
  if (rows.length) await m.getRepository(ModerationAction).insert(rows);
}

