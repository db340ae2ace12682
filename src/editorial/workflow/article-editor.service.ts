import type { EntityManager } from 'typeorm';
import type { Article } from '../../../entities/editorial/article.entity';
import { ArticleCorrection } from '../../../entities/editorial/article-correction.entity';
import { ArticleRevision } from '../../../entities/editorial/article-revision.entity';
import type { RequestContext } from '../../context/request-context';
import { AppError, ErrorCode, notFound } from '../../errors/app-error';
import { recordEvent } from '../../events/event-outbox';
import { ArticleStore } from '../article-store';
import type { EditorialRuntime } from '../editorial-runtime';
import { AUTHOR_EDITABLE } from './article-lifecycle.policy';
import { isSlugCollision, resolveArticleInput, slugTaken, type ArticleFieldsInput } from './article-input';
import { diffSnapshots, snapshotOf, type ArticleSnapshot } from './article-snapshot';
import { articleConflict, articleInTrash } from './article-conflict';
import { recordAudit } from './editorial-audit';
import { actorOn, ownAuthorIds, requireStaff } from './editorial-staff';

/** Creates racing for the same derived slug give up after this many tries (each finds the next free one). */
const SLUG_ATTEMPTS = 5;

/**
 * Writing articles: create, edit with optimistic concurrency, restore a revision, correct.
 * Each method checks who may act, validates, writes in one transaction (article, relations,
 * lists, search, revision, audit) and only then emits its event.
 */
export class ArticleEditorService {
  private readonly store: ArticleStore;

  constructor(
    private readonly rt: EditorialRuntime,
    private readonly ctx: RequestContext,
  ) {
    this.store = new ArticleStore(rt.dataSource);
  }

  async create(input: ArticleFieldsInput): Promise<Article> {
    // A derived slug can be lost to a concurrent create of the same title: try again, with the next free one.
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.createOnce(input);
      } catch (err) {
        if (!isSlugCollision(err)) throw err;
        if (input.slug) throw slugTaken(input.slug);
        if (attempt >= SLUG_ATTEMPTS) throw new AppError(ErrorCode.Conflict, 'Articles with this title are being created at this very moment: try again');
      }
    }
  }

  private async createOnce(input: ArticleFieldsInput): Promise<Article> {
    const viewer = requireStaff(this.ctx);
    const now = new Date();
    const article = await this.rt.dataSource.transaction(async (m) => {
      let snapshot = await resolveArticleInput(m, input, null, { now });
      if (!snapshot.authorIds.length) snapshot = { ...snapshot, authorIds: await ownAuthorIds(m, viewer.userId) };
      await actorOn(m, viewer, snapshot.authorIds);
      const saved = await this.store.insertSnapshot(m, snapshot, { createdByUserId: viewer.userId, now });
      await this.addRevision(m, saved, snapshot, null, viewer.userId, 'created');
      await recordAudit(m, { action: 'article.create', entityType: 'article', entityId: saved.id, userId: viewer.userId, after: snapshot }, now);
      await recordEvent(m, { type: 'article.created', articleId: saved.id }, now);
      return saved;
    });
    return article;
  }

  /** Applies `input` on top of `version`; a stale version is CONFLICT carrying the current one. */
  async update(articleId: number, version: number, input: ArticleFieldsInput, note: string | null = null): Promise<Article> {
    const viewer = requireStaff(this.ctx);
    const now = new Date();
    const { article } = await this.rt.dataSource.transaction(async (m) => {
      const current = await this.store.loadForEdit(m, articleId);
      if (!current) throw notFound('Article', { id: articleId });
      if (current.trashedAt) throw articleInTrash();
      const before = snapshotOf(current, await this.store.relationsOf(m, articleId));
      const actor = await actorOn(m, viewer, before.authorIds);
      if (actor === 'author' && !AUTHOR_EDITABLE.includes(current.status)) {
        throw new AppError(ErrorCode.Forbidden, `Authors cannot edit an article that is ${current.status}`);
      }
      if (current.version !== version) throw this.conflict(current);
      const after = await resolveArticleInput(m, input, before, { articleId, now });
      const saved = await this.store.updateIfVersion(m, articleId, version, { snapshot: after, now });
      // Lost the race: read the winner's version outside this transaction's snapshot.
      if (!saved) throw this.conflict((await this.store.loadForEdit(this.rt.dataSource.manager, articleId))!);
      if (after.slug !== before.slug && current.publishedAt) await this.store.retireSlug(m, articleId, before.slug, after.slug, now);
      await this.addRevision(m, saved, after, before, viewer.userId, note);
      await recordAudit(m, { action: 'article.update', entityType: 'article', entityId: articleId, userId: viewer.userId, before, after }, now);
      await recordEvent(m, { type: 'article.updated', articleId }, now);
      return { article: saved };
    }).catch((err: unknown) => {
      // Another article took the slug between this one's check and its write.
      if (isSlugCollision(err) && input.slug) throw slugTaken(input.slug);
      throw err;
    });
    return article;
  }

  /** Brings back the editable fields of a past revision, as a new revision. */
  async restore(articleId: number, revisionNumber: number, version: number): Promise<Article> {
    const revision = await this.rt.dataSource.getRepository(ArticleRevision).findOneBy({ articleId, number: revisionNumber });
    if (!revision) throw notFound('Revision', { articleId, number: revisionNumber });
    const snap = revision.snapshot as unknown as ArticleSnapshot;
    return this.update(
      articleId,
      version,
      { ...snap, embargoUntil: snap.embargoUntil ? new Date(snap.embargoUntil) : null },
      `restored revision ${revisionNumber}`,
    );
  }

  /** A public, dated correction note ("Mis à jour le …"); editors only. */
  async addCorrection(articleId: number, text: string): Promise<ArticleCorrection> {
    const viewer = requireStaff(this.ctx);
    const clean = text.trim();
    if (!clean || clean.length > 2000) throw new AppError(ErrorCode.BadUserInput, 'Invalid correction', { fields: [{ field: 'text', messages: ['must be 1 to 2000 characters'] }] });
    const now = new Date();
    const correction = await this.rt.dataSource.transaction(async (m) => {
      const article = await this.store.loadForEdit(m, articleId);
      if (!article) throw notFound('Article', { id: articleId });
      if (article.trashedAt) throw articleInTrash();
      if ((await actorOn(m, viewer, [])) !== 'editor') throw new AppError(ErrorCode.Forbidden, 'Editors only');
      const row = await m.getRepository(ArticleCorrection).save(m.getRepository(ArticleCorrection).create({ articleId, text: clean, userId: viewer.userId, createdAt: now }));
      await m.createQueryBuilder().update('article').set({ updatedAt: now }).where('id = :id', { id: articleId }).execute();
      await recordAudit(m, { action: 'article.correct', entityType: 'article', entityId: articleId, userId: viewer.userId, after: { text: clean } }, now);
      await recordEvent(m, { type: 'article.updated', articleId }, now);
      return row;
    });
    return correction;
  }

  private conflict(current: Article): AppError {
    return articleConflict(current.version, { updatedAt: current.updatedAt.toISOString() });
  }

  private async addRevision(m: EntityManager, article: Article, snap: ArticleSnapshot, before: ArticleSnapshot | null, userId: number, note: string | null): Promise<void> {
    const last = await m.getRepository(ArticleRevision).findOne({ where: { articleId: article.id }, order: { number: 'DESC' }, select: { number: true } });
    const changed = before ? diffSnapshots(before, snap).map((c) => c.field) : Object.keys(snap);
    await m.getRepository(ArticleRevision).save(
      m.getRepository(ArticleRevision).create({
        articleId: article.id,
        number: (last?.number ?? 0) + 1,
        articleVersion: article.version,
        snapshot: snap as unknown as Record<string, unknown>,
        changedFields: changed,
        userId,
        note,
        createdAt: new Date(),
      }),
    );
  }
}
