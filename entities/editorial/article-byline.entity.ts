import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** Ordered authorship: position 0 is the first name in the byline. */
@Entity({ name: 'article_byline' })
@Index('ix_article_byline_author', ['authorId', 'articleId'])
export class ArticleByline {
  @PrimaryColumn({ type: 'int' })
  articleId: number;

  @PrimaryColumn({ type: 'int' })
  authorId: number;

  @Column({ type: 'int', default: 0 })
  position: number;
}
