import { In, type DataSource } from 'typeorm';
import type { Comment } from '../../entities/discussion/comment.entity';
import { CommentLike } from '../../entities/discussion/comment-like.entity';
import { CommentThread } from '../../entities/discussion/comment-thread.entity';
import type { RequestContext } from '../context/request-context';
import { objectRows } from '../db/driver-rows';
import { placeholders, readDate } from '../db/sql-values';
import { BatchScheduler } from '../graphql/batch-scheduler';
import { threadVisibilitySql } from './comment-policy';
import { COMMENT_COLUMNS_SQL, countCommentLevels, readCommentPages, toComment, type CommentLevel, type CommentPageRequest } from './comment-pages.repository';

const pageKey = (r: CommentPageRequest) =>
  `${r.scope}:${r.refId}:${r.order}:${r.limit}:${r.after ? `${r.after.likeCount}:${r.after.createdAt.getTime()}:${r.after.id}` : ''}`;

/**
 * The discussion subgraph's per-request loaders. The viewer is part of every answer that
 * depends on it (which pending comments show, what they liked), and the loaders live for
 * one request, so that is their key too. A home page's comment counts are one
 * `WHERE articleId IN (…)`; a thread page is one UNION ALL per level.
 */
export function createDiscussionLoaders(ds: DataSource, ctx: RequestContext, onBatch?: (size: number) => void) {
  const viewer = ctx.viewer;
  const scheduler = new BatchScheduler(onBatch);
  const rows = objectRows(ds);
  /** Comments by id whatever their status: callers apply the visibility rules. */
  const commentById = scheduler.loader<number, Comment | null>(async (ids) => {
    const found = await rows(
      `SELECT ${COMMENT_COLUMNS_SQL} FROM comment c WHERE c.id IN (${placeholders(ids.length)})`,
      ids as number[],
    );
    const byId = new Map(found.map((r) => [Number(r.id), toComment(r)]));
    return ids.map((id) => byId.get(id) ?? null);
  });
  return {
    /** A plain read: `findBy`'s query builder cost more CPU than the statement on an article page. */
    threadByArticle: scheduler.loader<number, CommentThread | null>(async (ids) => {
      const found = await rows(
        `SELECT articleId, approvedCount, closedAt, closedById, createdAt FROM comment_thread WHERE articleId IN (${placeholders(ids.length)})`,
        ids as number[],
      );
      const byId = new Map(found.map((r) => [Number(r.articleId), toThread(r)]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    commentById,
    /**
     * Pages of roots and of replies, as this viewer may see them; one statement per batch.
     * Every comment read is primed into `commentById`, so a reply's `inReplyTo` (its root,
     * or a reply on the same page) costs nothing more.
     */
    page: scheduler.loader<CommentPageRequest, Comment[], string>(
      async (requests) => {
        const pages = await readCommentPages(ds, requests as CommentPageRequest[], threadVisibilitySql(viewer));
        for (const comment of pages.flat()) commentById.prime(comment.id, comment);
        return pages;
      },
      { cacheKeyFn: pageKey },
    ),
    /** `totalCount` of levels (roots of articles, replies of roots) as this viewer sees them, one statement per batch. */
    levelCount: scheduler.loader<CommentLevel, number, string>(
      async (levels) => countCommentLevels(ds, levels as CommentLevel[], threadVisibilitySql(viewer)),
      { cacheKeyFn: (l) => `${l.scope}:${l.refId}` },
    ),
    /** Whether the signed-in viewer liked each comment; nothing is read for anyone else. */
    likedByViewer: scheduler.loader<number, boolean>(async (ids) => {
      if (viewer?.kind !== 'user') return ids.map(() => false);
      const rows = await ds.getRepository(CommentLike).findBy({ userId: viewer.userId, commentId: In(ids as number[]) });
      const liked = new Set(rows.map((r) => r.commentId));
      return ids.map((id) => liked.has(id));
    }),
  };
}

function toThread(row: Record<string, unknown>): CommentThread {
  return Object.assign(new CommentThread(), {
    articleId: Number(row.articleId),
    approvedCount: Number(row.approvedCount),
    closedAt: row.closedAt === null || row.closedAt === undefined ? null : readDate(row.closedAt),
    closedById: row.closedById === null || row.closedById === undefined ? null : Number(row.closedById),
    createdAt: readDate(row.createdAt),
  });
}

export type DiscussionLoaders = ReturnType<typeof createDiscussionLoaders>;
