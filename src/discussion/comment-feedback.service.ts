import type { EntityManager } from 'typeorm';
import { Comment } from '../../entities/discussion/comment.entity';
import { CommentLike } from '../../entities/discussion/comment-like.entity';
import { CommentReport } from '../../entities/discussion/comment-report.entity';
import { requireUser } from '../auth/viewer-guards';
import type { RequestContext } from '../context/request-context';
import { badInput } from '../errors/app-error';
import { isAuthor, REPORTS_TO_HIDE } from './comment-policy';
import { applyApprovalDeltas, lockComments, recordModeration } from './comment-store';
import { isDuplicateKey } from '../db/duplicate-key';
import { discussionErrors } from './discussion-errors';
import { DISCUSSION_LIMITS, type DiscussionRuntime } from './discussion-runtime';

/**
 * Readers' reactions to others' comments: likes (one per reader, counted on the comment for
 * the "most liked" order) and reports (one per reader; enough distinct reporters hide the
 * comment until a moderator looks). Signed-in readers only, and only on approved comments.
 */
export class CommentFeedbackService {
  constructor(
    private readonly rt: DiscussionRuntime,
    private readonly ctx: RequestContext,
  ) {}

  private get ds() {
    return this.rt.dataSource;
  }

  /** Idempotent: liking twice leaves one like. */
  async like(id: number): Promise<Comment> {
    const viewer = requireUser(this.ctx);
    const comment = await this.approvedComment(id);
    await this.ds.transaction(async (m) => {
      try {
        await m.getRepository(CommentLike).insert({ commentId: id, userId: viewer.userId, createdAt: this.ctx.now });
      } catch (err) {
        if (!isDuplicateKey(err)) throw err;
        return;
      }
      await this.recountLikes(m, id);
    });
    return this.reload(comment);
  }

  async unlike(id: number): Promise<Comment> {
    const viewer = requireUser(this.ctx);
    const comment = await this.approvedComment(id);
    await this.ds.transaction(async (m) => {
      const removed = await m.getRepository(CommentLike).delete({ commentId: id, userId: viewer.userId });
      if (removed.affected) await this.recountLikes(m, id);
    });
    return this.reload(comment);
  }

  /**
   * Files a report; the same reader reporting again changes nothing. At REPORTS_TO_HIDE
   * reports the comment goes back to `pending` (out of readers' sight and counts) and the
   * system records the act. A moderator's approval clears the count; those who reported
   * already cannot report it again, so hiding it anew takes new reporters.
   */
  async report(id: number, reason: string | null): Promise<boolean> {
    const viewer = requireUser(this.ctx);
    const comment = await this.approvedComment(id);
    if (isAuthor(viewer, comment)) throw badInput('You cannot report your own comment', { argument: 'id', reason: 'OWN_COMMENT' });
    const decision = await this.rt.limiter.consume(`comment-report:user:${viewer.userId}`, DISCUSSION_LIMITS.reportPerUser);
    if (!decision.allowed) throw discussionErrors.tooManyRequests(decision.retryAfterSeconds);
    await this.ds.transaction(async (m) => {
      try {
        await m.getRepository(CommentReport).insert({ commentId: id, reporterUserId: viewer.userId, reason: reason?.trim() || null, createdAt: this.ctx.now });
      } catch (err) {
        if (!isDuplicateKey(err)) throw err;
        return;
      }
      const [current] = await lockComments(m, [id]);
      const reports = current.reportCount + 1;
      const hide = current.status === 'approved' && reports >= REPORTS_TO_HIDE;
      await m.getRepository(Comment).update(id, hide ? { reportCount: reports, status: 'pending' } : { reportCount: reports });
      if (hide) {
        await applyApprovalDeltas(m, [{ articleId: current.articleId, parentId: current.parentId, from: 'approved', to: 'pending' }]);
        await recordModeration(m, [
          {
            moderatorId: null,
            action: 'auto_hide',
            commentId: id,
            articleId: current.articleId,
            fromStatus: 'approved',
            toStatus: 'pending',
            banId: null,
            reason: `${reports} reports`,
            createdAt: this.ctx.now,
          },
        ]);
        await this.rt.record(m, [{ type: 'comment.removed', articleId: comment.articleId }]);
      }
    });
    return true;
  }

  private async approvedComment(id: number): Promise<Comment> {
    const comment = await this.rt.loaders(this.ctx).commentById.load(id);
    if (!comment || comment.status !== 'approved') throw discussionErrors.commentNotFound(id);
    return comment;
  }

  private async recountLikes(m: EntityManager, id: number): Promise<void> {
    await m.query('UPDATE comment SET likeCount = (SELECT COUNT(*) FROM comment_like WHERE commentId = ?) WHERE id = ?', [id, id]);
  }

  private async reload(comment: Comment): Promise<Comment> {
    const loader = this.rt.loaders(this.ctx).commentById;
    return (await loader.clear(comment.id).load(comment.id)) ?? comment;
  }
}
