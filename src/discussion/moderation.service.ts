import { Comment, type CommentStatus } from '../../entities/discussion/comment.entity';
import { CommentThread } from '../../entities/discussion/comment-thread.entity';
import { CommenterBan } from '../../entities/discussion/commenter-ban.entity';
import type { ModerationActionKind } from '../../entities/discussion/moderation-action.entity';
import type { RequestContext } from '../context/request-context';
import { notFound } from '../errors/app-error';
import type { ContentEvent } from '../events/content-events';
import { canModerate, moderatorMayMove } from './comment-policy';
import { applyApprovalDeltas, ensureThread, lockComments, recordModeration } from './comment-store';
import { discussionErrors } from './discussion-errors';
import type { DiscussionRuntime } from './discussion-runtime';

export type ModerationVerdict = Extract<CommentStatus, 'approved' | 'rejected' | 'spam'>;

const ACTION_OF: Record<ModerationVerdict, ModerationActionKind> = { approved: 'approve', rejected: 'reject', spam: 'spam' };

/** The moderator's id, or FORBIDDEN: the first line of every method here. */
export function requireModerator(ctx: RequestContext): number {
  const viewer = ctx.viewer;
  if (viewer?.kind !== 'user' || !canModerate(viewer)) throw discussionErrors.moderatorsOnly();
  return viewer.userId;
}

/**
 * Moderators' acts: verdicts on comments in bulk, bans, closing and reopening threads.
 * Every act opens with the permission check, writes in one transaction together with its
 * record in `moderation_action`, and tells the response cache afterwards.
 */
export class ModerationService {
  constructor(
    private readonly rt: DiscussionRuntime,
    private readonly ctx: RequestContext,
  ) {}

  private get ds() {
    return this.rt.dataSource;
  }

  /**
   * Approves, rejects or marks as spam many comments at once, all or nothing: an unknown id
   * is NOT_FOUND and a move the rules forbid (a deleted comment) is CONFLICT, and then
   * nothing changes. Comments already in the target status are left as they are, unrecorded.
   */
  async setStatus(ids: number[], to: ModerationVerdict, reason: string | null): Promise<Comment[]> {
    const moderatorId = requireModerator(this.ctx);
    const unique = [...new Set(ids)];
    const now = this.ctx.now;
    await this.ds.transaction(async (m) => {
      const rows = await lockComments(m, unique);
      const found = new Set(rows.map((r) => r.id));
      const missing = unique.filter((id) => !found.has(id));
      if (missing.length) throw notFound('Comment', { ids: missing.map(String) });
      const refused = rows.filter((r) => r.status !== to && !moderatorMayMove(r.status, to));
      if (refused.length) throw discussionErrors.transitionNotAllowed(refused.map((r) => r.id), to);
      const changing = rows.filter((r) => r.status !== to);
      if (!changing.length) return [];
      // An approval is a review: the reports that hid the comment are settled.
      await m
        .createQueryBuilder()
        .update(Comment)
        .set({ status: to, moderatedAt: now, ...(to === 'approved' ? { reportCount: 0 } : {}) })
        .whereInIds(changing.map((r) => r.id))
        .execute();
      await applyApprovalDeltas(m, changing.map((r) => ({ articleId: r.articleId, parentId: r.parentId, from: r.status, to })));
      await recordModeration(
        m,
        changing.map((r) => ({
          moderatorId,
          action: ACTION_OF[to],
          commentId: r.id,
          articleId: r.articleId,
          fromStatus: r.status,
          toStatus: to,
          banId: null,
          reason,
          createdAt: now,
        })),
      );
      const events: ContentEvent[] = changing
        .filter((r) => r.status === 'approved' || to === 'approved')
        .map((r) => ({ type: to === 'approved' ? 'comment.approved' : 'comment.removed', articleId: r.articleId }));
      await this.rt.record(m, events);
    });
    const loader = this.rt.loaders(this.ctx).commentById;
    unique.forEach((id) => loader.clear(id));
    return (await loader.loadMany(unique)).filter((c): c is Comment => c !== null && !(c instanceof Error));
  }

  /**
   * Bars the author of a comment from posting: a signed-in author by account, a guest by
   * the email they gave and the address they posted from. Banning someone already banned
   * returns their ban. Their comments stay as they are; moderators judge those in the queue.
   */
  async ban(commentId: number, reason: string | null): Promise<CommenterBan> {
    const moderatorId = requireModerator(this.ctx);
    const comment = await this.rt.loaders(this.ctx).commentById.load(commentId);
    if (!comment) throw discussionErrors.commentNotFound(commentId);
    const repo = this.ds.getRepository(CommenterBan);
    const who =
      comment.authorUserId !== null
        ? { userId: comment.authorUserId, guestEmail: null, ip: null }
        : { userId: null, guestEmail: comment.guestEmail, ip: comment.authorIp || null };
    const existing = await repo
      .createQueryBuilder('b')
      .where('b.liftedAt IS NULL')
      .andWhere(who.userId !== null ? 'b.userId = :userId' : 'b.guestEmail = :guestEmail', who)
      .getOne();
    if (existing) return existing;
    const ban = repo.create({ ...who, reason, bannedById: moderatorId, createdAt: this.ctx.now, liftedAt: null, liftedById: null });
    await this.ds.transaction(async (m) => {
      await m.getRepository(CommenterBan).insert(ban);
      await recordModeration(m, [this.record(moderatorId, 'ban', { commentId, articleId: comment.articleId, banId: ban.id, reason })]);
    });
    return ban;
  }

  async liftBan(banId: number): Promise<CommenterBan> {
    const moderatorId = requireModerator(this.ctx);
    const ban = await this.ds.getRepository(CommenterBan).findOneBy({ id: banId });
    if (!ban) throw notFound('Ban', { id: String(banId) });
    if (ban.liftedAt) return ban;
    Object.assign(ban, { liftedAt: this.ctx.now, liftedById: moderatorId });
    await this.ds.transaction(async (m) => {
      await m.getRepository(CommenterBan).update(banId, { liftedAt: ban.liftedAt, liftedById: moderatorId });
      await recordModeration(m, [this.record(moderatorId, 'lift_ban', { banId })]);
    });
    return ban;
  }

  /**
   * Closes or reopens an article's thread. Existing comments stay visible; new comments,
   * replies and edits are refused while closed. The article is not checked with editorial:
   * closing the thread of an article before it is published is a legitimate choice.
   */
  async setThreadOpen(articleId: number, open: boolean, reason: string | null): Promise<{ id: number }> {
    const moderatorId = requireModerator(this.ctx);
    const now = this.ctx.now;
    await this.ds.transaction(async (m) => {
      await ensureThread(m, articleId, now);
      const where = open ? 'articleId = :articleId AND closedAt IS NOT NULL' : 'articleId = :articleId AND closedAt IS NULL';
      const result = await m
        .createQueryBuilder()
        .update(CommentThread)
        .set(open ? { closedAt: null, closedById: null } : { closedAt: now, closedById: moderatorId })
        .where(where, { articleId })
        .execute();
      if (!result.affected) return;
      await recordModeration(m, [this.record(moderatorId, open ? 'reopen_thread' : 'close_thread', { articleId, reason })]);
      await this.rt.record(m, [{ type: 'comment.thread.changed', articleId }]);
    });
    this.rt.loaders(this.ctx).threadByArticle.clear(articleId);
    return { id: articleId };
  }

  private record(moderatorId: number, action: ModerationActionKind, refs: { commentId?: number; articleId?: number; banId?: number; reason?: string | null }) {
    return {
      moderatorId,
      action,
      commentId: refs.commentId ?? null,
      articleId: refs.articleId ?? null,
      fromStatus: null,
      toStatus: null,
      banId: refs.banId ?? null,
      reason: refs.reason ?? null,
      createdAt: this.ctx.now,
    };
  }
}
