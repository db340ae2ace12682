import { Entity, Index, PrimaryColumn } from 'typeorm';

@Entity({ name: 'article_secondary_rubric' })
@Index('ix_article_secondary_rubric_rubric', ['rubricId', 'articleId'])
export class ArticleSecondaryRubric {
  @PrimaryColumn({ type: 'int' })
  articleId: number;

  @PrimaryColumn({ type: 'int' })
  rubricId: number;
}
