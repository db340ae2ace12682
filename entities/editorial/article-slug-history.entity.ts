import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** Every slug an article has given up, so old links keep redirecting. */
@Entity({ name: 'article_slug_history' })
@Index('ix_article_slug_history_article', ['articleId'])
export class ArticleSlugHistory {
  @PrimaryColumn({ type: 'varchar', length: 160 })
  slug: string;

  @Column({ type: 'int' })
  articleId: number;

  @Column({ type: 'datetime', precision: 3 })
  retiredAt: Date;
}
