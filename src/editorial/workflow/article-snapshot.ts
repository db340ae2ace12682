import type { Article } from '../../../entities/editorial/article.entity';
import type { BodyBlock } from '../body-blocks';

/** The editable state of an article: what a revision keeps and a restore brings back. */
export type ArticleSnapshot = {
  title: string;
  slug: string;
  kicker: string | null;
  standfirst: string | null;
  body: BodyBlock[];
  primaryRubricId: number;
  secondaryRubricIds: number[];
  authorIds: number[];
  tagIds: number[];
  heroImageId: number | null;
  language: string;
  metaTitle: string | null;
  metaDescription: string | null;
  canonicalUrl: string | null;
  embargoUntil: string | null;
};

export const SNAPSHOT_FIELDS: Array<keyof ArticleSnapshot> = [
  'title',
  'slug',
  'kicker',
  'standfirst',
  'body',
  'primaryRubricId',
  'secondaryRubricIds',
  'authorIds',
  'tagIds',
  'heroImageId',
  'language',
  'metaTitle',
  'metaDescription',
  'canonicalUrl',
  'embargoUntil',
];

export function snapshotOf(
  article: Article,
  relations: { secondaryRubricIds: number[]; authorIds: number[]; tagIds: number[] },
): ArticleSnapshot {
  return {
    title: article.title,
    slug: article.slug,
    kicker: article.kicker,
    standfirst: article.standfirst,
    body: article.body ?? [],
    primaryRubricId: article.primaryRubricId,
    secondaryRubricIds: [...relations.secondaryRubricIds],
    authorIds: [...relations.authorIds],
    tagIds: [...relations.tagIds],
    heroImageId: article.heroImageId,
    language: article.language,
    metaTitle: article.metaTitle,
    metaDescription: article.metaDescription,
    canonicalUrl: article.canonicalUrl,
    embargoUntil: article.embargoUntil ? article.embargoUntil.toISOString() : null,
  };
}

export type FieldChange = { field: string; before: unknown; after: unknown };

/** Field-by-field differences between two snapshots, in a stable field order. */
export function diffSnapshots(before: Partial<ArticleSnapshot>, after: Partial<ArticleSnapshot>): FieldChange[] {
  return SNAPSHOT_FIELDS.filter((f) => JSON.stringify(before[f] ?? null) !== JSON.stringify(after[f] ?? null)).map((field) => ({
    field,
    before: before[field] ?? null,
    after: after[field] ?? null,
  }));
}
