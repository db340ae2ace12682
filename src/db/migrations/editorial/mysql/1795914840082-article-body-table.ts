import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ArticleBodyTable1795914840082 implements MigrationInterface {
  name = 'ArticleBodyTable1795914840082';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`article_body\` (\`articleId\` int NOT NULL, \`body\` json NOT NULL, PRIMARY KEY (\`articleId\`)) ENGINE=InnoDB`);
    // Keep every body: copied out before the column goes.
    await queryRunner.query(`INSERT INTO \`article_body\` (\`articleId\`, \`body\`) SELECT \`id\`, \`body\` FROM \`article\``);
    await queryRunner.query(`ALTER TABLE \`article\` DROP COLUMN \`body\``);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`article\` ADD \`body\` longtext COLLATE "utf8mb4_bin" NOT NULL DEFAULT '[]'`);
    await queryRunner.query(`UPDATE \`article\` a JOIN \`article_body\` b ON b.\`articleId\` = a.\`id\` SET a.\`body\` = b.\`body\``);
    await queryRunner.query(`DROP TABLE \`article_body\``);
  }
}
