import type { GraphQLResolveInfo } from 'graphql';
import { Ctx, FieldResolver, Info, Int, Arg, Query, Resolver, Root } from 'type-graphql';
import type { Article } from '../../entities/editorial/article.entity';
import type { MagazineIssue } from '../../entities/editorial/magazine-issue.entity';
import type { RequestContext } from '../../src/context/request-context';
import { EditorialRuntime } from '../../src/editorial/editorial-runtime';
import { HomePageService } from '../../src/editorial/home-page.service';
import { selectsPath } from '../../src/graphql/selects-field';
import { ArticleType } from './article.type';
import { HeadlineBlockType, HomePageType, RubricBlockType } from './home-page.type';
import { MagazineIssueType } from './magazine-issue.type';

/**
 * The root carries the block size so every block is cut from the same assembly, and whether
 * the magazine issue's articles are asked for (read with the page's then).
 */
type HomePageRoot = { id: string; articlesPerBlock?: number; at?: Date; magazineArticles?: boolean };

const DEFAULT_PER_BLOCK = 4;

@Resolver(() => HomePageType)
export class HomePageResolver {
  constructor(private readonly rt: EditorialRuntime) {}

  /**
   * A home page reached through `_entities` (another subgraph's field) has the default size,
   * and reads the magazine's articles with its own (its selection is not known here).
   */
  private content(home: HomePageRoot, ctx: RequestContext) {
    return new HomePageService(this.rt, ctx).content(home.articlesPerBlock ?? DEFAULT_PER_BLOCK, home.at, home.magazineArticles ?? true);
  }

  @Query(() => HomePageType, { description: 'The home page: curated blocks, a block per rubric, the magazine on sale.' })
  homePage(
    @Arg('articlesPerBlock', () => Int, { defaultValue: DEFAULT_PER_BLOCK, description: 'Stories per rubric block, 1 to 12.' })
    articlesPerBlock: number,
    @Info() info: GraphQLResolveInfo,
  ): HomePageRoot {
    return { id: 'home', articlesPerBlock, magazineArticles: selectsPath(info, ['magazineIssue', 'featuredArticles']) };
  }

  @FieldResolver(() => HeadlineBlockType, { description: '"À la une", curated, empty slots filled with the latest published.' })
  async headline(@Root() home: HomePageRoot, @Ctx() ctx: RequestContext): Promise<HeadlineBlockType> {
    const { headline } = await this.content(home, ctx);
    return { lead: headline[0] ?? null, secondary: headline.slice(1) };
  }

  @FieldResolver(() => [ArticleType], { description: '"Notre sélection", curated, empty slots filled with the latest published.' })
  async selection(@Root() home: HomePageRoot, @Ctx() ctx: RequestContext): Promise<Article[]> {
    return (await this.content(home, ctx)).selection;
  }

  @FieldResolver(() => [RubricBlockType], { description: 'One block per top-level rubric, in menu order.' })
  async rubricBlocks(@Root() home: HomePageRoot, @Ctx() ctx: RequestContext): Promise<RubricBlockType[]> {
    return (await this.content(home, ctx)).rubricBlocks;
  }

  @FieldResolver(() => MagazineIssueType, { nullable: true, description: '"En kiosque": the issue on sale now.' })
  async magazineIssue(@Root() home: HomePageRoot, @Ctx() ctx: RequestContext): Promise<MagazineIssue | null> {
    return (await this.content(home, ctx)).magazineIssue;
  }
}
