import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { Article } from '../../entities/editorial/article.entity';
import { ListingKind } from '../../entities/editorial/article-listing.entity';
import type { Author } from '../../entities/editorial/author.entity';
import type { Media } from '../../entities/editorial/media.entity';
import type { RequestContext } from '../../src/context/request-context';
import { ArticleReadService } from '../../src/editorial/article-read.service';
import { EditorialRuntime } from '../../src/editorial/editorial-runtime';
import { authorPath } from '../../src/editorial/public-paths';
import { notFound } from '../../src/errors/app-error';
import type { ConnectionPage } from '../../src/graphql/connection';
import { ConnectionArgs } from '../shared/connection.args';
import { AuthorType } from './author.type';
import { ArticleConnectionType } from './connections.type';
import { MediaType } from './media.type';
import { SocialLinksType } from './page-parts.type';

@Resolver(() => AuthorType)
export class AuthorResolver {
  constructor(private readonly rt: EditorialRuntime) {}

  @Query(() => AuthorType, { nullable: true, description: 'An author by slug; NOT_FOUND otherwise.' })
  async author(@Arg('slug') slug: string, @Ctx() ctx: RequestContext): Promise<Author> {
    const author = await this.rt.loaders(ctx).authorBySlug.load(slug);
    if (!author) throw notFound('Author', { slug });
    return author;
  }

  @FieldResolver(() => String, { description: 'Public URL path of the author page.' })
  path(@Root() author: Author): string {
    return authorPath(author.slug);
  }

  // A byline read as a card has no biography, avatar or links: `wholeAuthor` reads them then.
  @FieldResolver(() => String, { nullable: true })
  async bio(@Root() author: Author, @Ctx() ctx: RequestContext): Promise<string | null> {
    return (await this.rt.loaders(ctx).wholeAuthor(author)).bio;
  }

  @FieldResolver(() => MediaType, { nullable: true })
  async avatar(@Root() card: Author, @Ctx() ctx: RequestContext): Promise<Media | null> {
    const loaders = this.rt.loaders(ctx);
    const author = await loaders.wholeAuthor(card);
    return author.avatarId ? loaders.mediaById.load(author.avatarId) : null;
  }

  @FieldResolver(() => SocialLinksType)
  async socialLinks(@Root() author: Author, @Ctx() ctx: RequestContext): Promise<SocialLinksType> {
    return (await this.rt.loaders(ctx).wholeAuthor(author)).socialLinks ?? {};
  }

  @FieldResolver(() => ArticleConnectionType, { description: 'Published articles they signed, newest first.' })
  articles(@Root() author: Author, @Args() { first, after }: ConnectionArgs, @Ctx() ctx: RequestContext): Promise<ConnectionPage<Article>> {
    return new ArticleReadService(this.rt, ctx).list({ kind: ListingKind.Author, refId: author.id }, first, after);
  }
}
