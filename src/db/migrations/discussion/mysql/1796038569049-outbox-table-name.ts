import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The outbox table carries its subgraph's name, so that subgraphs sharing one database keep their own. */
export class OutboxTableName1796038569049 implements MigrationInterface {
  name = 'OutboxTableName1796038569049';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`RENAME TABLE \`outbox_event\` TO \`discussion_outbox_event\``);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`RENAME TABLE \`discussion_outbox_event\` TO \`outbox_event\``);
  }
}
