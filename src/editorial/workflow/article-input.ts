import { isDuplicateKey } from '../../db/duplicate-key';
import { Like, Not, type EntityManager } from 'typeorm';
import { Article } from '../../../entities/editorial/article.entity';
import { ArticleSlugHistory } from '../../../entities/editorial/article-slug-history.entity';
import { Author } from '../../../entities/editorial/author.entity';
import { Media } from '../../../entities/editorial/media.entity';
import { Rubric } from '../../../entities/editorial/rubric.entity';
import { Tag } from '../../../entities/editorial/tag.entity';
import { AppError, ErrorCode } from '../../errors/app-error';
import { slugify } from '../slugify';
import type { ArticleSnapshot } from './article-snapshot';
import { toBodyBlocks, type BodyBlockInputShape } from './body-validation';
import { checkEditorialDate, checkSlug, FieldErrors } from './field-errors';

/** What the admin may send to create or change an article; absent fields stay as they are. */
export type ArticleFieldsInput = {
  title?: string | null;
  slug?: string | null;
  kicker?: string | null;
  standfirst?: string | null;
  body?: BodyBlockInputShape[] | null;
  primaryRubricId?: string | number | null;
  secondaryRubricIds?: Array<string | number> | null;
  authorIds?: Array<string | number> | null;
  tagIds?: Array<string | number> | null;
  heroImageId?: string | number | null;
  language?: string | null;
  metaTitle?: string | null;
  metaDescription?: string | null;
  canonicalUrl?: string | null;
  embargoUntil?: Date | null;
};

function ids(errors: FieldErrors, field: string, values: Array<string | number>): number[] {
  const out: number[] = [];
  for (const v of values) {
    const n = Number(v);
    if (!Number.isSafeInteger(n) || n <= 0) errors.add(field, `"${String(v).slice(0, 20)}" is not an id`);
    else out.push(n);
  }
  return [...new Set(out)];
}

async function missing(m: EntityManager, entity: typeof Rubric | typeof Author | typeof Tag | typeof Media, wanted: number[]): Promise<number[]> {
  if (!wanted.length) return [];
  // A query builder because `find({ where })` cannot type-check a where over a generic entity.
  const found: Array<{ id: number | string }> = await m.createQueryBuilder(entity, 'e').select('e.id', 'id').whereInIds(wanted).getRawMany();
  const have = new Set(found.map((r) => Number(r.id)));
  return wanted.filter((id) => !have.has(id));
}

/**
 * Whether a write failed on the unique slug index: two editors took the same free slug at the
 * same time (each transaction saw it free). The loser retries, or is told the slug is taken.
 */
export function isSlugCollision(err: unknown): boolean {
  return isDuplicateKey(err, { mysql: 'uq_article_slug', sqlite: 'article.slug' });
}

/** The answer to a slug lost to a concurrent write: the same as for a slug already taken. */
export function slugTaken(slug: string): AppError {
  return new AppError(ErrorCode.BadUserInput, 'Invalid article', { fields: [{ field: 'slug', messages: [`"${slug}" is already taken`] }] });
}

/** `wanted`, or the first of `wanted-2`, `wanted-3`… that no article has or had. */
export async function freeSlug(m: EntityManager, wanted: string): Promise<string> {
  const similar = (repo: typeof Article | typeof ArticleSlugHistory) =>
    m.getRepository(repo).find({ where: [{ slug: wanted }, { slug: Like(`${wanted}-%`) }], select: { slug: true } });
  const [current, retired] = await Promise.all([similar(Article), similar(ArticleSlugHistory)]);
  const taken = new Set([...current, ...retired].map((r) => r.slug));
  if (!taken.has(wanted)) return wanted;
  for (let n = 2; ; n++) if (!taken.has(`${wanted}-${n}`)) return `${wanted}-${n}`;
}

/**
 * Validates input against the current state (`base`, absent on create) and returns the next
 * state. Every problem is collected and thrown at once as BAD_USER_INPUT with field names:
 * missing title, unknown rubric, author, tag or image, slug taken, a bad body block, an
 * implausible date.
 */
export async function resolveArticleInput(
  m: EntityManager,
  input: ArticleFieldsInput,
  base: ArticleSnapshot | null,
  options: { articleId?: number; now: Date },
): Promise<ArticleSnapshot> {
  const errors = new FieldErrors();
  const text = (field: keyof ArticleFieldsInput, max: number, required = false): string | null | undefined => {
    const raw = input[field] as string | null | undefined;
    if (raw === undefined) return undefined;
    const value = raw === null ? null : raw.trim();
    if (required && !value) errors.add(field, 'is required');
    if (value && value.length > max) errors.add(field, `is longer than ${max} characters`);
    return value || null;
  };
  const title = text('title', 300, true);
  if (!base && title === undefined) errors.add('title', 'is required');
  const kicker = text('kicker', 120);
  const standfirst = text('standfirst', 2000);
  const metaTitle = text('metaTitle', 300);
  const metaDescription = text('metaDescription', 500);
  const canonicalUrl = text('canonicalUrl', 500);
  if (canonicalUrl && !/^https?:\/\/\S+$/.test(canonicalUrl)) errors.add('canonicalUrl', 'must be an http(s) URL');
  const language = input.language === undefined ? undefined : (input.language ?? 'fr').trim();
  if (language !== undefined && !/^[a-z]{2}(-[A-Z]{2})?$/.test(language)) errors.add('language', 'must be a language tag such as "fr"');

  let slug = input.slug === undefined || input.slug === null ? undefined : input.slug.trim();
  if (slug !== undefined) checkSlug(errors, 'slug', slug, 160);
  // A slug derived from the title never collides: the next free `-2`, `-3`… is taken, as
  // WordPress and Ghost do. Only a slug the editor typed can be refused as taken.
  if (slug === undefined && !base) {
    const derived = slugify(title ?? '');
    slug = derived ? await freeSlug(m, derived) : undefined;
  }

  const primaryRubricId =
    input.primaryRubricId === undefined || input.primaryRubricId === null ? undefined : ids(errors, 'primaryRubricId', [input.primaryRubricId])[0];
  if (!base && primaryRubricId === undefined) errors.add('primaryRubricId', 'is required');
  const secondaryRubricIds = input.secondaryRubricIds ? ids(errors, 'secondaryRubricIds', input.secondaryRubricIds) : undefined;
  const authorIds = input.authorIds ? ids(errors, 'authorIds', input.authorIds) : undefined;
  const tagIds = input.tagIds ? ids(errors, 'tagIds', input.tagIds) : undefined;
  const heroImageId = input.heroImageId === undefined ? undefined : input.heroImageId === null ? null : ids(errors, 'heroImageId', [input.heroImageId])[0];
  const body = input.body ? toBodyBlocks(input.body, errors) : undefined;
  checkEditorialDate(errors, 'embargoUntil', input.embargoUntil, options.now);

  // References must exist (checked only for what the input names).
  const rubrics = [...(primaryRubricId ? [primaryRubricId] : []), ...(secondaryRubricIds ?? [])];
  const [noRubric, noAuthor, noTag, noMedia] = await Promise.all([
    missing(m, Rubric, rubrics),
    missing(m, Author, authorIds ?? []),
    missing(m, Tag, tagIds ?? []),
    missing(m, Media, [...(heroImageId ? [heroImageId] : []), ...(body?.mediaIds ?? [])]),
  ]);
  if (primaryRubricId && noRubric.includes(primaryRubricId)) errors.add('primaryRubricId', `unknown rubric ${primaryRubricId}`);
  for (const id of noRubric.filter((id) => id !== primaryRubricId)) errors.add('secondaryRubricIds', `unknown rubric ${id}`);
  for (const id of noAuthor) errors.add('authorIds', `unknown author ${id}`);
  for (const id of noTag) errors.add('tagIds', `unknown tag ${id}`);
  for (const id of noMedia) errors.add(id === heroImageId ? 'heroImageId' : 'body', `unknown image ${id}`);

  const finalSlug = slug ?? base?.slug ?? '';
  if (!finalSlug && !errors.empty) errors.add('slug', 'cannot be derived from the title');
  if (finalSlug && finalSlug !== base?.slug) {
    const [taken, retired] = await Promise.all([
      m.getRepository(Article).count({ where: { slug: finalSlug, ...(options.articleId ? { id: Not(options.articleId) } : {}) } }),
      m.getRepository(ArticleSlugHistory).findOneBy({ slug: finalSlug }),
    ]);
    if (taken || (retired && retired.articleId !== options.articleId)) errors.add('slug', `"${finalSlug}" is already taken`);
  }
  errors.throwIfAny('Invalid article');

  const keep = <T>(next: T | undefined, current: T): T => (next === undefined ? current : next);
  return {
    title: keep(title ?? undefined, base?.title ?? ''),
    slug: finalSlug,
    kicker: keep(kicker, base?.kicker ?? null),
    standfirst: keep(standfirst, base?.standfirst ?? null),
    body: keep(body?.blocks, base?.body ?? []),
    primaryRubricId: keep(primaryRubricId, base?.primaryRubricId ?? 0),
    secondaryRubricIds: keep(secondaryRubricIds, base?.secondaryRubricIds ?? []),
    authorIds: keep(authorIds, base?.authorIds ?? []),
    tagIds: keep(tagIds, base?.tagIds ?? []),
    heroImageId: keep(heroImageId, base?.heroImageId ?? null),
    language: keep(language, base?.language ?? 'fr'),
    metaTitle: keep(metaTitle, base?.metaTitle ?? null),
    metaDescription: keep(metaDescription, base?.metaDescription ?? null),
    canonicalUrl: keep(canonicalUrl, base?.canonicalUrl ?? null),
    embargoUntil: input.embargoUntil === undefined ? (base?.embargoUntil ?? null) : input.embargoUntil ? input.embargoUntil.toISOString() : null,
  };
}
