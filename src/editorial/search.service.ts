import type { Article } from '../../entities/editorial/article.entity';
import type { RequestContext } from '../context/request-context';
import { badInput } from '../errors/app-error';
import { ConnectionPage, decodeCursor, encodeCursor, pageSize } from '../graphql/connection';
import { isEmptyQuery, parseSearchQuery } from '../search/search-query';
import { ArticleReadService } from './article-read.service';
import type { EditorialRuntime } from './editorial-runtime';

export const MAX_SEARCH_LENGTH = 200;

/**
 * Full-text search of published articles: title matches first, then most relevant, keyset-
 * paginated on (score, id). What the query means (stop words, the one prefix) is decided in
 * search-query.ts; how the index answers it, in the engine's ArticleSearch.
 */
export class SearchService {
  constructor(
    private readonly rt: EditorialRuntime,
    private readonly ctx: RequestContext,
  ) {}

  async search(query: string, first?: number | null, after?: string | null): Promise<ConnectionPage<Article>> {
    if (query.length > MAX_SEARCH_LENGTH) {
      throw badInput(`query is longer than ${MAX_SEARCH_LENGTH} characters`, { argument: 'query' });
    }
    const limit = pageSize(first);
    const cursor = after ? decodeCursor(after, ['number', 'number']) : null;
    const terms = parseSearchQuery(query);
    const db = this.rt.dataSource;
    if (isEmptyQuery(terms)) return new ConnectionPage<Article>([], false, async () => 0, Boolean(after));
    const { hits, total } = await this.rt.search.search(
      db,
      terms,
      limit + 1,
      cursor ? { score: cursor[0] as number, id: cursor[1] as number } : null,
      this.ctx.now,
    );
    const page = hits.slice(0, limit);
    const articles = await new ArticleReadService(this.rt, this.ctx).manyById(page.map((h) => h.articleId));
    const byId = new Map(articles.map((a) => [a.id, a]));
    const edges = page
      .filter((h) => byId.has(h.articleId))
      .map((h) => ({ cursor: encodeCursor([h.score, h.articleId]), node: byId.get(h.articleId)! }));
    // The page's statement counted the matches too; an empty page (past the end) did not.
    const count = total !== null ? async () => total : () => this.rt.search.count(db, terms, this.ctx.now);
    return new ConnectionPage(edges, hits.length > limit, count, Boolean(after));
  }
}
