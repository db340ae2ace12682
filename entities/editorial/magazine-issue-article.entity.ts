import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'magazine_issue_article' })
export class MagazineIssueArticle {
  @PrimaryColumn({ type: 'int' })
  issueId: number;

  @PrimaryColumn({ type: 'int' })
  articleId: number;

  @Column({ type: 'int', default: 0 })
  position: number;
}
