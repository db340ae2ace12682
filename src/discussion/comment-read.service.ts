import type { Comment } from '../../entities/discussion/comment.entity';
import type { RequestContext } from '../context/request-context';
import { ConnectionPage, decodeCursor, encodeCursor, pageSize } from '../graphql/connection';
import { visibleInThread } from './comment-policy';
import type { CommentCursor, CommentOrder, CommentPageRequest } from './comment-pages.repository';
import type { DiscussionRuntime } from './discussion-runtime';

export type PageArgs = { first?: number | null; after?: string | null; order: CommentOrder };

/** The cursor of a comment in a given order: the columns the keyset compares. */
export function commentCursor(comment: Comment, order: CommentOrder): string {
  const time = comment.createdAt.getTime();
  return encodeCursor(order === 'most_liked' ? [comment.likeCount, time, comment.id] : [time, comment.id]);
}

function readCursor(cursor: string, order: CommentOrder): CommentCursor {
  if (order === 'most_liked') {
    const [likeCount, time, id] = decodeCursor(cursor, ['number', 'number', 'number']) as number[];
    return { likeCount, createdAt: new Date(time), id };
  }
  const [time, id] = decodeCursor(cursor, ['number', 'number']) as number[];
  return { likeCount: 0, createdAt: new Date(time), id };
}

/**
 * Public reads of threads: the roots of an article and the replies of a root, each level a
 * keyset-paginated connection in the order asked, as this viewer may see it. Pages go
 * through the per-request loader, so every level of a page is one statement.
 */
export class CommentReadService {
  constructor(
    private readonly rt: DiscussionRuntime,
    private readonly ctx: RequestContext,
  ) {}

  private get loaders() {
    return this.rt.loaders(this.ctx);
  }

  thread(articleId: number, args: PageArgs): Promise<ConnectionPage<Comment>> {
    return this.level('article', articleId, args);
  }

  /** Replies of a root, for a reply an empty page (replies to replies attach to the root). */
  replies(comment: Comment, args: PageArgs): Promise<ConnectionPage<Comment>> {
    if (comment.parentId !== null) return Promise.resolve(new ConnectionPage<Comment>([], false, async () => 0, Boolean(args.after)));
    return this.level('replies', comment.id, args);
  }

  async commentCount(articleId: number): Promise<number> {
    return (await this.loaders.threadByArticle.load(articleId))?.approvedCount ?? 0;
  }

  async commentsOpen(articleId: number): Promise<boolean> {
    return !(await this.loaders.threadByArticle.load(articleId))?.closedAt;
  }

  /** A comment as it would show in its thread to this viewer, else null. */
  async visibleById(id: number): Promise<Comment | null> {
    const comment = await this.loaders.commentById.load(id);
    return comment && visibleInThread(comment, this.ctx.viewer) ? comment : null;
  }

  private async level(scope: CommentPageRequest['scope'], refId: number, args: PageArgs): Promise<ConnectionPage<Comment>> {
    const limit = pageSize(args.first);
    const after = args.after ? readCursor(args.after, args.order) : null;
    const rows = limit === 0 ? [] : await this.loaders.page.load({ scope, refId, order: args.order, limit: limit + 1, after });
    const edges = rows.slice(0, limit).map((node) => ({ cursor: commentCursor(node, args.order), node }));
    const count = () => this.loaders.levelCount.load({ scope, refId });
    return new ConnectionPage(edges, rows.length > limit, count, Boolean(after));
  }
}
