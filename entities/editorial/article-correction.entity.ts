import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A public, dated correction note shown with the article ("Mis à jour le …"). */
@Entity({ name: 'article_correction' })
@Index('ix_article_correction_article', ['articleId', 'createdAt'])
export class ArticleCorrection {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  articleId: number;

  @Column({ type: 'text' })
  text: string;

  @Column({ type: 'int', nullable: true })
  userId: number | null;

  @Column({ type: 'datetime', precision: 3 })
  createdAt: Date;
}
