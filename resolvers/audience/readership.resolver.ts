import { Args, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { AudienceRuntime } from '../../src/audience/audience-runtime';
import { ReadershipService } from '../../src/audience/readership.service';
import type { RequestContext } from '../../src/context/request-context';
import { ArticleStub } from './article.stub';
import { HomePageStub } from './home-page.stub';
import { HomeTrendingArgs, MostReadArgs, TrendingArgs } from './readership.inputs';
import { optionalId } from '../../src/graphql/ids';

const stubs = (ids: number[]): ArticleStub[] => ids.map((id) => ({ id }));

/** Readership in the graph: rankings and view counts, for everyone. */
@Resolver(() => ArticleStub)
export class ReadershipResolver {
  constructor(private readonly rt: AudienceRuntime) {}

  // Nullable here and on HomePage: a page shows its editorial content without the rankings
  // when this subgraph is down (the error names the field; see README, partial results).
  @Query(() => [ArticleStub], {
    nullable: true,
    description: '"En ce moment": what readers are reading now, recent views weighing more (halved every 4 hours over the last 24). Null when the audience service is unavailable.',
  })
  async trending(@Args() { rubricId, limit }: TrendingArgs): Promise<ArticleStub[]> {
    return stubs(await new ReadershipService(this.rt).trending(optionalId(rubricId, 'rubricId'), limit));
  }

  @Query(() => [ArticleStub], { nullable: true, description: '"Les plus lus": the most viewed articles over a period. Null when the audience service is unavailable.' })
  async mostRead(@Args() { rubricId, window, limit }: MostReadArgs): Promise<ArticleStub[]> {
    return stubs(await new ReadershipService(this.rt).mostRead(optionalId(rubricId, 'rubricId'), window, limit));
  }

  // Public: article cards show it ("1 240 lectures"); the raw aggregates, the change feed and
  // the export stay with analysts and service tokens.
  @FieldResolver(() => Int, {
    nullable: true,
    description: 'Views since the article went online, up to the last flush (about a second ago); null when the audience service is unavailable.',
  })
  viewCount(@Root() article: ArticleStub, @Ctx() ctx: RequestContext): Promise<number> {
    return this.rt.loaders(ctx).viewCount.load(Number(article.id));
  }
}

/** "En ce moment" on the home page, so the page gets it in the same request. */
@Resolver(() => HomePageStub)
export class HomePageTrendingResolver {
  constructor(private readonly rt: AudienceRuntime) {}

  @FieldResolver(() => [ArticleStub], {
    nullable: true,
    description: '"En ce moment": what readers are reading now (see `Query.trending`); null when the audience service is unavailable.',
  })
  async trending(@Root() _home: HomePageStub, @Args() { limit }: HomeTrendingArgs): Promise<ArticleStub[]> {
    return stubs(await new ReadershipService(this.rt).trending(null, limit));
  }
}
