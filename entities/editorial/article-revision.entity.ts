import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A saved state of an article's editable fields: every save adds one; restore copies one back. */
@Entity({ name: 'article_revision' })
@Index('uq_article_revision', ['articleId', 'number'], { unique: true })
export class ArticleRevision {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  articleId: number;

  /** 1 for the first save, then 2, 3, … */
  @Column({ type: 'int' })
  number: number;

  /** The article's version after this save. */
  @Column({ type: 'int' })
  articleVersion: number;

  /** The editable fields as saved (see article-snapshot.ts). */
  @Column({ type: 'json' })
  snapshot: Record<string, unknown>;

  /** Names of the fields that differ from the previous revision. */
  @Column({ type: 'json' })
  changedFields: string[];

  @Column({ type: 'int', nullable: true })
  userId: number | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  note: string | null;

  @Column({ type: 'datetime', precision: 3 })
  createdAt: Date;
}
