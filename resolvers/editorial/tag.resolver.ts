import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { Article } from '../../entities/editorial/article.entity';
import { ListingKind } from '../../entities/editorial/article-listing.entity';
import type { Tag } from '../../entities/editorial/tag.entity';
import type { RequestContext } from '../../src/context/request-context';
import { ArticleReadService } from '../../src/editorial/article-read.service';
import { EditorialRuntime } from '../../src/editorial/editorial-runtime';
import { tagPath } from '../../src/editorial/public-paths';
import { notFound } from '../../src/errors/app-error';
import type { ConnectionPage } from '../../src/graphql/connection';
import { ConnectionArgs } from '../shared/connection.args';
import { ArticleConnectionType } from './connections.type';
import { TagType } from './tag.type';

@Resolver(() => TagType)
export class TagResolver {
  constructor(private readonly rt: EditorialRuntime) {}

  @Query(() => TagType, { nullable: true, description: 'A tag by slug; NOT_FOUND otherwise.' })
  async tag(@Arg('slug') slug: string, @Ctx() ctx: RequestContext): Promise<Tag> {
    const tag = await this.rt.loaders(ctx).tagBySlug.load(slug);
    if (!tag) throw notFound('Tag', { slug });
    return tag;
  }

  @FieldResolver(() => String, { description: 'Public URL path of the tag page.' })
  path(@Root() tag: Tag): string {
    return tagPath(tag.slug);
  }

  @FieldResolver(() => ArticleConnectionType, { description: 'Published articles with this tag, newest first.' })
  articles(@Root() tag: Tag, @Args() { first, after }: ConnectionArgs, @Ctx() ctx: RequestContext): Promise<ConnectionPage<Article>> {
    return new ArticleReadService(this.rt, ctx).list({ kind: ListingKind.Tag, refId: tag.id }, first, after);
  }
}
