import type { DataSource, EntityManager } from 'typeorm';
import { In } from 'typeorm';
import { Article } from '../../entities/editorial/article.entity';
import { ArticleByline } from '../../entities/editorial/article-byline.entity';
import { ArticleSecondaryRubric } from '../../entities/editorial/article-secondary-rubric.entity';
import { ArticleSlugHistory } from '../../entities/editorial/article-slug-history.entity';
import { ArticleTag } from '../../entities/editorial/article-tag.entity';
import { Rubric } from '../../entities/editorial/rubric.entity';
import { isMysql } from '../db/data-source';
import { contentEvents } from '../events/content-events';
import { MysqlArticleSearch } from '../search/mysql-article-search';
import { SqliteArticleSearch } from '../search/sqlite-article-search';
import { isListed } from './article-visibility';
import type { ArticleStatus } from './article-status';
import { bodyText, type BodyBlock } from './body-blocks';
import { rewriteListings } from './listing.repository';
import { countWords } from './reading-time';
import { RubricTree } from './rubric-tree';

export type ArticleDraft = {
  slug: string;
  title: string;
  kicker?: string | null;
  standfirst?: string | null;
  body: BodyBlock[];
  status: ArticleStatus;
  primaryRubricId: number;
  secondaryRubricIds?: number[];
  authorIds?: number[];
  tagIds?: number[];
  heroImageId?: number | null;
  publishedAt?: Date | null;
  language?: string;
};

/**
 * Persists articles together with everything derived from them: bylines, tags, secondary
 * rubrics, the listing read model, the search index and slug history. Every write is one
 * transaction, so a reader never sees an article without its lists or the other way round.
 */
export class ArticleStore {
  private readonly search;

  constructor(private readonly ds: DataSource) {
    this.search = isMysql(ds) ? new MysqlArticleSearch() : new SqliteArticleSearch();
  }

  async create(draft: ArticleDraft): Promise<Article> {
    const created = await this.ds.transaction(async (m) => {
      const now = new Date();
      const text = bodyText(draft.body);
      const article = m.getRepository(Article).create({
        slug: draft.slug,
        title: draft.title,
        kicker: draft.kicker ?? null,
        standfirst: draft.standfirst ?? null,
        body: draft.body,
        status: draft.status,
        language: draft.language ?? 'fr',
        primaryRubricId: draft.primaryRubricId,
        heroImageId: draft.heroImageId ?? null,
        wordCount: countWords(text),
        publishedAt: draft.publishedAt ?? (draft.status === 'published' ? now : null),
        createdAt: now,
        updatedAt: now,
        metaTitle: null,
        metaDescription: null,
        canonicalUrl: null,
        version: 1,
      });
      const saved = await m.getRepository(Article).save(article);
      await this.writeRelations(m, saved.id, draft);
      await this.refreshDerived(m, [saved]);
      return saved;
    });
    await contentEvents.emit({ type: 'article.created', articleId: created.id });
    return created;
  }

  /** Changes a slug and keeps the old one redirecting (the old slug may be reused later by no one else). */
  async changeSlug(articleId: number, slug: string): Promise<void> {
    await this.ds.transaction(async (m) => {
      const article = await m.getRepository(Article).findOneByOrFail({ id: articleId });
      if (article.slug === slug) return;
      await m.getRepository(ArticleSlugHistory).delete({ slug });
      await m.getRepository(ArticleSlugHistory).save({ slug: article.slug, articleId, retiredAt: new Date() });
      await m.getRepository(Article).update(articleId, { slug, updatedAt: new Date(), version: article.version + 1 });
    });
    await contentEvents.emit({ type: 'article.updated', articleId });
  }

  /** Updates some columns and rebuilds what derives from them. */
  async update(articleId: number, changes: Partial<Pick<Article, 'status' | 'publishedAt' | 'primaryRubricId' | 'title' | 'standfirst' | 'body'>>): Promise<Article> {
    const updated = await this.ds.transaction(async (m) => {
      const repo = m.getRepository(Article);
      const article = await repo.createQueryBuilder('a').addSelect('a.body').where('a.id = :id', { id: articleId }).getOneOrFail();
      Object.assign(article, changes, { updatedAt: new Date(), version: article.version + 1 });
      if (changes.body) article.wordCount = countWords(bodyText(changes.body));
      const saved = await repo.save(article);
      await this.refreshDerived(m, [saved]);
      return saved;
    });
    await contentEvents.emit({ type: 'article.updated', articleId });
    return updated;
  }

  private async writeRelations(m: EntityManager, articleId: number, draft: ArticleDraft): Promise<void> {
    const bylines = (draft.authorIds ?? []).map((authorId, position) => ({ articleId, authorId, position }));
    if (bylines.length) await m.getRepository(ArticleByline).insert(bylines);
    const tags = [...new Set(draft.tagIds ?? [])].map((tagId) => ({ articleId, tagId }));
    if (tags.length) await m.getRepository(ArticleTag).insert(tags);
    const secondary = [...new Set(draft.secondaryRubricIds ?? [])].map((rubricId) => ({ articleId, rubricId }));
    if (secondary.length) await m.getRepository(ArticleSecondaryRubric).insert(secondary);
  }

  /** Rewrites listing rows and search entries of these articles from their current state. */
  async refreshDerived(m: EntityManager, articles: Article[]): Promise<void> {
    const ids = articles.map((a) => a.id);
    const tree = new RubricTree(await m.getRepository(Rubric).find());
    const [bylines, tags, secondary] = await Promise.all([
      m.getRepository(ArticleByline).find({ where: { articleId: In(ids) }, order: { position: 'ASC' } }),
      m.getRepository(ArticleTag).find({ where: { articleId: In(ids) } }),
      m.getRepository(ArticleSecondaryRubric).find({ where: { articleId: In(ids) } }),
    ]);
    const sources = articles.filter(isListed).map((a) => ({
      id: a.id,
      publishedAt: a.publishedAt!,
      primaryRubricId: a.primaryRubricId,
      secondaryRubricIds: secondary.filter((s) => s.articleId === a.id).map((s) => s.rubricId),
      tagIds: tags.filter((t) => t.articleId === a.id).map((t) => t.tagId),
      authorIds: bylines.filter((b) => b.articleId === a.id).map((b) => b.authorId),
    }));
    await rewriteListings(m, ids, sources, tree);
    await this.search.index(
      m,
      articles.map((a) => ({ articleId: a.id, title: a.title, standfirst: a.standfirst ?? '', body: bodyText(a.body) })),
    );
  }
}
