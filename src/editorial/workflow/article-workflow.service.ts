import type { Article } from '../../../entities/editorial/article.entity';
import type { RequestContext } from '../../context/request-context';
import { AppError, ErrorCode, notFound } from '../../errors/app-error';
import type { ContentEvent } from '../../events/content-events';
import { recordEvent } from '../../events/event-outbox';
import { ArticleStore } from '../article-store';
import type { ArticleStatus } from '../article-status';
import type { EditorialRuntime } from '../editorial-runtime';
import { allowedTargets, findTransition } from './article-lifecycle.policy';
import { articleConflict, articleInTrash } from './article-conflict';
import { recordAudit } from './editorial-audit';
import { actorOn, requireStaff } from './editorial-staff';
import { checkEditorialDate, FieldErrors } from './field-errors';

export type TransitionOptions = { version?: number | null; publishAt?: Date | null; unpublishAt?: Date | null };

/** Moves articles through the lifecycle (article-lifecycle.policy.ts) on behalf of a person. */
export class ArticleWorkflowService {
  private readonly store: ArticleStore;

  constructor(
    private readonly rt: EditorialRuntime,
    private readonly ctx: RequestContext,
  ) {
    this.store = new ArticleStore(rt.dataSource);
  }

  async transition(articleId: number, to: ArticleStatus, options: TransitionOptions = {}): Promise<Article> {
    const viewer = requireStaff(this.ctx);
    const now = new Date();
    const errors = new FieldErrors();
    checkEditorialDate(errors, 'publishAt', options.publishAt, now);
    checkEditorialDate(errors, 'unpublishAt', options.unpublishAt, now);
    if (to === 'scheduled' && (!options.publishAt || options.publishAt.getTime() <= now.getTime())) {
      errors.add('publishAt', 'a scheduled publication needs a time in the future');
    }
    if (options.unpublishAt && options.unpublishAt.getTime() <= (options.publishAt ?? now).getTime()) {
      errors.add('unpublishAt', 'must be after the publication time');
    }
    errors.throwIfAny('Invalid transition');

    const article = await this.rt.dataSource.transaction(async (m) => {
      const current = await this.store.loadForEdit(m, articleId);
      if (!current) throw notFound('Article', { id: articleId });
      if (current.trashedAt) throw articleInTrash();
      const { authorIds } = await this.store.relationsOf(m, articleId);
      const actor = await actorOn(m, viewer, authorIds);
      const transition = findTransition(current.status, to);
      if (!transition || !transition.by.includes(actor)) {
        const allowed = allowedTargets(current.status, actor);
        if (transition) throw new AppError(ErrorCode.Forbidden, `Only an editor can move an article from ${current.status} to ${to}`, { from: current.status, to, allowed });
        throw new AppError(ErrorCode.BadUserInput, `An article cannot go from ${current.status} to ${to}`, { from: current.status, to, allowed });
      }
      const version = options.version ?? current.version;
      if (version !== current.version) throw articleConflict(current.version);
      // Publishing dates it now; a re-publication after unpublishing keeps its original date.
      let publishedAt: Date | null | undefined;
      if (to === 'scheduled') publishedAt = options.publishAt!;
      else if (to === 'published') publishedAt = current.status === 'unpublished' && current.publishedAt ? current.publishedAt : now;
      const saved = await this.store.updateIfVersion(m, articleId, version, {
        status: to,
        publishedAt,
        unpublishAt: options.unpublishAt !== undefined ? options.unpublishAt : to === 'unpublished' || to === 'archived' ? null : undefined,
        now,
      });
      if (!saved) {
        // Lost the race: read the winner's version outside this transaction's snapshot.
        const latest = await this.store.loadForEdit(this.rt.dataSource.manager, articleId);
        throw articleConflict(latest?.version ?? current.version);
      }
      await recordAudit(
        m,
        { action: `article.${transition.action}`, entityType: 'article', entityId: articleId, userId: viewer.userId, before: { status: current.status }, after: { status: to, publishedAt: saved.publishedAt?.toISOString() ?? null, unpublishAt: saved.unpublishAt?.toISOString() ?? null } },
        now,
      );
      const type: ContentEvent['type'] = to === 'published' ? 'article.published' : current.status === 'published' ? 'article.unpublished' : 'article.updated';
      // In the same transaction: the change and its announcement commit together (event-outbox.ts).
      await recordEvent(m, { type, articleId } as ContentEvent, now);
      return saved;
    });
    return article;
  }
}
