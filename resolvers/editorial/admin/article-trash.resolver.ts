import { Arg, Authorized, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { Article } from '../../../entities/editorial/article.entity';
import { Role } from '../../../src/auth/roles';
import type { RequestContext } from '../../../src/context/request-context';
import { EditorialRuntime } from '../../../src/editorial/editorial-runtime';
import { ArticleTrashService } from '../../../src/editorial/workflow/article-trash.service';
import { toId } from '../../../src/graphql/ids';
import { ArticleType } from '../article.type';

const STAFF = [Role.Journalist, Role.Editor, Role.Admin];

/** The trash: deletion that can be undone, then purging for good (admins). */
@Resolver()
export class ArticleTrashResolver {
  constructor(private readonly rt: EditorialRuntime) {}

  @Authorized(...STAFF)
  @Mutation(() => ArticleType, {
    description:
      'Moves an article to the trash: invisible everywhere, its public paths answer GoneRoute; restorable. Editors: any article; journalists: their own drafts never published.',
  })
  trashArticle(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<Article> {
    return new ArticleTrashService(this.rt, ctx).trash(toId(id));
  }

  @Authorized(...STAFF)
  @Mutation(() => ArticleType, { description: 'Takes an article out of the trash, in the status it had (an overdue schedule comes back APPROVED).' })
  restoreArticle(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<Article> {
    return new ArticleTrashService(this.rt, ctx).restore(toId(id));
  }

  @Authorized(Role.Admin)
  @Mutation(() => ID, { description: 'Deletes an article in the trash for good, with its comments and page views; returns its id. CONFLICT unless it is in the trash.' })
  async purgeArticle(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<number> {
    return (await new ArticleTrashService(this.rt, ctx).purge(toId(id))).id;
  }

  @Authorized(Role.Editor, Role.Admin)
  @Query(() => [ArticleType], { description: 'Articles in the trash, most recently trashed first.' })
  trashedArticles(@Arg('first', () => Int, { defaultValue: 20, description: '1 to 100.' }) first: number, @Ctx() ctx: RequestContext): Promise<Article[]> {
    return new ArticleTrashService(this.rt, ctx).list(first);
  }
}
