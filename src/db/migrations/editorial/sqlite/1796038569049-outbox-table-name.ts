import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The outbox table carries its subgraph's name, so that subgraphs sharing one database keep their own. */
export class OutboxTableName1796038569049 implements MigrationInterface {
  name = 'OutboxTableName1796038569049';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "outbox_event" RENAME TO "editorial_outbox_event"`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "editorial_outbox_event" RENAME TO "outbox_event"`);
  }
}
