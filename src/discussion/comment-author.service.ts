import type { EntityManager } from 'typeorm';
import { Comment } from '../../entities/discussion/comment.entity';
import { requireUser } from '../auth/viewer-guards';
import type { RequestContext } from '../context/request-context';
import { authorMayDelete, authorMayEdit, contentVisible, isAuthor, isStaff, isTrusted, withinEditWindow } from './comment-policy';
import { cleanCommentBody } from './comment-posting.service';
import { applyApprovalDeltas, commenterHistory, lockComments } from './comment-store';
import { isDuplicateKey } from '../db/duplicate-key';
import { commentFingerprint } from './comment-text';
import { discussionErrors } from './discussion-errors';
import type { DiscussionRuntime } from './discussion-runtime';

/**
 * What authors do to their own comments: edit within ten minutes of posting, and delete.
 * Guests have no account to prove authorship with, so these are for signed-in authors only.
 */
export class CommentAuthorService {
  constructor(
    private readonly rt: DiscussionRuntime,
    private readonly ctx: RequestContext,
  ) {}

  private get ds() {
    return this.rt.dataSource;
  }

  /**
   * Replaces the text. An approved comment of an author who is not trusted goes back to the
   * queue: otherwise a moderator's approval could be spent on a harmless text swapped for
   * spam a minute later.
   */
  async edit(id: number, rawBody: string): Promise<Comment> {
    const viewer = requireUser(this.ctx);
    const comment = await this.ownComment(id);
    if (!authorMayEdit(comment.status)) throw discussionErrors.notEditable();
    if (!withinEditWindow(comment, this.ctx.now)) throw discussionErrors.editWindowClosed();
    const thread = await this.rt.loaders(this.ctx).threadByArticle.load(comment.articleId);
    if (thread?.closedAt) throw discussionErrors.commentsClosed();
    const body = cleanCommentBody(rawBody);
    const trusted = isStaff(viewer) || isTrusted(viewer, await commenterHistory(this.ds, viewer.userId));
    const status = comment.status === 'approved' && !trusted ? 'pending' : comment.status;
    const fingerprint = commentFingerprint(`user:${viewer.userId}`, body);
    try {
      await this.ds.transaction(async (m) => {
        await this.assertUnchanged(m, comment);
        await m.getRepository(Comment).update(id, { body, fingerprint, status, editedAt: this.ctx.now });
        await applyApprovalDeltas(m, [{ articleId: comment.articleId, parentId: comment.parentId, from: comment.status, to: status }]);
        if (comment.status === 'approved') {
          await this.rt.record(m, [{ type: status === 'approved' ? 'comment.approved' : 'comment.removed', articleId: comment.articleId }]);
        }
      });
    } catch (err) {
      if (isDuplicateKey(err)) throw discussionErrors.duplicate();
      throw err;
    }
    return Object.assign(comment, { body, fingerprint, status, editedAt: this.ctx.now });
  }

  /**
   * Soft delete: the text is wiped at once, the row stays with status `deleted` so a root
   * keeps anchoring its replies ("comment removed"). The fingerprint is freed so the author
   * may post the same words again.
   */
  async delete(id: number): Promise<Comment> {
    requireUser(this.ctx);
    const comment = await this.ownComment(id);
    if (!authorMayDelete(comment.status)) throw discussionErrors.commentNotFound(id);
    const changes = { status: 'deleted' as const, body: '', fingerprint: `deleted:${id}`, deletedAt: this.ctx.now };
    await this.ds.transaction(async (m) => {
      await this.assertUnchanged(m, comment);
      await m.getRepository(Comment).update(id, changes);
      await applyApprovalDeltas(m, [{ articleId: comment.articleId, parentId: comment.parentId, from: comment.status, to: 'deleted' }]);
      if (comment.status === 'approved') await this.rt.record(m, [{ type: 'comment.removed', articleId: comment.articleId }]);
    });
    return Object.assign(comment, changes);
  }

  /** The viewer's own comment; NOT_FOUND for what they cannot read, FORBIDDEN for someone else's. */
  private async ownComment(id: number): Promise<Comment> {
    const comment = await this.rt.loaders(this.ctx).commentById.load(id);
    if (!comment || comment.status === 'deleted') throw discussionErrors.commentNotFound(id);
    if (!isAuthor(this.ctx.viewer, comment)) {
      if (contentVisible(comment, this.ctx.viewer)) throw discussionErrors.notAuthor();
      throw discussionErrors.commentNotFound(id);
    }
    return comment;
  }

  /** A moderator may have acted since the comment was read: then nothing is written. */
  private async assertUnchanged(m: EntityManager, comment: Comment): Promise<void> {
    const [current] = await lockComments(m, [comment.id]);
    if (!current || current.status !== comment.status) throw discussionErrors.changedMeanwhile();
  }
}
