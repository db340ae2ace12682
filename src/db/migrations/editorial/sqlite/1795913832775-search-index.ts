import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The FTS5 index behind `search`. Contentless (the folded text is only needed for matching,
 * the article row holds the real text) with contentless_delete so rows can be replaced.
 */
export class SearchIndex1795913832775 implements MigrationInterface {
  name = 'SearchIndex1795913832775';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE VIRTUAL TABLE article_search USING fts5(title, standfirst, body, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2')`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE article_search`);
  }
}
