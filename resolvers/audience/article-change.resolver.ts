import { Args, Authorized, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { ArticleChangeFeedService, type ArticleChangePage } from '../../src/audience/article-change-feed.service';
import { ANALYTICS_READERS } from '../../src/audience/audience-access';
import { AudienceRuntime } from '../../src/audience/audience-runtime';
import { ArticleChangesArgs } from './article-change.inputs';
import { ArticleChangeConnectionType } from './article-change.type';

/** The change feed analytics jobs sync from. */
@Resolver(() => ArticleChangeConnectionType)
export class ArticleChangeResolver {
  constructor(private readonly rt: AudienceRuntime) {}

  @Authorized(...ANALYTICS_READERS)
  @Query(() => ArticleChangeConnectionType, {
    description:
      'Every article created, updated, (un)published or deleted after a cursor, oldest change first, with no gaps or repeats while editors write (analysts, admins, READ or EXPORT service tokens).',
  })
  articleChanges(@Args() { first, after }: ArticleChangesArgs): Promise<ArticleChangePage> {
    return new ArticleChangeFeedService(this.rt).page(after ?? null, first);
  }

  /** Read only when selected: one MAX() over the feed's unique index. */
  @FieldResolver(() => String, { nullable: true })
  latestCursor(@Root() page: ArticleChangePage): Promise<string | null> {
    return page.latest();
  }
}
