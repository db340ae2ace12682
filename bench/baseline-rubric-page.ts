import { ListingKind } from '../entities/editorial/article-listing.entity';
import { readDate, sqlDate } from '../src/db/sql-values';
import { rubricPath } from '../src/editorial/public-paths';
import { encodeCursor } from '../src/graphql/connection';
import { breadcrumb, type BaselineSql } from './baseline-sql';

/**
 * The rubric page of RUBRIC_PAGE_QUERY by hand: the rubric tree, one page of the rubric's
 * listing, then the cards (four statements).
 */
export class BaselineRubricPage {
  constructor(private readonly sql: BaselineSql) {}

  async render(slug: string, first = 30): Promise<unknown> {
    const now = new Date();
    const tree = await this.sql.rubricTree();
    const rubric = tree.findByPath(slug.replace(/^\/+|\/+$/g, ''));
    if (!rubric) return { data: { rubric: null } };
    const entries = await this.sql.rows<[number, string | Date]>(
      'SELECT articleId, publishedAt FROM article_listing WHERE kind = ? AND refId = ? AND publishedAt <= ? ORDER BY publishedAt DESC, articleId DESC LIMIT ?',
      [ListingKind.Rubric, rubric.id, sqlDate(this.sql.ds, now), first + 1],
    );
    const page = entries.slice(0, first);
    const cards = await this.sql.cards(page.map(([articleId]) => Number(articleId)), tree, now);
    const edges = page
      .filter(([articleId]) => cards.has(Number(articleId)))
      .map(([articleId, publishedAt]) => ({ cursor: encodeCursor([readDate(publishedAt).getTime(), Number(articleId)]), node: cards.get(Number(articleId)) }));
    return {
      data: {
        rubric: {
          id: String(rubric.id), name: rubric.name, description: rubric.description, path: rubricPath(rubric.path),
          breadcrumb: breadcrumb(tree, rubric.id),
          children: tree.children(rubric.id).map((c) => ({ name: c.name, path: rubricPath(c.path) })),
          articles: { pageInfo: { hasNextPage: entries.length > first, endCursor: edges[edges.length - 1]?.cursor ?? null }, edges },
        },
      },
    };
  }
}
