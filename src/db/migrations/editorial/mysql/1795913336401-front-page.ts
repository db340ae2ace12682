import type { MigrationInterface, QueryRunner } from 'typeorm';

export class FrontPage1795913336401 implements MigrationInterface {
  name = 'FrontPage1795913336401';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`front_page_arrangement\` (\`id\` int NOT NULL AUTO_INCREMENT, \`block\` varchar(20) NOT NULL, \`activeFrom\` datetime(3) NOT NULL, \`createdAt\` datetime(3) NOT NULL, \`createdByUserId\` int NULL, INDEX \`ix_front_page_arrangement_block\` (\`block\`, \`activeFrom\`, \`id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`front_page_slot\` (\`arrangementId\` int NOT NULL, \`position\` int NOT NULL, \`articleId\` int NOT NULL, PRIMARY KEY (\`arrangementId\`, \`position\`)) ENGINE=InnoDB`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE \`front_page_slot\``);
    await queryRunner.query(`DROP INDEX \`ix_front_page_arrangement_block\` ON \`front_page_arrangement\``);
    await queryRunner.query(`DROP TABLE \`front_page_arrangement\``);
  }
}
