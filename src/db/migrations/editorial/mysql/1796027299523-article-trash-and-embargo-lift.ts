import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ArticleTrashAndEmbargoLift1796027299523 implements MigrationInterface {
  name = 'ArticleTrashAndEmbargoLift1796027299523';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`article\` ADD \`embargoLiftedAt\` datetime(3) NULL`);
    await queryRunner.query(`ALTER TABLE \`article\` ADD \`trashedAt\` datetime(3) NULL`);
    await queryRunner.query(`CREATE INDEX \`ix_article_trashed\` ON \`article\` (\`trashedAt\`, \`id\`)`);
    await queryRunner.query(`CREATE INDEX \`ix_article_embargo\` ON \`article\` (\`status\`, \`embargoUntil\`)`);
    // Embargoes that ended before this version count as announced: only lifts from now on emit an event.
    await queryRunner.query(`UPDATE \`article\` SET \`embargoLiftedAt\` = \`embargoUntil\` WHERE \`embargoUntil\` IS NOT NULL AND \`embargoUntil\` <= UTC_TIMESTAMP(3)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`ix_article_embargo\` ON \`article\``);
    await queryRunner.query(`DROP INDEX \`ix_article_trashed\` ON \`article\``);
    await queryRunner.query(`ALTER TABLE \`article\` DROP COLUMN \`trashedAt\``);
    await queryRunner.query(`ALTER TABLE \`article\` DROP COLUMN \`embargoLiftedAt\``);
  }
}
