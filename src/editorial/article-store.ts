import type { DataSource, EntityManager } from 'typeorm';
import { In } from 'typeorm';
import { Article } from '../../entities/editorial/article.entity';
import { ArticleBody } from '../../entities/editorial/article-body.entity';
import { ArticleByline } from '../../entities/editorial/article-byline.entity';
import { ArticleSecondaryRubric } from '../../entities/editorial/article-secondary-rubric.entity';
import { ArticleSlugHistory } from '../../entities/editorial/article-slug-history.entity';
import { ArticleTag } from '../../entities/editorial/article-tag.entity';
import { Rubric } from '../../entities/editorial/rubric.entity';
import { createArticleSearch } from '../search/create-article-search';
import { isListed, publicFrom } from './article-visibility';
import { bodyText, type BodyBlock } from './body-blocks';
import { rewriteListings } from './listing.repository';
import { countWords } from './reading-time';
import { RubricTree } from './rubric-tree';
import type { ArticleSnapshot } from './workflow/article-snapshot';

/** The relations of an article kept in join tables. */
type ArticleRelations = { authorIds: number[]; tagIds: number[]; secondaryRubricIds: number[] };

/**
 * Persists articles together with everything derived from them: bylines, tags, secondary
 * rubrics, the listing read model, the search index and slug history. Every write runs inside
 * the caller's transaction (the workflow services'), so a reader never sees an article without
 * its lists or the other way round.
 */
export class ArticleStore {
  private readonly search;

  constructor(private readonly ds: DataSource) {
    this.search = createArticleSearch(ds);
  }

  /** The article with its body, as the admin edits it. */
  async loadForEdit(m: EntityManager, articleId: number): Promise<Article | null> {
    const article = await m.getRepository(Article).findOneBy({ id: articleId });
    if (article) await this.attachBodies(m, [article]);
    return article;
  }

  private async attachBodies(m: EntityManager, articles: Article[]): Promise<void> {
    const rows = await m.getRepository(ArticleBody).findBy({ articleId: In(articles.map((a) => a.id)) });
    const byId = new Map(rows.map((r) => [r.articleId, r.body]));
    for (const a of articles) a.body = byId.get(a.id) ?? [];
  }

  private async writeBody(m: EntityManager, articleId: number, body: BodyBlock[]): Promise<void> {
    await m.getRepository(ArticleBody).upsert({ articleId, body }, ['articleId']);
  }

  async relationsOf(m: EntityManager, articleId: number): Promise<ArticleRelations> {
    const [secondary, bylines, tags] = await Promise.all([
      m.getRepository(ArticleSecondaryRubric).find({ where: { articleId } }),
      m.getRepository(ArticleByline).find({ where: { articleId }, order: { position: 'ASC' } }),
      m.getRepository(ArticleTag).find({ where: { articleId } }),
    ]);
    return {
      secondaryRubricIds: secondary.map((s) => s.rubricId).sort((a, b) => a - b),
      authorIds: bylines.map((b) => b.authorId),
      tagIds: tags.map((t) => t.tagId).sort((a, b) => a - b),
    };
  }

  /** Inserts an article from a validated snapshot (inside the caller's transaction). */
  async insertSnapshot(m: EntityManager, snap: ArticleSnapshot, meta: { createdByUserId: number | null; now: Date }): Promise<Article> {
    const article = m.getRepository(Article).create({
      ...this.columnsOf(snap),
      status: 'draft',
      publishedAt: null,
      unpublishAt: null,
      createdByUserId: meta.createdByUserId,
      createdAt: meta.now,
      updatedAt: meta.now,
      version: 1,
    });
    const saved = await m.getRepository(Article).save(article);
    await this.writeBody(m, saved.id, snap.body);
    saved.body = snap.body;
    await this.replaceRelations(m, saved.id, snap);
    await this.refreshDerived(m, [saved]);
    return saved;
  }

  /**
   * Writes a new state if, and only if, the row is still at `expectedVersion` (one conditional
   * UPDATE, so of two racing editors exactly one wins). Returns null when it was not.
   */
  async updateIfVersion(
    m: EntityManager,
    articleId: number,
    expectedVersion: number,
    changes: { snapshot?: ArticleSnapshot; status?: Article['status']; publishedAt?: Date | null; unpublishAt?: Date | null; now: Date },
  ): Promise<Article | null> {
    const set: Record<string, unknown> = { updatedAt: changes.now, version: () => 'version + 1' };
    if (changes.snapshot) {
      const { body: _body, ...columns } = this.columnsOf(changes.snapshot);
      Object.assign(set, columns);
    }
    if (changes.status !== undefined) set.status = changes.status;
    if (changes.publishedAt !== undefined) set.publishedAt = changes.publishedAt;
    if (changes.unpublishAt !== undefined) set.unpublishAt = changes.unpublishAt;
    const result = await m
      .createQueryBuilder()
      .update(Article)
      .set(set)
      .where('id = :id AND version = :version', { id: articleId, version: expectedVersion })
      .execute();
    if (!result.affected) return null;
    if (changes.snapshot) {
      await this.writeBody(m, articleId, changes.snapshot.body);
      await this.replaceRelations(m, articleId, changes.snapshot);
    }
    const saved = (await this.loadForEdit(m, articleId))!;
    await this.refreshDerived(m, [saved]);
    return saved;
  }

  private columnsOf(snap: ArticleSnapshot) {
    const text = bodyText(snap.body);
    return {
      title: snap.title,
      slug: snap.slug,
      kicker: snap.kicker,
      standfirst: snap.standfirst,
      body: snap.body,
      primaryRubricId: snap.primaryRubricId,
      heroImageId: snap.heroImageId,
      language: snap.language,
      metaTitle: snap.metaTitle,
      metaDescription: snap.metaDescription,
      canonicalUrl: snap.canonicalUrl,
      embargoUntil: snap.embargoUntil ? new Date(snap.embargoUntil) : null,
      wordCount: countWords(text),
    };
  }

  private async replaceRelations(m: EntityManager, articleId: number, snap: ArticleSnapshot): Promise<void> {
    await m.getRepository(ArticleByline).delete({ articleId });
    await m.getRepository(ArticleTag).delete({ articleId });
    await m.getRepository(ArticleSecondaryRubric).delete({ articleId });
    await this.writeRelations(m, articleId, snap);
  }

  /** Keeps the old slug redirecting when a slug changes (inside the caller's transaction). */
  async retireSlug(m: EntityManager, articleId: number, oldSlug: string, newSlug: string, now: Date): Promise<void> {
    if (oldSlug === newSlug) return;
    await m.getRepository(ArticleSlugHistory).delete({ slug: newSlug });
    await m.getRepository(ArticleSlugHistory).delete({ slug: oldSlug });
    await m.getRepository(ArticleSlugHistory).insert({ slug: oldSlug, articleId, retiredAt: now });
  }

  private async writeRelations(m: EntityManager, articleId: number, draft: ArticleRelations): Promise<void> {
    const bylines = draft.authorIds.map((authorId, position) => ({ articleId, authorId, position }));
    if (bylines.length) await m.getRepository(ArticleByline).insert(bylines);
    const tags = [...new Set(draft.tagIds)].map((tagId) => ({ articleId, tagId }));
    if (tags.length) await m.getRepository(ArticleTag).insert(tags);
    const secondary = [...new Set(draft.secondaryRubricIds)].map((rubricId) => ({ articleId, rubricId }));
    if (secondary.length) await m.getRepository(ArticleSecondaryRubric).insert(secondary);
  }

  /** Rewrites listing rows and search entries of these articles from their current state. */
  async refreshDerived(m: EntityManager, articles: Article[], options: { search?: boolean } = {}): Promise<void> {
    const ids = articles.map((a) => a.id);
    const tree = new RubricTree(await m.getRepository(Rubric).find());
    const [bylines, tags, secondary] = await Promise.all([
      m.getRepository(ArticleByline).find({ where: { articleId: In(ids) }, order: { position: 'ASC' } }),
      m.getRepository(ArticleTag).find({ where: { articleId: In(ids) } }),
      m.getRepository(ArticleSecondaryRubric).find({ where: { articleId: In(ids) } }),
    ]);
    const sources = articles.filter(isListed).map((a) => ({
      id: a.id,
      // Lists order and filter by when the public may see it, so an embargo holds it back there too.
      publishedAt: publicFrom(a)!,
      primaryRubricId: a.primaryRubricId,
      secondaryRubricIds: secondary.filter((s) => s.articleId === a.id).map((s) => s.rubricId),
      tagIds: tags.filter((t) => t.articleId === a.id).map((t) => t.tagId),
      authorIds: bylines.filter((b) => b.articleId === a.id).map((b) => b.authorId),
    }));
    await rewriteListings(m, ids, sources, tree);
    if (options.search === false) return;
    await this.search.index(
      m,
      articles.map((a) => ({ articleId: a.id, title: a.title, standfirst: a.standfirst ?? '', body: bodyText(a.body ?? []) })),
    );
  }
}
