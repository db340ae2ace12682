import type { MigrationInterface, QueryRunner } from 'typeorm';

export class EditorialWorkflow1795914466004 implements MigrationInterface {
  name = 'EditorialWorkflow1795914466004';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`article_correction\` (\`id\` int NOT NULL AUTO_INCREMENT, \`articleId\` int NOT NULL, \`text\` text NOT NULL, \`userId\` int NULL, \`createdAt\` datetime(3) NOT NULL, INDEX \`ix_article_correction_article\` (\`articleId\`, \`createdAt\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`article_revision\` (\`id\` int NOT NULL AUTO_INCREMENT, \`articleId\` int NOT NULL, \`number\` int NOT NULL, \`articleVersion\` int NOT NULL, \`snapshot\` json NOT NULL, \`changedFields\` json NOT NULL, \`userId\` int NULL, \`note\` varchar(200) NULL, \`createdAt\` datetime(3) NOT NULL, UNIQUE INDEX \`uq_article_revision\` (\`articleId\`, \`number\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`editorial_audit_entry\` (\`id\` int NOT NULL AUTO_INCREMENT, \`action\` varchar(60) NOT NULL, \`entityType\` varchar(40) NOT NULL, \`entityId\` int NULL, \`userId\` int NULL, \`before\` json NULL, \`after\` json NULL, \`createdAt\` datetime(3) NOT NULL, INDEX \`ix_editorial_audit_user\` (\`userId\`, \`id\`), INDEX \`ix_editorial_audit_entity\` (\`entityType\`, \`entityId\`, \`id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`rubric_path_history\` (\`path\` varchar(500) NOT NULL, \`rubricId\` int NOT NULL, \`retiredAt\` datetime(3) NOT NULL, INDEX \`ix_rubric_path_history_rubric\` (\`rubricId\`), PRIMARY KEY (\`path\`)) ENGINE=InnoDB`);
    await queryRunner.query(`ALTER TABLE \`article\` ADD \`embargoUntil\` datetime(3) NULL`);
    await queryRunner.query(`ALTER TABLE \`article\` ADD \`unpublishAt\` datetime(3) NULL`);
    await queryRunner.query(`ALTER TABLE \`article\` ADD \`createdByUserId\` int NULL`);
    await queryRunner.query(`CREATE INDEX \`ix_article_unpublish\` ON \`article\` (\`status\`, \`unpublishAt\`)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`ix_article_unpublish\` ON \`article\``);
    await queryRunner.query(`ALTER TABLE \`article\` DROP COLUMN \`createdByUserId\``);
    await queryRunner.query(`ALTER TABLE \`article\` DROP COLUMN \`unpublishAt\``);
    await queryRunner.query(`ALTER TABLE \`article\` DROP COLUMN \`embargoUntil\``);
    await queryRunner.query(`DROP INDEX \`ix_rubric_path_history_rubric\` ON \`rubric_path_history\``);
    await queryRunner.query(`DROP TABLE \`rubric_path_history\``);
    await queryRunner.query(`DROP INDEX \`ix_editorial_audit_entity\` ON \`editorial_audit_entry\``);
    await queryRunner.query(`DROP INDEX \`ix_editorial_audit_user\` ON \`editorial_audit_entry\``);
    await queryRunner.query(`DROP TABLE \`editorial_audit_entry\``);
    await queryRunner.query(`DROP INDEX \`uq_article_revision\` ON \`article_revision\``);
    await queryRunner.query(`DROP TABLE \`article_revision\``);
    await queryRunner.query(`DROP INDEX \`ix_article_correction_article\` ON \`article_correction\``);
    await queryRunner.query(`DROP TABLE \`article_correction\``);
  }
}
