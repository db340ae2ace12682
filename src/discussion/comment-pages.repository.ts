import type { DataSource, EntityManager } from 'typeorm';
import { Comment } from '../../entities/discussion/comment.entity';
import { objectRows } from '../db/driver-rows';
import { placeholders, readDate, sqlDate } from '../db/sql-values';

export type CommentOrder = 'newest' | 'oldest' | 'most_liked';

/** Where a keyset page resumes: the sort key of the last comment of the previous page. */
export type CommentCursor = { likeCount: number; createdAt: Date; id: number };

/** One page of one level: the roots of an article, or the replies of a root. */
export type CommentPageRequest = {
  scope: 'article' | 'replies';
  /** The article id (roots) or the root comment id (replies). */
  refId: number;
  order: CommentOrder;
  limit: number;
  after: CommentCursor | null;
};

type Db = DataSource | EntityManager;

const COLUMNS = [
  'id',
  'articleId',
  'parentId',
  'inReplyToId',
  'authorUserId',
  'guestName',
  'guestEmail',
  'authorIp',
  'body',
  'fingerprint',
  'status',
  'likeCount',
  'replyCount',
  'reportCount',
  'createdAt',
  'editedAt',
  'moderatedAt',
  'deletedAt',
] as const;

export const COMMENT_COLUMNS_SQL = COLUMNS.map((c) => `c.${c}`).join(', ');

const ORDER_BY: Record<CommentOrder, string> = {
  newest: 'c.createdAt DESC, c.id DESC',
  oldest: 'c.createdAt ASC, c.id ASC',
  most_liked: 'c.likeCount DESC, c.createdAt DESC, c.id DESC',
};

/** Rows after the cursor in the page's order; the index (…, createdAt, id) or (…, likeCount, createdAt, id) serves it. */
function keyset(db: Db, order: CommentOrder, after: CommentCursor): { sql: string; params: unknown[] } {
  const at = sqlDate(db, after.createdAt);
  if (order === 'oldest') return { sql: '(c.createdAt > ? OR (c.createdAt = ? AND c.id > ?))', params: [at, at, after.id] };
  const byTime = '(c.createdAt < ? OR (c.createdAt = ? AND c.id < ?))';
  if (order === 'newest') return { sql: byTime, params: [at, at, after.id] };
  return { sql: `(c.likeCount < ? OR (c.likeCount = ? AND ${byTime}))`, params: [after.likeCount, after.likeCount, at, at, after.id] };
}

export function compareComments(order: CommentOrder): (a: Comment, b: Comment) => number {
  const time = (a: Comment, b: Comment) => a.createdAt.getTime() - b.createdAt.getTime() || a.id - b.id;
  if (order === 'oldest') return time;
  if (order === 'newest') return (a, b) => -time(a, b);
  return (a, b) => b.likeCount - a.likeCount || -time(a, b);
}

export function scopeSql(scope: CommentPageRequest['scope']): string {
  return scope === 'article' ? 'c.articleId = ? AND c.parentId IS NULL' : 'c.parentId = ?';
}

/**
 * Many comment pages in one statement: a UNION ALL of per-level index range scans, each
 * stopping at its LIMIT, so a thread page costs the same whether a level holds ten comments
 * or ten thousand. `visibility` is the viewer's filter (comment-policy.ts), alias `c`.
 */
export async function readCommentPages(
  db: DataSource,
  requests: CommentPageRequest[],
  visibility: { sql: string; params: unknown[] },
): Promise<Comment[][]> {
  if (!requests.length) return [];
  const parts: string[] = [];
  const params: unknown[] = [];
  requests.forEach((req, i) => {
    let where = `${scopeSql(req.scope)} AND ${visibility.sql}`;
    params.push(req.refId, ...visibility.params);
    if (req.after) {
      const k = keyset(db, req.order, req.after);
      where += ` AND ${k.sql}`;
      params.push(...k.params);
    }
    parts.push(
      `SELECT * FROM (SELECT ${i} AS q, ${COMMENT_COLUMNS_SQL} FROM comment c WHERE ${where} ` +
        `ORDER BY ${ORDER_BY[req.order]} LIMIT ${Math.max(0, Math.floor(req.limit))}) AS t${i}`,
    );
  });
  const rows = await objectRows(db)(parts.join(' UNION ALL '), params);
  const pages: Comment[][] = requests.map(() => []);
  for (const row of rows) pages[Number(row.q)].push(toComment(row));
  requests.forEach((req, i) => pages[i].sort(compareComments(req.order)));
  return pages;
}

export type CommentLevel = { scope: CommentPageRequest['scope']; refId: number };

/**
 * Sizes of many levels as a viewer sees them (only when a client selects `totalCount`), in
 * the order asked: one grouped count per scope, both in one statement.
 */
export async function countCommentLevels(db: Db, levels: CommentLevel[], visibility: { sql: string; params: unknown[] }): Promise<number[]> {
  if (!levels.length) return [];
  const parts: string[] = [];
  const params: unknown[] = [];
  for (const scope of ['article', 'replies'] as const) {
    const refIds = [...new Set(levels.filter((l) => l.scope === scope).map((l) => l.refId))];
    if (!refIds.length) continue;
    const column = scope === 'article' ? 'c.articleId' : 'c.parentId';
    const roots = scope === 'article' ? ' AND c.parentId IS NULL' : '';
    parts.push(
      `SELECT '${scope}' AS scope, ${column} AS refId, COUNT(*) AS n FROM comment c ` +
        `WHERE ${column} IN (${placeholders(refIds.length)})${roots} AND ${visibility.sql} GROUP BY ${column}`,
    );
    params.push(...refIds, ...visibility.params);
  }
  const rows: Array<{ scope: string; refId: number | string; n: number | string }> = await db.query(parts.join(' UNION ALL '), params);
  const counts = new Map(rows.map((r) => [`${r.scope}:${Number(r.refId)}`, Number(r.n)]));
  return levels.map((l) => counts.get(`${l.scope}:${l.refId}`) ?? 0);
}

const nullableNumber = (v: unknown) => (v === null || v === undefined ? null : Number(v));
const nullableDate = (v: unknown) => (v === null || v === undefined ? null : readDate(v));

/** A raw `comment` row (either driver) as the entity. */
export function toComment(row: Record<string, unknown>): Comment {
  return Object.assign(new Comment(), {
    id: Number(row.id),
    articleId: Number(row.articleId),
    parentId: nullableNumber(row.parentId),
    inReplyToId: nullableNumber(row.inReplyToId),
    authorUserId: nullableNumber(row.authorUserId),
    guestName: (row.guestName as string | null) ?? null,
    guestEmail: (row.guestEmail as string | null) ?? null,
    authorIp: String(row.authorIp ?? ''),
    body: String(row.body ?? ''),
    fingerprint: String(row.fingerprint),
    status: row.status as Comment['status'],
    likeCount: Number(row.likeCount),
    replyCount: Number(row.replyCount),
    reportCount: Number(row.reportCount),
    createdAt: readDate(row.createdAt),
    editedAt: nullableDate(row.editedAt),
    moderatedAt: nullableDate(row.moderatedAt),
    deletedAt: nullableDate(row.deletedAt),
  });
}
