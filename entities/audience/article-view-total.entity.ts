import { Column, Entity, PrimaryColumn } from 'typeorm';

/** All-time views of an article, kept beside the hourly rows so `Article.viewCount` is a key lookup. */
@Entity({ name: 'article_view_total' })
export class ArticleViewTotal {
  @PrimaryColumn({ type: 'int' })
  articleId: number;

  @Column({ type: 'bigint', default: 0 })
  views: number;
}
