import { Args, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Comment } from '../../entities/discussion/comment.entity';
import type { CommenterBan } from '../../entities/discussion/commenter-ban.entity';
import type { ModerationAction } from '../../entities/discussion/moderation-action.entity';
import { Role } from '../../src/auth/roles';
import type { RequestContext } from '../../src/context/request-context';
import { DiscussionRuntime } from '../../src/discussion/discussion-runtime';
import { ModerationReadService } from '../../src/discussion/moderation-read.service';
import { ModerationService, type ModerationVerdict } from '../../src/discussion/moderation.service';
import type { ConnectionPage } from '../../src/graphql/connection';
import { ArticleStub } from './article.stub';
import { CommentConnectionType, CommentType } from './comment.type';
import { BanCommenterArgs, BanIdArgs, CommentThreadArgs, ModerateCommentsArgs, ModerationLogArgs, ModerationQueueArgs } from './moderation.inputs';
import { CommenterBanType, ModerationActionConnectionType, ModerationActionType } from './moderation.type';
import { UserStub } from './user.stub';
import { toId, optionalId, toIds } from '../../src/graphql/ids';

const MODERATORS = [Role.Moderator, Role.Admin];

/** The moderators' desk: the queue, verdicts in bulk, bans, closing threads, and the record of it all. */
@Resolver(() => ModerationActionType)
export class ModerationResolver {
  constructor(private readonly rt: DiscussionRuntime) {}

  private moderation(ctx: RequestContext) {
    return new ModerationService(this.rt, ctx);
  }

  private verdict(args: ModerateCommentsArgs, to: ModerationVerdict, ctx: RequestContext): Promise<Comment[]> {
    return this.moderation(ctx).setStatus(toIds(args.ids, 'ids'), to, args.reason ?? null);
  }

  @Authorized(...MODERATORS)
  @Query(() => CommentConnectionType, { description: 'Comments to review, oldest first, filtered by status (default PENDING), article and author (moderators).' })
  commentModerationQueue(@Args() args: ModerationQueueArgs, @Ctx() ctx: RequestContext): Promise<ConnectionPage<Comment>> {
    const filter = { statuses: args.status ?? [], articleId: optionalId(args.articleId, 'articleId'), authorUserId: optionalId(args.authorId, 'authorId'), guestEmail: args.guestEmail };
    return new ModerationReadService(this.rt, ctx).queue(filter, args.first, args.after);
  }

  @Authorized(...MODERATORS)
  @Query(() => ModerationActionConnectionType, { description: 'The moderation record, newest first, optionally for one comment or article (moderators).' })
  commentModerationLog(@Args() args: ModerationLogArgs, @Ctx() ctx: RequestContext): Promise<ConnectionPage<ModerationAction>> {
    const filter = { commentId: optionalId(args.commentId, 'commentId'), articleId: optionalId(args.articleId, 'articleId') };
    return new ModerationReadService(this.rt, ctx).log(filter, args.first, args.after);
  }

  @Authorized(...MODERATORS)
  @Mutation(() => [CommentType], { description: 'Approves comments, all or none (moderators). CONFLICT for a deleted one, NOT_FOUND for an unknown one.' })
  approveComments(@Args() args: ModerateCommentsArgs, @Ctx() ctx: RequestContext): Promise<Comment[]> {
    return this.verdict(args, 'approved', ctx);
  }

  @Authorized(...MODERATORS)
  @Mutation(() => [CommentType], { description: 'Rejects comments, all or none (moderators).' })
  rejectComments(@Args() args: ModerateCommentsArgs, @Ctx() ctx: RequestContext): Promise<Comment[]> {
    return this.verdict(args, 'rejected', ctx);
  }

  @Authorized(...MODERATORS)
  @Mutation(() => [CommentType], { description: 'Marks comments as spam, all or none (moderators). Their authors lose trust.' })
  markCommentsAsSpam(@Args() args: ModerateCommentsArgs, @Ctx() ctx: RequestContext): Promise<Comment[]> {
    return this.verdict(args, 'spam', ctx);
  }

  @Authorized(...MODERATORS)
  @Mutation(() => CommenterBanType, { description: 'Bans the author of a comment from commenting: an account, or a guest by email and address (moderators).' })
  banCommenter(@Args() { commentId, reason }: BanCommenterArgs, @Ctx() ctx: RequestContext): Promise<CommenterBan> {
    return this.moderation(ctx).ban(toId(commentId, 'commentId'), reason ?? null);
  }

  @Authorized(...MODERATORS)
  @Mutation(() => CommenterBanType, { description: 'Lifts a ban (moderators). Idempotent.' })
  liftCommenterBan(@Args() { id }: BanIdArgs, @Ctx() ctx: RequestContext): Promise<CommenterBan> {
    return this.moderation(ctx).liftBan(toId(id));
  }

  @Authorized(...MODERATORS)
  @Mutation(() => ArticleStub, { description: 'Closes an article’s comments: what is there stays, nothing new is accepted (moderators).' })
  closeCommentThread(@Args() { articleId, reason }: CommentThreadArgs, @Ctx() ctx: RequestContext): Promise<ArticleStub> {
    return this.moderation(ctx).setThreadOpen(toId(articleId, 'articleId'), false, reason ?? null);
  }

  @Authorized(...MODERATORS)
  @Mutation(() => ArticleStub, { description: 'Reopens an article’s comments (moderators).' })
  reopenCommentThread(@Args() { articleId, reason }: CommentThreadArgs, @Ctx() ctx: RequestContext): Promise<ArticleStub> {
    return this.moderation(ctx).setThreadOpen(toId(articleId, 'articleId'), true, reason ?? null);
  }

  @FieldResolver(() => UserStub, { nullable: true, description: 'The moderator; null when the system acted (reports).' })
  moderator(@Root() action: ModerationAction): UserStub | null {
    return action.moderatorId === null ? null : { id: action.moderatorId };
  }

  @FieldResolver(() => CommentType, { nullable: true, description: 'The comment acted on, if any.' })
  comment(@Root() action: ModerationAction, @Ctx() ctx: RequestContext): Promise<Comment | null> | null {
    return action.commentId === null ? null : this.rt.loaders(ctx).commentById.load(action.commentId);
  }

  @FieldResolver(() => ArticleStub, { nullable: true, description: 'The article concerned, if any.' })
  article(@Root() action: ModerationAction): ArticleStub | null {
    return action.articleId === null ? null : { id: action.articleId };
  }
}

@Resolver(() => CommenterBanType)
export class CommenterBanResolver {
  @FieldResolver(() => UserStub, { nullable: true, description: 'The banned account; null for a guest.' })
  user(@Root() ban: CommenterBan): UserStub | null {
    return ban.userId === null ? null : { id: ban.userId };
  }

  // Nullable like every User reference here: accounts resolves it, and a ban list stays readable while accounts is down.
  @FieldResolver(() => UserStub, { nullable: true, description: 'The moderator who banned.' })
  bannedBy(@Root() ban: CommenterBan): UserStub {
    return { id: ban.bannedById };
  }
}
