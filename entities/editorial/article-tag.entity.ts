import { Entity, Index, PrimaryColumn } from 'typeorm';

@Entity({ name: 'article_tag' })
@Index('ix_article_tag_tag', ['tagId', 'articleId'])
export class ArticleTag {
  @PrimaryColumn({ type: 'int' })
  articleId: number;

  @PrimaryColumn({ type: 'int' })
  tagId: number;
}
