import { Arg, Args, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { LessThanOrEqual } from 'typeorm';
import type { Article } from '../../entities/editorial/article.entity';
import { MagazineIssue } from '../../entities/editorial/magazine-issue.entity';
import type { Media } from '../../entities/editorial/media.entity';
import type { RequestContext } from '../../src/context/request-context';
import { ArticleReadService } from '../../src/editorial/article-read.service';
import { EditorialRuntime } from '../../src/editorial/editorial-runtime';
import { notFound } from '../../src/errors/app-error';
import { ConnectionPage, decodeCursor, encodeCursor, pageSize } from '../../src/graphql/connection';
import { ConnectionArgs } from '../shared/connection.args';
import { MagazineIssueConnectionType } from './connections.type';
import { ArticleType } from './article.type';
import { MagazineIssueType } from './magazine-issue.type';
import { MediaType } from './media.type';

@Resolver(() => MagazineIssueType)
export class MagazineIssueResolver {
  constructor(private readonly rt: EditorialRuntime) {}

  private today(ctx: RequestContext): string {
    return ctx.now.toISOString().slice(0, 10);
  }

  @Query(() => MagazineIssueType, {
    nullable: true,
    description: 'An issue by number, or without one the current issue ("En kiosque"): the latest already on sale.',
  })
  async magazineIssue(@Arg('number', () => Int, { nullable: true }) number: number | null, @Ctx() ctx: RequestContext) {
    const issue =
      number === null || number === undefined
        ? await this.rt.loaders(ctx).currentMagazineIssue()
        : await this.rt.dataSource
            .getRepository(MagazineIssue)
            .findOne({ where: { number, onSaleDate: LessThanOrEqual(this.today(ctx)) } });
    if (!issue) throw notFound('Magazine issue', number ? { number } : {});
    return issue;
  }

  @Query(() => MagazineIssueConnectionType, { description: 'Issues already on sale, newest first.' })
  async magazineIssues(@Args() { first, after }: ConnectionArgs, @Ctx() ctx: RequestContext) {
    const limit = pageSize(first);
    const cursor = after ? (decodeCursor(after, ['number'])[0] as number) : null;
    const today = this.today(ctx);
    const qb = this.rt.dataSource
      .getRepository(MagazineIssue)
      .createQueryBuilder('m')
      .where('m.onSaleDate <= :today', { today })
      .orderBy('m.number', 'DESC')
      .limit(limit + 1);
    if (cursor !== null) qb.andWhere('m.number < :cursor', { cursor });
    const rows = await qb.getMany();
    const edges = rows.slice(0, limit).map((node) => ({ cursor: encodeCursor([node.number]), node }));
    const count = () =>
      this.rt.dataSource.getRepository(MagazineIssue).createQueryBuilder('m').where('m.onSaleDate <= :today', { today }).getCount();
    return new ConnectionPage(edges, rows.length > limit, count, Boolean(after));
  }

  @FieldResolver(() => MediaType, { nullable: true })
  cover(@Root() issue: MagazineIssue, @Ctx() ctx: RequestContext): Promise<Media | null> | null {
    return issue.coverId ? this.rt.loaders(ctx).mediaById.load(issue.coverId) : null;
  }

  @FieldResolver(() => [ArticleType], { description: 'Its headline articles, in the editors’ order.' })
  async featuredArticles(@Root() issue: MagazineIssue, @Ctx() ctx: RequestContext): Promise<Article[]> {
    const ids = await this.rt.loaders(ctx).articleIdsByMagazineIssue.load(issue.id);
    return new ArticleReadService(this.rt, ctx).manyById(ids);
  }
}
