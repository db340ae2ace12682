import { Comment } from '../../entities/discussion/comment.entity';
import { CommenterBan } from '../../entities/discussion/commenter-ban.entity';
import type { RequestContext } from '../context/request-context';
import { badInput } from '../errors/app-error';
import { cleanDisplayName } from '../text/display-name';
import { contentVisible, isStaff, isTrusted } from './comment-policy';
import { applyApprovalDeltas, commenterHistory, ensureThread, } from './comment-store';
import { isDuplicateKey } from '../db/duplicate-key';
import { COMMENT_MAX_LENGTH, COMMENT_MAX_LINKS, commentFingerprint, countLinks, sanitizeCommentBody } from './comment-text';
import { discussionErrors } from './discussion-errors';
import { DISCUSSION_LIMITS, type DiscussionRuntime } from './discussion-runtime';

export type NewComment = {
  articleId: number;
  body: string;
  inReplyToId?: number | null;
  guestName?: string | null;
  guestEmail?: string | null;
};

/** Who is posting: a signed-in user, or a guest known only by the name and email they typed. */
type Poster = { userId: number; key: string } | { userId: null; guestName: string; guestEmail: string; key: string };

/** The text rules every stored body obeys, whoever posts it and through whichever mutation. */
export function cleanCommentBody(raw: string): string {
  const body = sanitizeCommentBody(raw);
  if (!body) throw badInput('The comment is empty once markup is removed', { argument: 'body', reason: 'EMPTY_COMMENT' });
  if (body.length > COMMENT_MAX_LENGTH) throw badInput(`A comment is at most ${COMMENT_MAX_LENGTH} characters`, { argument: 'body', reason: 'TOO_LONG' });
  if (countLinks(body) > COMMENT_MAX_LINKS) throw badInput(`A comment holds at most ${COMMENT_MAX_LINKS} links`, { argument: 'body', reason: 'TOO_MANY_LINKS' });
  return body;
}

/**
 * Posting comments and replies. The checks run in this order, and the throttle counts only
 * attempts that could have been written, so a typo costs no quota:
 * poster → text → reply target → article published (asked of editorial; an unknown or
 * unpublished article is NOT_FOUND whatever its thread) → thread open → bans → rate limits →
 * insert (the unique fingerprint refuses duplicates) → counts.
 */
export class CommentPostingService {
  constructor(
    private readonly rt: DiscussionRuntime,
    private readonly ctx: RequestContext,
  ) {}

  private get ds() {
    return this.rt.dataSource;
  }

  async post(input: NewComment): Promise<Comment> {
    const poster = this.poster(input);
    const body = cleanCommentBody(input.body);
    const target = input.inReplyToId ? await this.replyTarget(input.inReplyToId, input.articleId) : null;
    if (!(await this.rt.articles.isPublished(input.articleId))) throw discussionErrors.articleNotFound(input.articleId);
    const thread = await this.rt.loaders(this.ctx).threadByArticle.load(input.articleId);
    if (thread?.closedAt) throw discussionErrors.commentsClosed();
    await this.assertNotBanned(poster);
    await this.throttle(poster);
    const status = isTrusted(this.ctx.viewer, await this.history(poster)) ? 'approved' : 'pending';
    const now = this.ctx.now;
    const comment = Object.assign(new Comment(), {
      articleId: input.articleId,
      parentId: target ? (target.parentId ?? target.id) : null,
      inReplyToId: target?.id ?? null,
      authorUserId: poster.userId,
      guestName: poster.userId === null ? poster.guestName : null,
      guestEmail: poster.userId === null ? poster.guestEmail : null,
      authorIp: this.ctx.ip.slice(0, 45),
      body,
      fingerprint: commentFingerprint(poster.key, body),
      status,
      likeCount: 0,
      replyCount: 0,
      reportCount: 0,
      createdAt: now,
      editedAt: null,
      moderatedAt: null,
      deletedAt: null,
    } satisfies Omit<Comment, 'id'>);
    try {
      await this.ds.transaction(async (m) => {
        await ensureThread(m, comment.articleId, now);
        await m.getRepository(Comment).insert(comment);
        await applyApprovalDeltas(m, [{ articleId: comment.articleId, parentId: comment.parentId, from: null, to: status }]);
        if (status === 'approved') await this.rt.record(m, [{ type: 'comment.approved', articleId: comment.articleId }]);
      });
    } catch (err) {
      if (isDuplicateKey(err)) throw discussionErrors.duplicate();
      throw err;
    }
    this.rt.postedInRequest(this.ctx).add(comment.id);
    return comment;
  }

  private poster(input: NewComment): Poster {
    const viewer = this.ctx.viewer;
    if (viewer?.kind === 'service') throw discussionErrors.serviceToken();
    if (viewer) return { userId: viewer.userId, key: `user:${viewer.userId}` };
    if (!this.rt.guestCommentsAllowed) throw discussionErrors.guestsNotAllowed();
    if (!input.guestName?.trim()) throw badInput('Guests give a name', { argument: 'guestName' });
    // The name is shown to everyone: the same rule as an account's display name.
    const guestName = cleanDisplayName(input.guestName, 'guestName');
    const guestEmail = input.guestEmail?.trim().toLowerCase();
    if (!guestEmail) throw badInput('Guests give an email address (never shown)', { argument: 'guestEmail' });
    return { userId: null, guestName, guestEmail, key: `guest:${guestEmail}` };
  }

  /**
   * Two levels only: a reply to a reply joins the same root, remembering whom it answers.
   * Only a comment this viewer can read may be answered, and only under its own article.
   */
  private async replyTarget(id: number, articleId: number): Promise<Comment> {
    const target = await this.rt.loaders(this.ctx).commentById.load(id);
    if (!target || target.articleId !== articleId || !contentVisible(target, this.ctx.viewer)) throw discussionErrors.commentNotFound(id);
    if (target.status !== 'approved') throw badInput('Only published comments can be answered', { argument: 'inReplyToId', reason: 'NOT_APPROVED' });
    return target;
  }

  private async assertNotBanned(poster: Poster): Promise<void> {
    const qb = this.ds.getRepository(CommenterBan).createQueryBuilder('b').where('b.liftedAt IS NULL');
    if (poster.userId !== null) qb.andWhere('b.userId = :userId', { userId: poster.userId });
    else qb.andWhere('(b.guestEmail = :email OR b.ip = :ip)', { email: poster.guestEmail, ip: this.ctx.ip });
    if (await qb.getExists()) throw discussionErrors.banned();
  }

  private history(poster: Poster): Promise<{ approved: number; spam: number }> {
    if (poster.userId === null || isStaff(this.ctx.viewer)) return Promise.resolve({ approved: 0, spam: 0 });
    return commenterHistory(this.ds, poster.userId);
  }

  private async throttle(poster: Poster): Promise<void> {
    const hits = [this.rt.limiter.consume(`comment:ip:${this.ctx.ip}`, DISCUSSION_LIMITS.postPerIp)];
    if (poster.userId !== null) hits.push(this.rt.limiter.consume(`comment:user:${poster.userId}`, DISCUSSION_LIMITS.postPerUser));
    const blocked = (await Promise.all(hits)).filter((d) => !d.allowed);
    if (blocked.length) throw discussionErrors.tooManyRequests(Math.max(...blocked.map((d) => d.retryAfterSeconds)));
  }
}
