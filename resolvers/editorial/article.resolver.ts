import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, Info, Query, Resolver, Root } from 'type-graphql';
import type { Article } from '../../entities/editorial/article.entity';
import { ListingKind } from '../../entities/editorial/article-listing.entity';
import type { Author } from '../../entities/editorial/author.entity';
import type { Media } from '../../entities/editorial/media.entity';
import type { Rubric } from '../../entities/editorial/rubric.entity';
import type { Tag } from '../../entities/editorial/tag.entity';
import type { RequestContext } from '../../src/context/request-context';
import { ArticleReadService } from '../../src/editorial/article-read.service';
import type { BodyBlock } from '../../src/editorial/body-blocks';
import { EditorialRuntime } from '../../src/editorial/editorial-runtime';
import { absoluteUrl, shareLinks } from '../../src/editorial/public-paths';
import { readingMinutes } from '../../src/editorial/reading-time';
import { SearchService } from '../../src/editorial/search.service';
import { badInput } from '../../src/errors/app-error';
import type { ConnectionPage } from '../../src/graphql/connection';
import { ConnectionArgs } from '../shared/connection.args';
import { ArticleLookupArgs, RelatedArgs } from './article.args';
import { ArticleType } from './article.type';
import { AuthorType } from './author.type';
import { BodyBlockUnion } from './body-block.type';
import { ArticleConnectionType } from './connections.type';
import { MediaType } from './media.type';
import { BreadcrumbItemType, ReadingTimeType, SeoType, ShareLinksType } from './page-parts.type';
import { breadcrumbIn } from './breadcrumb';
import { RubricType } from './rubric.type';
import { TagType } from './tag.type';
import { optionalId } from '../../src/graphql/ids';
import { selectsField } from '../../src/graphql/selects-field';

@Resolver(() => ArticleType)
export class ArticleResolver {
  constructor(private readonly rt: EditorialRuntime) {}

  private reader(ctx: RequestContext) {
    return new ArticleReadService(this.rt, ctx);
  }

  @Query(() => ArticleType, { nullable: true, description: 'One published article by slug or id; NOT_FOUND otherwise.' })
  article(@Args() { slug, id }: ArticleLookupArgs, @Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo): Promise<Article> {
    if (!slug && !id) throw badInput('Give a slug or an id', { argument: 'slug' });
    return this.reader(ctx).bySlugOrId(slug, optionalId(id, 'id'), {
      withBody: selectsField(info, 'body'),
      withTags: selectsField(info, 'tags') || selectsField(info, 'related'),
    });
  }

  @Query(() => ArticleConnectionType, { description: 'Every published article, newest first.' })
  articles(@Args() { first, after }: ConnectionArgs, @Ctx() ctx: RequestContext): Promise<ConnectionPage<Article>> {
    return this.reader(ctx).list({ kind: ListingKind.All, refId: 0 }, first, after);
  }

  @Query(() => ArticleConnectionType, {
    description: 'Full-text search of published articles (title, standfirst, body), accent-insensitive, most relevant first.',
  })
  search(
    @Arg('query', { description: 'Words to look for (at most 200 characters).' }) query: string,
    @Args() { first, after }: ConnectionArgs,
    @Ctx() ctx: RequestContext,
  ): Promise<ConnectionPage<Article>> {
    return new SearchService(this.rt, ctx).search(query, first, after);
  }

  @FieldResolver(() => [BodyBlockUnion], { description: 'The body, block by block.' })
  body(@Root() article: Article, @Ctx() ctx: RequestContext): Promise<BodyBlock[]> | BodyBlock[] {
    return article.body ?? this.rt.loaders(ctx).bodyByArticle.load(article.id);
  }

  @FieldResolver(() => String, { description: 'Public URL path, e.g. "/monde/europe/mon-article".' })
  path(@Root() article: Article, @Ctx() ctx: RequestContext): string | Promise<string> {
    return this.reader(ctx).path(article);
  }

  @FieldResolver(() => String, { description: 'Absolute public URL.' })
  async url(@Root() article: Article, @Ctx() ctx: RequestContext): Promise<string> {
    return absoluteUrl(await this.reader(ctx).path(article));
  }

  @FieldResolver(() => RubricType, { description: 'The primary rubric.' })
  rubric(@Root() article: Article, @Ctx() ctx: RequestContext): Rubric | undefined | Promise<Rubric | undefined> {
    return this.rt.loaders(ctx).withRubricTree((tree) => tree.get(article.primaryRubricId));
  }

  @FieldResolver(() => [RubricType], { description: 'Other rubrics it is also listed in.' })
  async secondaryRubrics(@Root() article: Article, @Ctx() ctx: RequestContext): Promise<Rubric[]> {
    const loaders = this.rt.loaders(ctx);
    const [ids, tree] = await Promise.all([loaders.secondaryRubricIdsByArticle.load(article.id), loaders.rubricTree()]);
    return ids.map((id) => tree.get(id)).filter((r): r is Rubric => Boolean(r));
  }

  @FieldResolver(() => [BreadcrumbItemType], { description: 'Home » … » its rubric.' })
  breadcrumb(@Root() article: Article, @Ctx() ctx: RequestContext): BreadcrumbItemType[] | Promise<BreadcrumbItemType[]> {
    return this.rt.loaders(ctx).withRubricTree((tree) => breadcrumbIn(tree, article.primaryRubricId));
  }

  @FieldResolver(() => [AuthorType], { description: 'Bylines in order.' })
  authors(@Root() article: Article, @Ctx() ctx: RequestContext): Promise<Author[]> {
    return this.rt.loaders(ctx).authorsByArticle.load(article.id);
  }

  @FieldResolver(() => [TagType])
  async tags(@Root() article: Article, @Ctx() ctx: RequestContext): Promise<Tag[]> {
    const loaders = this.rt.loaders(ctx);
    const ids = await loaders.tagIdsByArticle.load(article.id);
    const rows = await loaders.tagById.loadMany(ids);
    return rows.filter((t): t is Tag => Boolean(t) && !(t instanceof Error));
  }

  @FieldResolver(() => MediaType, { nullable: true, description: 'The lead image.' })
  heroImage(@Root() article: Article, @Ctx() ctx: RequestContext): Media | Promise<Media | null> | null {
    return article.heroImageId ? this.rt.loaders(ctx).image(article.heroImageId) : null;
  }

  @FieldResolver(() => ReadingTimeType)
  readingTime(@Root() article: Article): ReadingTimeType {
    const minutes = readingMinutes(article.wordCount);
    return { minutes, label: `${minutes} min`, words: article.wordCount };
  }

  @FieldResolver(() => SeoType)
  async seo(@Root() card: Article, @Ctx() ctx: RequestContext): Promise<SeoType> {
    const article = await this.rt.loaders(ctx).wholeArticle(card);
    return {
      metaTitle: article.metaTitle || article.title,
      metaDescription: article.metaDescription || article.standfirst || article.title,
      canonicalUrl: article.canonicalUrl || absoluteUrl(await this.reader(ctx).path(article)),
    };
  }

  @FieldResolver(() => String, { description: 'Absolute canonical URL (the SEO override, else its own URL).' })
  async canonicalUrl(@Root() card: Article, @Ctx() ctx: RequestContext): Promise<string> {
    const article = await this.rt.loaders(ctx).wholeArticle(card);
    return article.canonicalUrl || absoluteUrl(await this.reader(ctx).path(article));
  }

  @FieldResolver(() => ShareLinksType)
  async shareLinks(@Root() article: Article, @Ctx() ctx: RequestContext): Promise<ShareLinksType> {
    return shareLinks(absoluteUrl(await this.reader(ctx).path(article)), article.title);
  }

  @FieldResolver(() => [ArticleType], { description: '"Continuer la lecture": recent articles sharing its tags or rubric.' })
  related(@Root() article: Article, @Args() { first }: RelatedArgs, @Ctx() ctx: RequestContext): Promise<Article[]> {
    return this.reader(ctx).related(article, first);
  }
}
