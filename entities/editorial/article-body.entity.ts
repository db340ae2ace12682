import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { BodyBlock } from '../../src/editorial/body-blocks';

/**
 * The body of an article, in a table of its own. Lists and cards never need it; kept on the
 * article row, a long body sat in SQLite overflow pages that every read of the columns after
 * it had to walk, and columns added later always land after it.
 */
@Entity({ name: 'article_body' })
export class ArticleBody {
  @PrimaryColumn({ type: 'int' })
  articleId: number;

  /** Typed blocks as JSON (see body-blocks.ts). */
  @Column({ type: 'json' })
  body: BodyBlock[];
}
