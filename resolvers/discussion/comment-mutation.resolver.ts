import { Arg, Args, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import type { Comment } from '../../entities/discussion/comment.entity';
import { PERSON } from '../../src/auth/auth-checker';
import type { RequestContext } from '../../src/context/request-context';
import { CommentAuthorService } from '../../src/discussion/comment-author.service';
import { CommentFeedbackService } from '../../src/discussion/comment-feedback.service';
import { CommentPostingService } from '../../src/discussion/comment-posting.service';
import { DiscussionRuntime } from '../../src/discussion/discussion-runtime';
import { CommentIdArgs, EditCommentArgs, PostCommentInput, ReportCommentArgs } from './comment.inputs';
import { CommentType } from './comment.type';
import { toId, optionalId } from '../../src/graphql/ids';

/** What readers do: post, edit and delete their comments, like and report others'. */
@Resolver()
export class CommentMutationResolver {
  constructor(private readonly rt: DiscussionRuntime) {}

  @Mutation(() => CommentType, {
    description:
      'Posts a comment or a reply, signed in, or as a guest with `guestName` and `guestEmail` when the site allows it. Comments of new commenters wait for a moderator (status PENDING). NOT_FOUND for an unknown or unpublished article; FORBIDDEN (reason COMMENTS_CLOSED or BANNED); CONFLICT (DUPLICATE_COMMENT); TOO_MANY_REQUESTS.',
  })
  postComment(@Arg('input', () => PostCommentInput) input: PostCommentInput, @Ctx() ctx: RequestContext): Promise<Comment> {
    return new CommentPostingService(this.rt, ctx).post({
      articleId: toId(input.articleId, 'articleId'),
      body: input.body,
      inReplyToId: optionalId(input.inReplyToId, 'inReplyToId'),
      guestName: input.guestName,
      guestEmail: input.guestEmail,
    });
  }

  @Authorized(PERSON)
  @Mutation(() => CommentType, {
    description: 'Edits your comment within 10 minutes of posting (FORBIDDEN, reason EDIT_WINDOW_CLOSED, after). Unless you are trusted, an approved comment goes back to moderation.',
  })
  editComment(@Args() { id, body }: EditCommentArgs, @Ctx() ctx: RequestContext): Promise<Comment> {
    return new CommentAuthorService(this.rt, ctx).edit(toId(id), body);
  }

  @Authorized(PERSON)
  @Mutation(() => CommentType, { description: 'Deletes your comment: its text is erased; it shows as removed while it has replies.' })
  deleteComment(@Args() { id }: CommentIdArgs, @Ctx() ctx: RequestContext): Promise<Comment> {
    return new CommentAuthorService(this.rt, ctx).delete(toId(id));
  }

  @Authorized(PERSON)
  @Mutation(() => CommentType, { description: 'Likes an approved comment. Liking twice counts once.' })
  likeComment(@Args() { id }: CommentIdArgs, @Ctx() ctx: RequestContext): Promise<Comment> {
    return new CommentFeedbackService(this.rt, ctx).like(toId(id));
  }

  @Authorized(PERSON)
  @Mutation(() => CommentType, { description: 'Takes your like back.' })
  unlikeComment(@Args() { id }: CommentIdArgs, @Ctx() ctx: RequestContext): Promise<Comment> {
    return new CommentFeedbackService(this.rt, ctx).unlike(toId(id));
  }

  @Authorized(PERSON)
  @Mutation(() => Boolean, {
    description: 'Reports an approved comment to the moderators. Reports from 3 different readers hide it until reviewed. Reporting twice counts once. Always true.',
  })
  reportComment(@Args() { id, reason }: ReportCommentArgs, @Ctx() ctx: RequestContext): Promise<boolean> {
    return new CommentFeedbackService(this.rt, ctx).report(toId(id), reason ?? null);
  }
}
