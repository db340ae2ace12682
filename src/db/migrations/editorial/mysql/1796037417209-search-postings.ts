import type { MigrationInterface, QueryRunner } from 'typeorm';
import { searchTerms } from '../../../../search/search-terms';
import { valuesPlaceholders } from '../../../sql-values';

/**
 * The postings beside InnoDB's full-text index (see mysql-search-postings.ts): one row per
 * article and distinct searchable word, keyed (term, articleId) so a word's newest articles
 * are read backwards from the key. Terms are compared byte for byte: they are folded already.
 * Filled from the indexed text, which is folded, in batches of articles.
 */
export class SearchPostings1796037417209 implements MigrationInterface {
  name = 'SearchPostings1796037417209';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE article_search_posting (
        term varchar(84) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
        articleId int NOT NULL,
        PRIMARY KEY (term, articleId)
      ) ENGINE=InnoDB`,
    );
    let after = 0;
    for (;;) {
      const rows: Array<{ articleId: number; title: string; standfirst: string; body: string }> = await queryRunner.query(
        `SELECT articleId, title, standfirst, body FROM article_search WHERE articleId > ? ORDER BY articleId LIMIT 500`,
        [after],
      );
      if (!rows.length) break;
      const postings = rows.flatMap((r) => searchTerms(r.title, r.standfirst, r.body).map((t) => [t, r.articleId]));
      for (let i = 0; i < postings.length; i += 2000) {
        const chunk = postings.slice(i, i + 2000);
        await queryRunner.query(`INSERT INTO article_search_posting (term, articleId) VALUES ${valuesPlaceholders(chunk.length, 2)}`, chunk.flat());
      }
      after = rows[rows.length - 1].articleId;
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE article_search_posting`);
  }
}
