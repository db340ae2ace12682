import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { Article } from '../../entities/editorial/article.entity';
import { ListingKind } from '../../entities/editorial/article-listing.entity';
import type { Rubric } from '../../entities/editorial/rubric.entity';
import type { RequestContext } from '../../src/context/request-context';
import { ArticleReadService } from '../../src/editorial/article-read.service';
import { EditorialRuntime } from '../../src/editorial/editorial-runtime';
import { absoluteUrl, rubricPath } from '../../src/editorial/public-paths';
import { notFound } from '../../src/errors/app-error';
import type { ConnectionPage } from '../../src/graphql/connection';
import { ConnectionArgs } from '../shared/connection.args';
import { breadcrumbIn } from './breadcrumb';
import { ArticleConnectionType } from './connections.type';
import { BreadcrumbItemType } from './page-parts.type';
import { RubricType } from './rubric.type';

@Resolver(() => RubricType)
export class RubricResolver {
  constructor(private readonly rt: EditorialRuntime) {}

  @Query(() => RubricType, { nullable: true, description: 'A rubric by its slug path ("maroc/politique"); NOT_FOUND otherwise.' })
  async rubric(@Arg('slug') slug: string, @Ctx() ctx: RequestContext): Promise<Rubric> {
    const tree = await this.rt.loaders(ctx).rubricTree();
    const rubric = tree.findByPath(slug.replace(/^\/+|\/+$/g, ''));
    if (!rubric) throw notFound('Rubric', { slug });
    return rubric;
  }

  @Query(() => [RubricType], { description: 'Top-level rubrics in menu order (the main menu).' })
  async rubrics(@Ctx() ctx: RequestContext): Promise<Rubric[]> {
    return (await this.rt.loaders(ctx).rubricTree()).roots();
  }

  @FieldResolver(() => String, { name: 'path', description: 'Public URL path, e.g. "/monde/ameriques".' })
  urlPath(@Root() rubric: Rubric): string {
    return rubricPath(rubric.path);
  }

  @FieldResolver(() => String, { description: 'Absolute public URL.' })
  url(@Root() rubric: Rubric): string {
    return absoluteUrl(rubricPath(rubric.path));
  }

  @FieldResolver(() => RubricType, { nullable: true })
  parent(@Root() rubric: Rubric, @Ctx() ctx: RequestContext): Rubric | null | Promise<Rubric | null> {
    const { parentId } = rubric;
    return parentId ? this.rt.loaders(ctx).withRubricTree((tree) => tree.get(parentId) ?? null) : null;
  }

  @FieldResolver(() => [RubricType], { description: 'Sub-rubrics in menu order.' })
  children(@Root() rubric: Rubric, @Ctx() ctx: RequestContext): Rubric[] | Promise<Rubric[]> {
    return this.rt.loaders(ctx).withRubricTree((tree) => tree.children(rubric.id));
  }

  @FieldResolver(() => [RubricType], { description: 'From the top-level rubric down to the parent.' })
  async ancestors(@Root() rubric: Rubric, @Ctx() ctx: RequestContext): Promise<Rubric[]> {
    return (await this.rt.loaders(ctx).rubricTree()).ancestors(rubric.id);
  }

  @FieldResolver(() => [BreadcrumbItemType], { description: 'Home » … » this rubric.' })
  breadcrumb(@Root() rubric: Rubric, @Ctx() ctx: RequestContext): BreadcrumbItemType[] | Promise<BreadcrumbItemType[]> {
    return this.rt.loaders(ctx).withRubricTree((tree) => breadcrumbIn(tree, rubric.id));
  }

  @FieldResolver(() => ArticleConnectionType, { description: 'Its published articles and those of every rubric below it, newest first.' })
  articles(@Root() rubric: Rubric, @Args() { first, after }: ConnectionArgs, @Ctx() ctx: RequestContext): Promise<ConnectionPage<Article>> {
    return new ArticleReadService(this.rt, ctx).list({ kind: ListingKind.Rubric, refId: rubric.id }, first, after);
  }
}
