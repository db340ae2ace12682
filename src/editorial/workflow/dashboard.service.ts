import type { SelectQueryBuilder } from 'typeorm';
import { Article } from '../../../entities/editorial/article.entity';
import type { RequestContext } from '../../context/request-context';
import type { ArticleStatus } from '../article-status';
import type { EditorialRuntime } from '../editorial-runtime';
import { isEditor, ownAuthorIds, requireStaff } from './editorial-staff';

export type DashboardFilter = { rubricId?: number | null; authorId?: number | null };
export type DashboardSection = { totalCount: number; items: Article[] };

const SECTION_SIZE = 20;

/** Whose articles a section shows: everyone's (editors), or those a person signs or created. */
type Scope = { all: true } | { all: false; userId: number; authorIds: number[] };

/**
 * The desk's overview. "My drafts" are the viewer's own; in the other sections journalists
 * see their own articles and editors see all; the trash is listed apart (`trashedArticles`).
 * Each section is one page query plus one count.
 */
export class DashboardService {
  constructor(
    private readonly rt: EditorialRuntime,
    private readonly ctx: RequestContext,
  ) {}

  async sections(filter: DashboardFilter) {
    const viewer = requireStaff(this.ctx);
    const mine: Scope = { all: false, userId: viewer.userId, authorIds: await ownAuthorIds(this.rt.dataSource.manager, viewer.userId) };
    const scope: Scope = isEditor(viewer) ? { all: true } : mine;
    const [myDrafts, inReview, scheduled, recentlyPublished] = await Promise.all([
      this.section(['draft', 'changes_requested'], 'updatedAt', filter, mine),
      this.section(['in_review'], 'updatedAt', filter, scope),
      this.section(['scheduled', 'approved'], 'publishedAt', filter, scope),
      this.section(['published'], 'publishedAt', filter, scope),
    ]);
    return { myDrafts, inReview, scheduled, recentlyPublished };
  }

  private async section(statuses: ArticleStatus[], order: 'updatedAt' | 'publishedAt', filter: DashboardFilter, scope: Scope): Promise<DashboardSection> {
    const base = () => this.restrict(this.rt.dataSource.getRepository(Article).createQueryBuilder('a').where('a.status IN (:...statuses) AND a.trashedAt IS NULL', { statuses }), filter, scope);
    const [items, totalCount] = await Promise.all([
      base().orderBy(`a.${order}`, 'DESC').addOrderBy('a.id', 'DESC').take(SECTION_SIZE).getMany(),
      base().getCount(),
    ]);
    return { totalCount, items };
  }

  private restrict(qb: SelectQueryBuilder<Article>, filter: DashboardFilter, scope: Scope): SelectQueryBuilder<Article> {
    if (filter.rubricId) qb.andWhere('a.primaryRubricId = :rubricId', { rubricId: filter.rubricId });
    if (filter.authorId) qb.andWhere('a.id IN (SELECT fb.articleId FROM article_byline fb WHERE fb.authorId = :authorId)', { authorId: filter.authorId });
    if (!scope.all) {
      const signed = scope.authorIds.length ? ' OR a.id IN (SELECT sb.articleId FROM article_byline sb WHERE sb.authorId IN (:...own))' : '';
      qb.andWhere(`(a.createdByUserId = :me${signed})`, { me: scope.userId, own: scope.authorIds });
    }
    return qb;
  }
}
