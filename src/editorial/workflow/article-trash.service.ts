import { IsNull, Not, type EntityManager } from 'typeorm';
import { Article } from '../../../entities/editorial/article.entity';
import { ArticleBody } from '../../../entities/editorial/article-body.entity';
import { ArticleByline } from '../../../entities/editorial/article-byline.entity';
import { ArticleCorrection } from '../../../entities/editorial/article-correction.entity';
import { ArticleListing } from '../../../entities/editorial/article-listing.entity';
import { ArticleRevision } from '../../../entities/editorial/article-revision.entity';
import { ArticleSecondaryRubric } from '../../../entities/editorial/article-secondary-rubric.entity';
import { ArticleSlugHistory } from '../../../entities/editorial/article-slug-history.entity';
import { ArticleTag } from '../../../entities/editorial/article-tag.entity';
import { FrontPageSlot } from '../../../entities/editorial/front-page-slot.entity';
import { MagazineIssueArticle } from '../../../entities/editorial/magazine-issue-article.entity';
import { Role } from '../../auth/roles';
import type { RequestContext } from '../../context/request-context';
import { AppError, badInput, ErrorCode, notFound } from '../../errors/app-error';
import type { ContentEvent } from '../../events/content-events';
import { recordEvent } from '../../events/event-outbox';
import { ArticleStore } from '../article-store';
import type { EditorialRuntime } from '../editorial-runtime';
import { mayTrash } from './article-lifecycle.policy';
import { articleConflict } from './article-conflict';
import { recordAudit } from './editorial-audit';
import { actorOn, isEditor, requireStaff } from './editorial-staff';

const MAX_TRASH_PAGE = 100;

/** The tables that hold rows of one article besides `article` itself (the audit log keeps its entries). */
const ARTICLE_ROWS = [ArticleBody, ArticleByline, ArticleTag, ArticleSecondaryRubric, ArticleListing, ArticleSlugHistory, ArticleRevision, ArticleCorrection, FrontPageSlot, MagazineIssueArticle];

/**
 * Deletion as newsrooms do it. The trash hides an article everywhere (lists, search, pages,
 * references from other subgraphs, previews) while keeping every row, so a restore brings it
 * back as it was; its public paths answer "gone" meanwhile. Purging (admins, from the trash
 * only) deletes its rows for good and emits `article.deleted`, on which the other subgraphs
 * drop theirs and the change feed keeps a tombstone.
 */
export class ArticleTrashService {
  private readonly store: ArticleStore;

  constructor(
    private readonly rt: EditorialRuntime,
    private readonly ctx: RequestContext,
  ) {
    this.store = new ArticleStore(rt.dataSource);
  }

  /** Editors trash any article; a journalist only a draft of their own that was never published. */
  async trash(articleId: number): Promise<Article> {
    const viewer = requireStaff(this.ctx);
    const now = new Date();
    return this.write({ type: 'article.trashed', articleId }, async (m) => {
      const article = await this.load(m, articleId);
      if (article.trashedAt) throw new AppError(ErrorCode.Conflict, 'The article is already in the trash', { reason: 'IN_TRASH' });
      const { authorIds } = await this.store.relationsOf(m, articleId);
      if (!mayTrash(await actorOn(m, viewer, authorIds), article)) {
        throw new AppError(ErrorCode.Forbidden, 'Only an editor can put an article that was published or is past review in the trash');
      }
      await this.flag(m, article, { trashedAt: now, updatedAt: now });
      // Lists drop it (it is no longer listed); the search index forgets it until a restore.
      await this.store.refreshDerived(m, [article], { search: false });
      await this.rt.search.remove(m, [articleId]);
      await recordAudit(m, { action: 'article.trash', entityType: 'article', entityId: articleId, userId: viewer.userId, before: { status: article.status } }, now);
      return article;
    });
  }

  /**
   * Takes an article out of the trash in the status it had. A schedule whose time passed
   * meanwhile is not published late by surprise: the article goes back to APPROVED.
   */
  async restore(articleId: number): Promise<Article> {
    const viewer = requireStaff(this.ctx);
    const now = new Date();
    return this.write({ type: 'article.restored', articleId }, async (m) => {
      const article = await this.load(m, articleId);
      if (!article.trashedAt) throw new AppError(ErrorCode.Conflict, 'The article is not in the trash', { reason: 'NOT_IN_TRASH' });
      const { authorIds } = await this.store.relationsOf(m, articleId);
      if (!mayTrash(await actorOn(m, viewer, authorIds), article)) throw new AppError(ErrorCode.Forbidden, 'Only an editor can restore this article');
      const overdue = article.status === 'scheduled' && (!article.publishedAt || article.publishedAt.getTime() <= now.getTime());
      await this.flag(m, article, { trashedAt: null, updatedAt: now, ...(overdue ? { status: 'approved' as const, publishedAt: null } : {}) });
      await this.store.refreshDerived(m, [(await this.store.loadForEdit(m, articleId))!]);
      await recordAudit(m, { action: 'article.restore', entityType: 'article', entityId: articleId, userId: viewer.userId, after: { status: article.status } }, now);
      return article;
    });
  }

  /** Deletes a trashed article and everything editorial keeps of it; the audit log keeps its history. */
  async purge(articleId: number): Promise<{ id: number }> {
    const viewer = requireStaff(this.ctx);
    if (!viewer.roles.includes(Role.Admin)) throw new AppError(ErrorCode.Forbidden, 'Admins only');
    const now = new Date();
    await this.write({ type: 'article.deleted', articleId }, async (m) => {
      const article = await this.load(m, articleId);
      if (!article.trashedAt) throw new AppError(ErrorCode.Conflict, 'Only an article in the trash can be purged', { reason: 'NOT_IN_TRASH' });
      for (const table of ARTICLE_ROWS) await m.getRepository(table).delete({ articleId });
      await this.rt.search.remove(m, [articleId]);
      const deleted = await m.getRepository(Article).delete({ id: articleId, trashedAt: Not(IsNull()) });
      if (!deleted.affected) throw new AppError(ErrorCode.Conflict, 'The article was restored meanwhile', { reason: 'NOT_IN_TRASH' });
      await recordAudit(m, { action: 'article.purge', entityType: 'article', entityId: articleId, userId: viewer.userId, before: { title: article.title, slug: article.slug, status: article.status } }, now);
      return article;
    });
    return { id: articleId };
  }

  /** The trash, most recently trashed first (editors: what a journalist trashed is theirs to know by id). */
  async list(first: number): Promise<Article[]> {
    const viewer = requireStaff(this.ctx);
    if (!isEditor(viewer)) throw new AppError(ErrorCode.Forbidden, 'Editors only');
    if (!Number.isInteger(first) || first < 1 || first > MAX_TRASH_PAGE) throw badInput(`first must be between 1 and ${MAX_TRASH_PAGE}`, { argument: 'first' });
    return this.rt.dataSource.getRepository(Article).find({ where: { trashedAt: Not(IsNull()) }, order: { trashedAt: 'DESC', id: 'DESC' }, take: first });
  }

  private async write(event: ContentEvent, fn: (m: EntityManager) => Promise<Article>): Promise<Article> {
    return this.rt.dataSource.transaction(async (m) => {
      const article = await fn(m);
      await recordEvent(m, event);
      return article;
    });
  }

  private async load(m: EntityManager, articleId: number): Promise<Article> {
    const article = await m.getRepository(Article).findOneBy({ id: articleId });
    if (!article) throw notFound('Article', { id: articleId });
    return article;
  }

  /** Writes trash state and bumps the version (an editor holding the old one gets CONFLICT), updating `article` in place. */
  private async flag(m: EntityManager, article: Article, set: Partial<Pick<Article, 'trashedAt' | 'updatedAt' | 'status' | 'publishedAt'>>): Promise<void> {
    const result = await m
      .createQueryBuilder()
      .update(Article)
      .set({ ...set, version: () => 'version + 1' })
      .where('id = :id AND version = :version', { id: article.id, version: article.version })
      .execute();
    if (!result.affected) throw articleConflict(article.version + 1);
    Object.assign(article, set, { version: article.version + 1 });
  }
}
