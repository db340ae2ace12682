import { Arg, Authorized, Ctx, Field, ID, Int, ObjectType, Query, Resolver } from 'type-graphql';
import { Role } from '../../../src/auth/roles';
import type { RequestContext } from '../../../src/context/request-context';
import { EditorialRuntime } from '../../../src/editorial/editorial-runtime';
import { DashboardService } from '../../../src/editorial/workflow/dashboard.service';
import { toId } from '../../../src/graphql/ids';
import { ArticleType } from '../article.type';

@ObjectType('DashboardSection', { description: 'A dashboard list: its size and its 20 most recent items.' })
export class DashboardSectionType {
  @Field(() => Int)
  totalCount: number;

  @Field(() => [ArticleType])
  items: unknown[];
}

@ObjectType('EditorialDashboard', { description: 'The desk at a glance.' })
export class EditorialDashboardType {
  @Field(() => DashboardSectionType, { description: 'Drafts and articles sent back, that you created or sign.' })
  myDrafts: DashboardSectionType;

  @Field(() => DashboardSectionType, { description: 'Waiting for an editor.' })
  inReview: DashboardSectionType;

  @Field(() => DashboardSectionType, { description: 'Approved or scheduled, next first.' })
  scheduled: DashboardSectionType;

  @Field(() => DashboardSectionType, { description: 'Published, newest first.' })
  recentlyPublished: DashboardSectionType;
}

@Resolver()
export class DashboardResolver {
  constructor(private readonly rt: EditorialRuntime) {}

  @Authorized(Role.Journalist, Role.Editor, Role.Admin)
  @Query(() => EditorialDashboardType, { description: 'Drafts, reviews, schedule and recent publications; journalists see their own.' })
  editorialDashboard(
    @Arg('rubricId', () => ID, { nullable: true }) rubricId: string | null,
    @Arg('authorId', () => ID, { nullable: true }) authorId: string | null,
    @Ctx() ctx: RequestContext,
  ) {
    return new DashboardService(this.rt, ctx).sections({
      rubricId: rubricId ? toId(rubricId, 'rubricId') : null,
      authorId: authorId ? toId(authorId, 'authorId') : null,
    });
  }
}
