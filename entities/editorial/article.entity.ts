import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { BodyBlock } from '../../src/editorial/body-blocks';
import type { ArticleStatus } from '../../src/editorial/article-status';

@Entity({ name: 'article' })
@Index('uq_article_slug', ['slug'], { unique: true })
@Index('ix_article_status_published', ['status', 'publishedAt', 'id'])
@Index('ix_article_rubric', ['primaryRubricId'])
@Index('ix_article_updated', ['updatedAt', 'id'])
@Index('ix_article_unpublish', ['status', 'unpublishAt'])
@Index('ix_article_embargo', ['status', 'embargoUntil'])
@Index('ix_article_trashed', ['trashedAt', 'id'])
export class Article {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 160 })
  slug: string;

  @Column({ type: 'varchar', length: 120, nullable: true })
  kicker: string | null;

  @Column({ type: 'varchar', length: 300 })
  title: string;

  @Column({ type: 'text', nullable: true })
  standfirst: string | null;


  @Column({ type: 'varchar', length: 20 })
  status: ArticleStatus;

  @Column({ type: 'varchar', length: 10, default: 'fr' })
  language: string;

  @Column({ type: 'int' })
  primaryRubricId: number;

  @Column({ type: 'int', nullable: true })
  heroImageId: number | null;

  @Column({ type: 'int', default: 0 })
  wordCount: number;

  @Column({ type: 'varchar', length: 300, nullable: true })
  metaTitle: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  metaDescription: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  canonicalUrl: string | null;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  publishedAt: Date | null;

  @Column({ type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ type: 'datetime', precision: 3 })
  updatedAt: Date;

  /** Invisible to the public until then, whatever the status (editors still see it). */
  @Column({ type: 'datetime', precision: 3, nullable: true })
  embargoUntil: Date | null;

  /** When a published article is to be taken down by the scheduler. */
  @Column({ type: 'datetime', precision: 3, nullable: true })
  unpublishAt: Date | null;

  /**
   * When the scheduler announced the end of the embargo (emitted the article's event, so caches
   * and feeds learn it became public). Null or earlier than `embargoUntil`: still to announce.
   */
  @Column({ type: 'datetime', precision: 3, nullable: true })
  embargoLiftedAt: Date | null;

  /** In the trash since then: invisible everywhere, restorable, purgeable by admins. Null: not trashed. */
  @Column({ type: 'datetime', precision: 3, nullable: true })
  trashedAt: Date | null;

  /** The account (accounts subgraph) that created it. */
  @Column({ type: 'int', nullable: true })
  createdByUserId: number | null;

  /** Optimistic-concurrency counter: bumped on every save. */
  @Column({ type: 'int', default: 1 })
  version: number;

  /** Not a column: the body lives in `article_body` and is attached when a write path needs it. */
  body?: BodyBlock[];
}
