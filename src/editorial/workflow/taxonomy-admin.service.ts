import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { In } from 'typeorm';
import { Author, type SocialLinks } from '../../../entities/editorial/author.entity';
import { MagazineIssue } from '../../../entities/editorial/magazine-issue.entity';
import { MagazineIssueArticle } from '../../../entities/editorial/magazine-issue-article.entity';
import { Media } from '../../../entities/editorial/media.entity';
import { Tag } from '../../../entities/editorial/tag.entity';
import type { RequestContext } from '../../context/request-context';
import { AppError, ErrorCode, notFound } from '../../errors/app-error';
import { recordEvent } from '../../events/event-outbox';
import type { EditorialRuntime } from '../editorial-runtime';
import { slugify } from '../slugify';
import { recordAudit } from './editorial-audit';
import { isEditor, requireStaff } from './editorial-staff';
import { checkSlug, FieldErrors } from './field-errors';

export type AuthorFields = { name?: string | null; slug?: string | null; bio?: string | null; avatarId?: number | null; socialLinks?: SocialLinks | null; userId?: number | null };
export type TagFields = { name?: string | null; slug?: string | null };
export type MediaFields = { storageKey?: string | null; altText?: string | null; credit?: string | null; caption?: string | null; width?: number | null; height?: number | null; focalX?: number | null; focalY?: number | null };
export type MagazineFields = { number?: number | null; title?: string | null; coverId?: number | null; onSaleDate?: string | null; featuredArticleIds?: number[] | null };

/**
 * Authors, tags, media and magazine issues: editors create and edit them. One transaction per
 * change, with its audit entry; validation collects every field problem.
 */
export class TaxonomyAdminService {
  constructor(
    private readonly rt: EditorialRuntime,
    private readonly ctx: RequestContext,
  ) {}

  saveAuthor(id: number | null, f: AuthorFields): Promise<Author> {
    return this.save(Author, 'author', id, async (m, current, errors) => {
      const name = this.text(errors, 'name', f.name, current?.name, 200, true);
      const slug = this.slug(errors, f.slug, current?.slug, name);
      await this.unique(m, Author, errors, 'slug', slug, id);
      if (f.socialLinks) for (const [k, v] of Object.entries(f.socialLinks)) if (v && !/^https:\/\/\S+$/.test(v)) errors.add(`socialLinks.${k}`, 'must be an https URL');
      return { name, slug, bio: f.bio === undefined ? (current?.bio ?? null) : f.bio?.trim() || null, avatarId: f.avatarId === undefined ? (current?.avatarId ?? null) : f.avatarId, socialLinks: f.socialLinks === undefined ? (current?.socialLinks ?? null) : f.socialLinks, userId: f.userId === undefined ? (current?.userId ?? null) : f.userId };
    });
  }

  saveTag(id: number | null, f: TagFields): Promise<Tag> {
    return this.save(Tag, 'tag', id, async (m, current, errors) => {
      const name = this.text(errors, 'name', f.name, current?.name, 200, true);
      const slug = this.slug(errors, f.slug, current?.slug, name);
      await this.unique(m, Tag, errors, 'slug', slug, id);
      return { name, slug };
    });
  }

  saveMedia(id: number | null, f: MediaFields): Promise<Media> {
    return this.save(Media, 'media', id, async (_m, current, errors) => {
      const storageKey = this.text(errors, 'storageKey', f.storageKey, current?.storageKey, 300, true);
      const altText = this.text(errors, 'altText', f.altText, current?.altText, 500, true);
      const size = (field: 'width' | 'height') => {
        const v = f[field] ?? current?.[field];
        if (!Number.isInteger(v) || (v as number) < 1 || (v as number) > 50_000) errors.add(field, 'must be 1 to 50000 pixels');
        return v as number;
      };
      const focal = (field: 'focalX' | 'focalY') => {
        const v = f[field] ?? current?.[field] ?? 0.5;
        if (!(v >= 0 && v <= 1)) errors.add(field, 'must be between 0 and 1');
        return v;
      };
      return { storageKey, altText, credit: f.credit === undefined ? (current?.credit ?? null) : f.credit?.trim() || null, caption: f.caption === undefined ? (current?.caption ?? null) : f.caption?.trim() || null, width: size('width'), height: size('height'), focalX: focal('focalX'), focalY: focal('focalY') };
    });
  }

  async saveMagazineIssue(id: number | null, f: MagazineFields): Promise<MagazineIssue> {
    const issue = await this.save(MagazineIssue, 'magazine_issue', id, async (m, current, errors) => {
      const title = this.text(errors, 'title', f.title, current?.title, 300, true);
      const number = f.number ?? current?.number;
      if (!Number.isInteger(number) || (number as number) < 1) errors.add('number', 'must be a positive integer');
      else await this.unique(m, MagazineIssue, errors, 'number', number as number, id);
      const onSaleDate = f.onSaleDate ?? current?.onSaleDate;
      if (!onSaleDate || !/^\d{4}-\d{2}-\d{2}$/.test(onSaleDate) || Number.isNaN(Date.parse(onSaleDate))) errors.add('onSaleDate', 'must be a date YYYY-MM-DD');
      if (f.featuredArticleIds?.length) {
        const found = await m.getRepository('article').count({ where: { id: In(f.featuredArticleIds) } });
        if (found !== new Set(f.featuredArticleIds).size) errors.add('featuredArticleIds', 'unknown article');
      }
      return { title, number: number as number, onSaleDate: onSaleDate as string, coverId: f.coverId === undefined ? (current?.coverId ?? null) : f.coverId };
    }, async (m, saved) => {
      if (!f.featuredArticleIds) return;
      await m.getRepository(MagazineIssueArticle).delete({ issueId: saved.id });
      if (f.featuredArticleIds.length) await m.getRepository(MagazineIssueArticle).insert(f.featuredArticleIds.map((articleId, position) => ({ issueId: saved.id, articleId, position })));
    });
    return issue;
  }

  private async save<E extends ObjectLiteral & { id: number }>(
    entity: EntityTarget<E>,
    type: string,
    id: number | null,
    build: (m: EntityManager, current: E | null, errors: FieldErrors) => Promise<Partial<E>>,
    after?: (m: EntityManager, saved: E) => Promise<void>,
  ): Promise<E> {
    const viewer = requireStaff(this.ctx);
    if (!isEditor(viewer)) throw new AppError(ErrorCode.Forbidden, 'Editors only');
    const saved = await this.rt.dataSource.transaction(async (m) => {
      const repo = m.getRepository(entity);
      // A query builder: `findOneBy({ id })` cannot type-check a where over a generic entity.
      const current = id ? await repo.createQueryBuilder('e').where('e.id = :id', { id }).getOne() : null;
      if (id && !current) throw notFound(type, { id });
      const errors = new FieldErrors();
      const fields = await build(m, current, errors);
      errors.throwIfAny(`Invalid ${type}`);
      const row = await repo.save(Object.assign(current ?? repo.create(), fields));
      await after?.(m, row);
      await recordAudit(m, { action: `${type}.${id ? 'update' : 'create'}`, entityType: type, entityId: row.id, userId: viewer.userId, after: fields as Record<string, unknown> });
      await recordEvent(m, { type: 'frontpage.changed' });
      return row;
    });
    return saved;
  }

  private text(errors: FieldErrors, field: string, value: string | null | undefined, current: string | undefined, max: number, required: boolean): string {
    const v = (value === undefined || value === null ? current ?? '' : value).trim();
    if (required && !v) errors.add(field, 'is required');
    if (v.length > max) errors.add(field, `is longer than ${max} characters`);
    return v;
  }

  private slug(errors: FieldErrors, value: string | null | undefined, current: string | undefined, name: string): string {
    const v = (value ?? current ?? slugify(name)).trim();
    checkSlug(errors, 'slug', v, 160);
    return v;
  }

  private async unique<E extends ObjectLiteral & { id: number }>(m: EntityManager, entity: EntityTarget<E>, errors: FieldErrors, field: keyof E & string, value: unknown, id: number | null): Promise<void> {
    const other = await m.getRepository(entity).createQueryBuilder('e').where(`e.${field} = :value`, { value }).getOne();
    if (other && other.id !== id) errors.add(field, `"${String(value)}" is already taken`);
  }
}
