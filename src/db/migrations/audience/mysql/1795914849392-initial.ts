import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1795914849392 implements MigrationInterface {
  name = 'Initial1795914849392';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`article_change_state\` (\`articleId\` int NOT NULL, \`seq\` bigint NOT NULL, \`kind\` varchar(12) NOT NULL, \`changedAt\` datetime(3) NOT NULL, UNIQUE INDEX \`uq_article_change_seq\` (\`seq\`), PRIMARY KEY (\`articleId\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`article_meta\` (\`articleId\` int NOT NULL, \`rubricPath\` varchar(255) NULL, \`listed\` tinyint NOT NULL DEFAULT 0, \`publishedAt\` datetime(3) NULL, \`refreshedAt\` datetime(3) NOT NULL, PRIMARY KEY (\`articleId\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`article_view_total\` (\`articleId\` int NOT NULL, \`views\` bigint NOT NULL DEFAULT '0', PRIMARY KEY (\`articleId\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`audience_sequence\` (\`name\` varchar(40) NOT NULL, \`lastValue\` bigint NOT NULL DEFAULT '0', PRIMARY KEY (\`name\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`page_view_daily\` (\`day\` int NOT NULL, \`articleId\` int NOT NULL, \`views\` int NOT NULL DEFAULT '0', PRIMARY KEY (\`day\`, \`articleId\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`page_view_hourly\` (\`hour\` int NOT NULL, \`articleId\` int NOT NULL, \`views\` int NOT NULL DEFAULT '0', PRIMARY KEY (\`hour\`, \`articleId\`)) ENGINE=InnoDB`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE \`page_view_hourly\``);
    await queryRunner.query(`DROP TABLE \`page_view_daily\``);
    await queryRunner.query(`DROP TABLE \`audience_sequence\``);
    await queryRunner.query(`DROP TABLE \`article_view_total\``);
    await queryRunner.query(`DROP TABLE \`article_meta\``);
    await queryRunner.query(`DROP INDEX \`uq_article_change_seq\` ON \`article_change_state\``);
    await queryRunner.query(`DROP TABLE \`article_change_state\``);
  }
}
