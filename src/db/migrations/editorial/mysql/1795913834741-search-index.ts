import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The InnoDB FULLTEXT index behind `search`: folded text, one index over all fields and one over the title. */
export class SearchIndex1795913834741 implements MigrationInterface {
  name = 'SearchIndex1795913834741';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE article_search (
        articleId int NOT NULL PRIMARY KEY,
        title text NOT NULL,
        standfirst text NOT NULL,
        body mediumtext NOT NULL,
        FULLTEXT INDEX ft_article_search (title, standfirst, body),
        FULLTEXT INDEX ft_article_search_title (title)
      ) ENGINE=InnoDB`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE article_search`);
  }
}
