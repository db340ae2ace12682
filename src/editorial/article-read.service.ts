import type { Article } from '../../entities/editorial/article.entity';
import { ArticleSlugHistory } from '../../entities/editorial/article-slug-history.entity';
import { ListingKind } from '../../entities/editorial/article-listing.entity';
import type { RequestContext } from '../context/request-context';
import { notFound } from '../errors/app-error';
import { ConnectionPage, decodeCursor, encodeCursor, pageSize } from '../graphql/connection';
import { isPubliclyVisible } from './article-visibility';
import { isEditor } from './workflow/editorial-staff';
import type { EditorialRuntime } from './editorial-runtime';
import type { ListKey } from './listing.repository';
import { articlePath } from './public-paths';

/**
 * Public reads of articles: single articles, lists as keyset-paginated connections, and
 * "Continuer la lecture". Everything the public cannot see is NOT_FOUND, never FORBIDDEN.
 */
export class ArticleReadService {
  constructor(
    private readonly rt: EditorialRuntime,
    private readonly ctx: RequestContext,
  ) {}

  private get loaders() {
    return this.rt.loaders(this.ctx);
  }

  /** The article if this viewer may read it, else null: editors see every status and embargo, nobody sees the trash. */
  async visible(article: Article | null): Promise<Article | null> {
    if (!article || article.trashedAt) return null;
    return isPubliclyVisible(article, this.ctx.now) || isEditor(this.ctx.viewer) ? article : null;
  }

  async byId(id: number): Promise<Article | null> {
    return this.visible(await this.loaders.articleById.load(id));
  }

  /**
   * By current slug, else by a slug it used to have, else by id. `withBody` reads the body in
   * the same statement when the lookup is by current slug (an article page asks for both);
   * `withTags` reads its tags with their join rows in one statement before returning.
   */
  async bySlugOrId(slug?: string | null, id?: number | null, options: { withBody?: boolean; withTags?: boolean } = {}): Promise<Article> {
    const bySlug = options.withBody ? this.loaders.articleWithBodyBySlug : this.loaders.articleBySlug;
    let article = slug ? await bySlug.load(slug) : id ? await this.loaders.articleById.load(id) : null;
    if (!article && slug) {
      const old = await this.rt.dataSource.getRepository(ArticleSlugHistory).findOneBy({ slug });
      if (old) article = await this.loaders.articleById.load(old.articleId);
    }
    const found = await this.visible(article);
    if (!found) throw notFound('Article', slug ? { slug } : { id });
    if (options.withTags) await this.loaders.tagsByArticle.load(found.id);
    return found;
  }

  /**
   * Loads visible articles by id, keeping order and dropping what the viewer cannot see: as
   * cards (a card's columns; fields needing the rest read it, see `wholeArticle`).
   */
  async manyById(ids: number[]): Promise<Article[]> {
    const rows = await this.loaders.articleCardById.loadMany(ids);
    const out: Article[] = [];
    for (const row of rows) {
      if (row && !(row instanceof Error) && (await this.visible(row))) out.push(row);
    }
    return out;
  }

  /** A page of a public list, newest first, keyset-paginated on (publishedAt, id). */
  async list(key: ListKey, first?: number | null, after?: string | null): Promise<ConnectionPage<Article>> {
    const limit = pageSize(first);
    const cursor = after ? decodeCursor(after, ['number', 'number']) : null;
    const entries = await this.loaders.listPage.load({
      key,
      limit: limit + 1,
      after: cursor ? { publishedAt: new Date(cursor[0] as number), id: cursor[1] as number } : null,
    });
    const page = entries.slice(0, limit);
    const articles = await this.manyById(page.map((e) => e.articleId));
    const byId = new Map(articles.map((a) => [a.id, a]));
    const edges = page
      .filter((e) => byId.has(e.articleId))
      .map((e) => ({ cursor: encodeCursor([e.publishedAt.getTime(), e.articleId]), node: byId.get(e.articleId)! }));
    return new ConnectionPage(edges, entries.length > limit, () => this.loaders.listCount.load(key), Boolean(after));
  }

  /**
   * "Continuer la lecture": recent articles sharing its tags or its rubric, ranked by how
   * much they share (each tag 2, the rubric 1), newest first among equals; never itself.
   */
  async related(article: Article, limit: number): Promise<Article[]> {
    const tagIds = await this.loaders.tagIdsByArticle.load(article.id);
    const keys: Array<{ key: ListKey; weight: number }> = [
      ...tagIds.slice(0, 8).map((id) => ({ key: { kind: ListingKind.Tag, refId: id }, weight: 2 })),
      { key: { kind: ListingKind.Rubric, refId: article.primaryRubricId }, weight: 1 },
    ];
    const pages = await Promise.all(
      keys.map((k) => this.loaders.listPage.load({ key: k.key, limit: 20, excludeId: article.id })),
    );
    const score = new Map<number, { score: number; at: number }>();
    pages.forEach((page, i) => {
      for (const e of page) {
        const s = score.get(e.articleId) ?? { score: 0, at: e.publishedAt.getTime() };
        s.score += keys[i].weight;
        score.set(e.articleId, s);
      }
    });
    const ranked = [...score.entries()]
      .sort((a, b) => b[1].score - a[1].score || b[1].at - a[1].at || b[0] - a[0])
      .slice(0, limit)
      .map(([id]) => id);
    return this.manyById(ranked);
  }

  path(article: Article): string | Promise<string> {
    return this.loaders.withRubricTree((tree) => articlePath(tree.get(article.primaryRubricId)?.path ?? 'articles', article.slug));
  }
}
