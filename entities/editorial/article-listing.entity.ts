import { Entity, Index, PrimaryColumn } from 'typeorm';

/** Which list an entry belongs to: everything, a rubric (with its descendants), a tag, an author. */
export enum ListingKind {
  All = 0,
  Rubric = 1,
  Tag = 2,
  Author = 3,
}

/**
 * A read model: one row per (list, publicly visible article). A rubric's list holds the
 * articles of all its descendants (an article is listed under every ancestor of its primary
 * and secondary rubrics), so "newest N of Monde" is one range scan of the primary key,
 * whatever the tree depth or table size. Rewritten for an article whenever it is saved.
 */
@Entity({ name: 'article_listing' })
@Index('ix_article_listing_article', ['articleId'])
export class ArticleListing {
  @PrimaryColumn({ type: 'smallint' })
  kind: ListingKind;

  @PrimaryColumn({ type: 'int' })
  refId: number;

  @PrimaryColumn({ type: 'datetime', precision: 3 })
  publishedAt: Date;

  @PrimaryColumn({ type: 'int' })
  articleId: number;
}
