import { Args, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { Comment } from '../../entities/discussion/comment.entity';
import type { RequestContext } from '../../src/context/request-context';
import { canModerate, contentVisible } from '../../src/discussion/comment-policy';
import { CommentReadService } from '../../src/discussion/comment-read.service';
import { renderCommentHtml } from '../../src/discussion/comment-text';
import { DiscussionRuntime } from '../../src/discussion/discussion-runtime';
import type { ConnectionPage } from '../../src/graphql/connection';
import { ArticleStub } from './article.stub';
import { RepliesPageArgs } from './comment.inputs';
import { CommentConnectionType, CommentType } from './comment.type';
import { CommentStatusEnum } from './discussion-enums';
import { UserStub } from './user.stub';

/**
 * Fields of a comment that depend on who asks: the text, the author and the status show
 * only where the viewer may read the content (comment-policy.ts), the guest's email only
 * to moderators. Nothing here reads the database except replies, inReplyTo and
 * likedByViewer, through the per-request loaders.
 */
@Resolver(() => CommentType)
export class CommentResolver {
  constructor(private readonly rt: DiscussionRuntime) {}

  private readable(comment: Comment, ctx: RequestContext): boolean {
    return contentVisible(comment, ctx.viewer) || this.rt.postedInRequest(ctx).has(comment.id);
  }

  @FieldResolver(() => Boolean, { description: 'True when the text is not shown: deleted by its author, or withheld by moderation. It stays only to anchor its replies.' })
  removed(@Root() comment: Comment, @Ctx() ctx: RequestContext): boolean {
    return !this.readable(comment, ctx);
  }

  @FieldResolver(() => CommentStatusEnum, {
    nullable: true,
    description: 'Moderation status. APPROVED or DELETED for everyone; PENDING to its author (a guest: in the answer to postComment) and moderators; null on a comment withheld from you.',
  })
  status(@Root() comment: Comment, @Ctx() ctx: RequestContext): string | null {
    return this.readable(comment, ctx) || comment.status === 'deleted' ? comment.status : null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'The text as plain text (no markup can be in it). Render it as text, or use `bodyHtml`.' })
  body(@Root() comment: Comment, @Ctx() ctx: RequestContext): string | null {
    return this.readable(comment, ctx) ? comment.body : null;
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: 'The text as safe HTML: escaped, in <p> paragraphs with <br> line breaks, http(s) addresses as <a rel="nofollow ugc noopener">. Nothing else.',
  })
  bodyHtml(@Root() comment: Comment, @Ctx() ctx: RequestContext): string | null {
    return this.readable(comment, ctx) ? renderCommentHtml(comment.body) : null;
  }

  @FieldResolver(() => UserStub, { nullable: true, description: 'The signed-in author; null for guests and removed comments.' })
  author(@Root() comment: Comment, @Ctx() ctx: RequestContext): UserStub | null {
    return this.readable(comment, ctx) && comment.authorUserId !== null ? { id: comment.authorUserId } : null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'The name a guest gave; null for signed-in authors and removed comments.' })
  guestName(@Root() comment: Comment, @Ctx() ctx: RequestContext): string | null {
    return this.readable(comment, ctx) ? comment.guestName : null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'The email a guest gave: moderators only, null for everyone else.' })
  guestEmail(@Root() comment: Comment, @Ctx() ctx: RequestContext): string | null {
    return canModerate(ctx.viewer) ? comment.guestEmail : null;
  }

  @FieldResolver(() => Int, { nullable: true, description: 'Reports since its last review: moderators only.' })
  reportCount(@Root() comment: Comment, @Ctx() ctx: RequestContext): number | null {
    return canModerate(ctx.viewer) ? comment.reportCount : null;
  }

  @FieldResolver(() => ArticleStub, { description: 'The article it is under.' })
  article(@Root() comment: Comment): ArticleStub {
    return { id: comment.articleId };
  }

  @FieldResolver(() => CommentType, { nullable: true, description: 'The comment this one answers (its root, or another reply of the root); null for a root.' })
  async inReplyTo(@Root() comment: Comment, @Ctx() ctx: RequestContext): Promise<Comment | null> {
    if (comment.inReplyToId === null) return null;
    return this.rt.loaders(ctx).commentById.load(comment.inReplyToId);
  }

  @FieldResolver(() => CommentConnectionType, { description: 'Replies of a root comment, every level paginated; always empty on a reply.' })
  replies(@Root() comment: Comment, @Args() { first, after, order }: RepliesPageArgs, @Ctx() ctx: RequestContext): Promise<ConnectionPage<Comment>> {
    return new CommentReadService(this.rt, ctx).replies(comment, { first, after, order: order ?? 'oldest' });
  }

  @FieldResolver(() => Boolean, { description: 'Whether you like it (false when not signed in).' })
  likedByViewer(@Root() comment: Comment, @Ctx() ctx: RequestContext): Promise<boolean> {
    return this.rt.loaders(ctx).likedByViewer.load(comment.id);
  }
}

@Resolver(() => CommentConnectionType)
export class CommentConnectionResolver {
  @FieldResolver(() => Int, { description: 'Comments at this level that you can see; counted only when selected.' })
  totalCount(@Root() page: ConnectionPage<unknown>): Promise<number> {
    return page.totalCount();
  }
}
