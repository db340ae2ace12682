import type { Comment, CommentStatus } from '../../entities/discussion/comment.entity';
import { ModerationAction } from '../../entities/discussion/moderation-action.entity';
import type { RequestContext } from '../context/request-context';
import { placeholders, sqlDate } from '../db/sql-values';
import { ConnectionPage, decodeCursor, encodeCursor, pageSize } from '../graphql/connection';
import { COMMENT_COLUMNS_SQL, toComment } from './comment-pages.repository';
import type { DiscussionRuntime } from './discussion-runtime';
import { requireModerator } from './moderation.service';

export type QueueFilter = {
  statuses: CommentStatus[];
  articleId?: number | null;
  authorUserId?: number | null;
  guestEmail?: string | null;
};

export type LogFilter = { commentId?: number | null; articleId?: number | null };

/**
 * What moderators read: the queue (oldest first, so nothing waits for ever behind newer
 * comments) and the moderation record (newest first). Both keyset-paginated.
 */
export class ModerationReadService {
  constructor(
    private readonly rt: DiscussionRuntime,
    private readonly ctx: RequestContext,
  ) {}

  private get ds() {
    return this.rt.dataSource;
  }

  async queue(filter: QueueFilter, first?: number | null, after?: string | null): Promise<ConnectionPage<Comment>> {
    requireModerator(this.ctx);
    const limit = pageSize(first);
    const statuses = filter.statuses.length ? [...new Set(filter.statuses)] : (['pending'] as CommentStatus[]);
    let where = `c.status IN (${placeholders(statuses.length)})`;
    const params: unknown[] = [...statuses];
    if (filter.articleId) {
      where += ' AND c.articleId = ?';
      params.push(filter.articleId);
    }
    if (filter.authorUserId) {
      where += ' AND c.authorUserId = ?';
      params.push(filter.authorUserId);
    }
    if (filter.guestEmail) {
      where += ' AND c.guestEmail = ?';
      params.push(filter.guestEmail.trim().toLowerCase());
    }
    const filtered = { where, params: [...params] };
    if (after) {
      const [time, id] = decodeCursor(after, ['number', 'number']) as number[];
      const at = sqlDate(this.ds, new Date(time));
      where += ' AND (c.createdAt > ? OR (c.createdAt = ? AND c.id > ?))';
      params.push(at, at, id);
    }
    const rows: Array<Record<string, unknown>> = await this.ds.query(
      `SELECT ${COMMENT_COLUMNS_SQL} FROM comment c WHERE ${where} ORDER BY c.createdAt ASC, c.id ASC LIMIT ${limit + 1}`,
      params,
    );
    const comments = rows.map(toComment);
    const edges = comments.slice(0, limit).map((node) => ({ cursor: encodeCursor([node.createdAt.getTime(), node.id]), node }));
    const count = async () => {
      const [row] = await this.ds.query(`SELECT COUNT(*) AS n FROM comment c WHERE ${filtered.where}`, filtered.params);
      return Number(row?.n ?? 0);
    };
    return new ConnectionPage(edges, comments.length > limit, count, Boolean(after));
  }

  async log(filter: LogFilter, first?: number | null, after?: string | null): Promise<ConnectionPage<ModerationAction>> {
    requireModerator(this.ctx);
    const limit = pageSize(first);
    const qb = this.ds.getRepository(ModerationAction).createQueryBuilder('a');
    if (filter.commentId) qb.andWhere('a.commentId = :commentId', { commentId: filter.commentId });
    if (filter.articleId) qb.andWhere('a.articleId = :articleId', { articleId: filter.articleId });
    const counter = qb.clone();
    if (after) qb.andWhere('a.id < :afterId', { afterId: decodeCursor(after, ['number'])[0] });
    const rows = await qb.orderBy('a.id', 'DESC').limit(limit + 1).getMany();
    const edges = rows.slice(0, limit).map((node) => ({ cursor: encodeCursor([node.id]), node }));
    return new ConnectionPage(edges, rows.length > limit, () => counter.getCount(), Boolean(after));
  }
}
