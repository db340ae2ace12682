import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * The change feed of articles, compacted: one row per article holding its latest change.
 * Every change takes the next number of `audience_sequence` in the transaction that writes
 * it, so numbers are handed out in commit order and a reader paging by `seq` can never pass
 * a number that is still to be committed (see article-change.service.ts). Deleted articles
 * stay as tombstones.
 */
@Entity({ name: 'article_change_state' })
@Index('uq_article_change_seq', ['seq'], { unique: true })
export class ArticleChangeState {
  @PrimaryColumn({ type: 'int' })
  articleId: number;

  @Column({ type: 'bigint' })
  seq: number;

  /** created, updated, published, unpublished, trashed or deleted. */
  @Column({ type: 'varchar', length: 12 })
  kind: string;

  @Column({ type: 'datetime', precision: 3 })
  changedAt: Date;
}
