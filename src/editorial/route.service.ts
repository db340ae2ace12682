import type { Article } from '../../entities/editorial/article.entity';
import { ArticleSlugHistory } from '../../entities/editorial/article-slug-history.entity';
import { RubricPathHistory } from '../../entities/editorial/rubric-path-history.entity';
import type { Author } from '../../entities/editorial/author.entity';
import type { Rubric } from '../../entities/editorial/rubric.entity';
import type { Tag } from '../../entities/editorial/tag.entity';
import type { RequestContext } from '../context/request-context';
import { badInput, notFound } from '../errors/app-error';
import { ArticleReadService } from './article-read.service';
import { isPubliclyVisible } from './article-visibility';
import type { EditorialRuntime } from './editorial-runtime';
import { AUTHOR_PREFIX, TAG_PREFIX } from './public-paths';

export type Redirect = { kind: 'redirect'; location: string; statusCode: number };
/** A page that existed and was deleted (an article in the trash): a front end answers 410. */
export type Gone = { kind: 'gone'; path: string; statusCode: 410 };
export type RouteTarget =
  | { kind: 'article'; node: Article }
  | { kind: 'rubric'; node: Rubric }
  | { kind: 'author'; node: Author }
  | { kind: 'tag'; node: Tag }
  | Redirect
  | Gone;

const MAX_PATH = 1000;

/**
 * Only paths readers could open answer "gone": a draft thrown away was never public, and its
 * slug stays unknown (NOT_FOUND) as it always was.
 */
function wasPublicWhenTrashed(article: Article): boolean {
  return article.trashedAt !== null && isPubliclyVisible({ ...article, trashedAt: null }, article.trashedAt);
}

/** Resolves a public URL path to what it shows, or to where it moved. */
export class RouteService {
  private readonly articles: ArticleReadService;

  constructor(
    private readonly rt: EditorialRuntime,
    private readonly ctx: RequestContext,
  ) {
    this.articles = new ArticleReadService(rt, ctx);
  }

  async resolve(rawPath: string): Promise<RouteTarget> {
    if (rawPath.length > MAX_PATH) throw badInput(`path is longer than ${MAX_PATH} characters`, { argument: 'path' });
    const segments = this.segments(rawPath);
    const loaders = this.rt.loaders(this.ctx);
    if (segments.length === 2 && segments[0] === AUTHOR_PREFIX) {
      const author = await loaders.authorBySlug.load(segments[1]);
      if (author) return { kind: 'author', node: author };
    } else if (segments.length === 2 && segments[0] === TAG_PREFIX) {
      const tag = await loaders.tagBySlug.load(segments[1]);
      if (tag) return { kind: 'tag', node: tag };
    } else if (segments.length) {
      const tree = await loaders.rubricTree();
      const rubric = tree.findByPath(segments.join('/'));
      if (rubric) return { kind: 'rubric', node: rubric };
      if (segments.length >= 2) {
        const found = await this.article(segments[segments.length - 1], `/${segments.join('/')}`);
        if (found) return found;
      }
      const moved = await this.rt.dataSource.getRepository(RubricPathHistory).findOneBy({ path: segments.join('/') });
      const current = moved ? tree.get(moved.rubricId) : undefined;
      if (current) return { kind: 'redirect', location: `/${current.path}`, statusCode: 301 };
    }
    throw notFound('Page', { path: rawPath });
  }

  private async article(slug: string, requested: string): Promise<RouteTarget | null> {
    const loaders = this.rt.loaders(this.ctx);
    let found = await loaders.articleBySlug.load(slug);
    let article = await this.articles.visible(found);
    if (!article) {
      const old = await this.rt.dataSource.getRepository(ArticleSlugHistory).findOneBy({ slug });
      if (old) {
        found = await loaders.articleById.load(old.articleId);
        article = await this.articles.visible(found);
      }
    }
    if (!article) return found && wasPublicWhenTrashed(found) ? { kind: 'gone', path: requested, statusCode: 410 } : null;
    const canonical = await this.articles.path(article);
    if (canonical === requested) return { kind: 'article', node: article };
    return { kind: 'redirect', location: canonical, statusCode: 301 };
  }

  private segments(rawPath: string): string[] {
    let path = rawPath.split(/[?#]/)[0];
    try {
      path = decodeURIComponent(path);
    } catch {
      throw badInput('path is not valid URL encoding', { argument: 'path' });
    }
    return path
      .split('/')
      .map((s) => s.trim())
      .filter(Boolean);
  }
}
