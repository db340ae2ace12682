import { Arg, Authorized, Ctx, ID, Int, Mutation, Resolver } from 'type-graphql';
import type { Article } from '../../../entities/editorial/article.entity';
import { Role } from '../../../src/auth/roles';
import type { RequestContext } from '../../../src/context/request-context';
import type { ArticleStatus } from '../../../src/editorial/article-status';
import { EditorialRuntime } from '../../../src/editorial/editorial-runtime';
import { ArticleWorkflowService } from '../../../src/editorial/workflow/article-workflow.service';
import { toId } from '../../../src/graphql/ids';
import { ArticleType } from '../article.type';
import { ArticleStatusEnum, STORED_STATUS } from './article-admin.types';

const STAFF = [Role.Journalist, Role.Editor, Role.Admin];

/**
 * The lifecycle's transitions, one mutation each (see article-lifecycle.policy.ts for who may
 * make which). `version`, when given, must be the current one (CONFLICT otherwise).
 */
@Resolver()
export class ArticleWorkflowResolver {
  constructor(private readonly rt: EditorialRuntime) {}

  private move(ctx: RequestContext, id: string, to: ArticleStatus, options: { version?: number | null; publishAt?: Date | null; unpublishAt?: Date | null } = {}) {
    return new ArticleWorkflowService(this.rt, ctx).transition(toId(id), to, options);
  }

  @Authorized(...STAFF)
  @Mutation(() => ArticleType, { description: 'Sends a draft to review.' })
  submitArticle(@Arg('id', () => ID) id: string, @Arg('version', () => Int, { nullable: true }) version: number | null, @Ctx() ctx: RequestContext): Promise<Article> {
    return this.move(ctx, id, 'in_review', { version });
  }

  @Authorized(...STAFF)
  @Mutation(() => ArticleType, { description: 'Sends an article under review back to its author.' })
  requestArticleChanges(@Arg('id', () => ID) id: string, @Arg('version', () => Int, { nullable: true }) version: number | null, @Ctx() ctx: RequestContext): Promise<Article> {
    return this.move(ctx, id, 'changes_requested', { version });
  }

  @Authorized(...STAFF)
  @Mutation(() => ArticleType, { description: 'Accepts an article under review for publication.' })
  approveArticle(@Arg('id', () => ID) id: string, @Arg('version', () => Int, { nullable: true }) version: number | null, @Ctx() ctx: RequestContext): Promise<Article> {
    return this.move(ctx, id, 'approved', { version });
  }

  @Authorized(...STAFF)
  @Mutation(() => ArticleType, { description: 'Publishes now, optionally with a time to unpublish.' })
  publishArticle(
    @Arg('id', () => ID) id: string,
    @Arg('unpublishAt', () => Date, { nullable: true }) unpublishAt: Date | null,
    @Arg('version', () => Int, { nullable: true }) version: number | null,
    @Ctx() ctx: RequestContext,
  ): Promise<Article> {
    return this.move(ctx, id, 'published', { version, unpublishAt: unpublishAt ?? undefined });
  }

  @Authorized(...STAFF)
  @Mutation(() => ArticleType, { description: 'Publishes at a future time (and optionally unpublishes later).' })
  scheduleArticle(
    @Arg('id', () => ID) id: string,
    @Arg('publishAt', () => Date) publishAt: Date,
    @Arg('unpublishAt', () => Date, { nullable: true }) unpublishAt: Date | null,
    @Arg('version', () => Int, { nullable: true }) version: number | null,
    @Ctx() ctx: RequestContext,
  ): Promise<Article> {
    return this.move(ctx, id, 'scheduled', { version, publishAt, unpublishAt: unpublishAt ?? undefined });
  }

  @Authorized(...STAFF)
  @Mutation(() => ArticleType, { description: 'Takes a published article down (its URLs answer NOT_FOUND).' })
  unpublishArticle(@Arg('id', () => ID) id: string, @Arg('version', () => Int, { nullable: true }) version: number | null, @Ctx() ctx: RequestContext): Promise<Article> {
    return this.move(ctx, id, 'unpublished', { version });
  }

  @Authorized(...STAFF)
  @Mutation(() => ArticleType, { description: 'Moves an article to any state the lifecycle allows from where it is (e.g. back to DRAFT).' })
  transitionArticle(
    @Arg('id', () => ID) id: string,
    @Arg('to', () => ArticleStatusEnum) to: ArticleStatusEnum,
    @Arg('publishAt', () => Date, { nullable: true }) publishAt: Date | null,
    @Arg('version', () => Int, { nullable: true }) version: number | null,
    @Ctx() ctx: RequestContext,
  ): Promise<Article> {
    return this.move(ctx, id, STORED_STATUS[to], { version, publishAt });
  }
}
