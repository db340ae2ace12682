import { In, IsNull, Like, type EntityManager } from 'typeorm';
import { Article } from '../../../entities/editorial/article.entity';
import { ArticleSecondaryRubric } from '../../../entities/editorial/article-secondary-rubric.entity';
import { Rubric } from '../../../entities/editorial/rubric.entity';
import { RubricPathHistory } from '../../../entities/editorial/rubric-path-history.entity';
import { requireUser } from '../../auth/viewer-guards';
import type { RequestContext } from '../../context/request-context';
import { AppError, ErrorCode, notFound } from '../../errors/app-error';
import { recordEvent } from '../../events/event-outbox';
import { ArticleStore } from '../article-store';
import type { EditorialRuntime } from '../editorial-runtime';
import { slugify } from '../slugify';
import { recordAudit } from './editorial-audit';
import { checkSlug, FieldErrors } from './field-errors';

export type RubricFields = { name?: string | null; slug?: string | null; description?: string | null };

/**
 * Rubric management (admins). Renames and moves rewrite the materialised paths of the whole
 * subtree in one transaction, keep every old path redirecting, and rebuild the list rows of
 * the articles below (a rubric's list holds its descendants' articles).
 */
export class RubricAdminService {
  constructor(
    private readonly rt: EditorialRuntime,
    private readonly ctx: RequestContext,
  ) {}

  async create(fields: RubricFields, parentId: number | null, position: number | null): Promise<Rubric> {
    const userId = requireUser(this.ctx).userId;
    return this.write(async (m) => {
      const parent = parentId ? await m.getRepository(Rubric).findOneBy({ id: parentId }) : null;
      const errors = new FieldErrors();
      if (parentId && !parent) errors.add('parentId', `unknown rubric ${parentId}`);
      const name = (fields.name ?? '').trim();
      if (!name || name.length > 200) errors.add('name', 'must be 1 to 200 characters');
      const slug = (fields.slug ?? slugify(name)).trim();
      checkSlug(errors, 'slug', slug, 120);
      const path = parent ? `${parent.path}/${slug}` : slug;
      if (await m.getRepository(Rubric).countBy({ path })) errors.add('slug', `"${path}" already exists`);
      errors.throwIfAny('Invalid rubric');
      const siblings = await m.getRepository(Rubric).countBy({ parentId: parent ? parent.id : IsNull() });
      const repo = m.getRepository(Rubric);
      const saved = await repo.save(repo.create({ slug, name, path, description: fields.description?.trim() || null, parentId: parent?.id ?? null, treePath: '/', depth: parent ? parent.depth + 1 : 0, position: position ?? siblings, archivedAt: null }));
      saved.treePath = `${parent?.treePath ?? '/'}${saved.id}/`;
      await repo.update(saved.id, { treePath: saved.treePath });
      await recordAudit(m, { action: 'rubric.create', entityType: 'rubric', entityId: saved.id, userId, after: { name, path } });
      return saved;
    }, 0);
  }

  async update(id: number, fields: RubricFields): Promise<Rubric> {
    const userId = requireUser(this.ctx).userId;
    return this.write(async (m) => {
      const rubric = await this.load(m, id);
      const errors = new FieldErrors();
      const name = fields.name === undefined || fields.name === null ? rubric.name : fields.name.trim();
      if (!name || name.length > 200) errors.add('name', 'must be 1 to 200 characters');
      const slug = fields.slug === undefined || fields.slug === null ? rubric.slug : fields.slug.trim();
      checkSlug(errors, 'slug', slug, 120);
      const parentPath = rubric.path.includes('/') ? rubric.path.slice(0, rubric.path.lastIndexOf('/')) : '';
      const newPath = parentPath ? `${parentPath}/${slug}` : slug;
      if (newPath !== rubric.path && (await m.getRepository(Rubric).countBy({ path: newPath }))) errors.add('slug', `"${newPath}" already exists`);
      errors.throwIfAny('Invalid rubric');
      await m.getRepository(Rubric).update(id, { name, slug, description: fields.description === undefined ? rubric.description : fields.description?.trim() || null });
      if (newPath !== rubric.path) await this.rewritePaths(m, rubric, newPath, rubric.treePath, rubric.depth);
      await recordAudit(m, { action: 'rubric.update', entityType: 'rubric', entityId: id, userId, before: { name: rubric.name, path: rubric.path }, after: { name, path: newPath } });
      return (await this.load(m, id))!;
    }, id);
  }

  /** Moves a rubric and its subtree under `parentId` (null: top level), at `position` among its new siblings. */
  async move(id: number, parentId: number | null, position: number | null): Promise<Rubric> {
    const userId = requireUser(this.ctx).userId;
    return this.write(async (m) => {
      const rubric = await this.load(m, id);
      const parent = parentId ? await m.getRepository(Rubric).findOneBy({ id: parentId }) : null;
      if (parentId && !parent) throw new AppError(ErrorCode.BadUserInput, 'Unknown parent', { fields: [{ field: 'parentId', messages: [`unknown rubric ${parentId}`] }] });
      if (parent && parent.treePath.startsWith(rubric.treePath)) {
        throw new AppError(ErrorCode.BadUserInput, 'A rubric cannot move under itself', { fields: [{ field: 'parentId', messages: ['is inside the moved subtree'] }] });
      }
      const newPath = parent ? `${parent.path}/${rubric.slug}` : rubric.slug;
      if (newPath !== rubric.path && (await m.getRepository(Rubric).countBy({ path: newPath }))) {
        throw new AppError(ErrorCode.Conflict, `"${newPath}" already exists`, { fields: [{ field: 'parentId', messages: ['a sibling has the same slug'] }] });
      }
      const newTreePath = `${parent?.treePath ?? '/'}${rubric.id}/`;
      await m.getRepository(Rubric).update(id, { parentId: parent?.id ?? null, position: position ?? 1_000 });
      await this.rewritePaths(m, rubric, newPath, newTreePath, parent ? parent.depth + 1 : 0);
      await this.renumber(m, parent?.id ?? null, id, position);
      await this.relist(m, newTreePath);
      await recordAudit(m, { action: 'rubric.move', entityType: 'rubric', entityId: id, userId, before: { path: rubric.path, parentId: rubric.parentId }, after: { path: newPath, parentId } });
      return (await this.load(m, id))!;
    }, id);
  }

  /** Archived rubrics leave the menus; their pages and articles keep working. */
  async archive(id: number, archived: boolean): Promise<Rubric> {
    const userId = requireUser(this.ctx).userId;
    return this.write(async (m) => {
      await this.load(m, id);
      await m.getRepository(Rubric).update(id, { archivedAt: archived ? new Date() : null });
      await recordAudit(m, { action: archived ? 'rubric.archive' : 'rubric.unarchive', entityType: 'rubric', entityId: id, userId });
      return (await this.load(m, id))!;
    }, id);
  }

  private async write(fn: (m: EntityManager) => Promise<Rubric>, id: number): Promise<Rubric> {
    const written = await this.rt.dataSource.transaction(async (m) => {
      const rubric = await fn(m);
      await recordEvent(m, { type: 'rubric.changed', rubricId: id || rubric.id });
      return rubric;
    });
    // This process reads the new tree at once; the others drop theirs when the event reaches them.
    this.rt.rubricTrees?.drop();
    return written;
  }

  private async load(m: EntityManager, id: number): Promise<Rubric> {
    const rubric = await m.getRepository(Rubric).findOneBy({ id });
    if (!rubric) throw notFound('Rubric', { id });
    return rubric;
  }

  /** Rewrites path, treePath and depth below `rubric`, keeping each old path as a redirect. */
  private async rewritePaths(m: EntityManager, rubric: Rubric, newPath: string, newTreePath: string, newDepth: number): Promise<void> {
    const subtree = await m.getRepository(Rubric).find({ where: { treePath: Like(`${rubric.treePath}%`) } });
    const now = new Date();
    for (const r of subtree) {
      const path = newPath + r.path.slice(rubric.path.length);
      if (path !== r.path) {
        await m.getRepository(RubricPathHistory).delete({ path });
        await m.getRepository(RubricPathHistory).upsert({ path: r.path, rubricId: r.id, retiredAt: now }, ['path']);
      }
      await m.getRepository(Rubric).update(r.id, {
        path,
        treePath: newTreePath + r.treePath.slice(rubric.treePath.length),
        depth: newDepth + (r.depth - rubric.depth),
      });
    }
  }

  /** Places `id` at `position` among its siblings and renumbers them 0, 1, 2, … */
  private async renumber(m: EntityManager, parentId: number | null, id: number, position: number | null): Promise<void> {
    const siblings = await m.getRepository(Rubric).find({ where: { parentId: parentId ?? IsNull() }, order: { position: 'ASC', id: 'ASC' } });
    const others = siblings.filter((s) => s.id !== id);
    const at = position === null ? others.length : Math.max(0, Math.min(position, others.length));
    const ordered = [...others.slice(0, at), siblings.find((s) => s.id === id)!, ...others.slice(at)].filter(Boolean);
    for (const [i, r] of ordered.entries()) if (r.position !== i) await m.getRepository(Rubric).update(r.id, { position: i });
  }

  /** Rebuilds list rows of every article filed under the subtree, in batches. */
  private async relist(m: EntityManager, treePath: string): Promise<void> {
    const ids = (await m.getRepository(Rubric).find({ where: { treePath: Like(`${treePath}%`) }, select: { id: true } })).map((r) => r.id);
    const primary = await m.getRepository(Article).find({ where: { primaryRubricId: In(ids) }, select: { id: true } });
    const secondary = await m.getRepository(ArticleSecondaryRubric).find({ where: { rubricId: In(ids) } });
    const articleIds = [...new Set([...primary.map((a) => a.id), ...secondary.map((s) => s.articleId)])];
    const store = new ArticleStore(this.rt.dataSource);
    for (let i = 0; i < articleIds.length; i += 500) {
      const batch = await m.getRepository(Article).findBy({ id: In(articleIds.slice(i, i + 500)) });
      await store.refreshDerived(m, batch, { search: false });
    }
  }
}
