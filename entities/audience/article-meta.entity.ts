import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * What the audience subgraph knows of an editorial article, copied through federation (the
 * editorial subgraph's `_entities`) so rankings never join another subgraph's tables:
 * whether the public may see it, and its rubric's path of ids ("/2/15/37/") so a rubric
 * filter includes the rubric's descendants. Refreshed on content events and, for articles
 * being read, whenever the copy is missing or older than a few minutes.
 */
@Entity({ name: 'article_meta' })
export class ArticleMeta {
  @PrimaryColumn({ type: 'int' })
  articleId: number;

  /** Ids of the primary rubric's ancestors then itself, slash-delimited; null until first seen visible. */
  @Column({ type: 'varchar', length: 255, nullable: true })
  rubricPath: string | null;

  /** Publicly visible when last checked: rankings only ever return listed articles. */
  @Column({ type: 'boolean', default: false })
  listed: boolean;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  publishedAt: Date | null;

  @Column({ type: 'datetime', precision: 3 })
  refreshedAt: Date;
}
