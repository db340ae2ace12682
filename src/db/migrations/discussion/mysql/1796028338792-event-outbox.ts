import type { MigrationInterface, QueryRunner } from 'typeorm';

export class EventOutbox1796028338792 implements MigrationInterface {
  name = 'EventOutbox1796028338792';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`outbox_event\` (\`id\` int NOT NULL AUTO_INCREMENT, \`eventId\` varchar(36) NOT NULL, \`type\` varchar(64) NOT NULL, \`payload\` text NOT NULL, \`occurredAt\` datetime(3) NOT NULL, \`publishedAt\` datetime(3) NULL, UNIQUE INDEX \`uq_outbox_event_event_id\` (\`eventId\`), INDEX \`ix_outbox_event_pending\` (\`publishedAt\`, \`id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`ix_outbox_event_pending\` ON \`outbox_event\``);
    await queryRunner.query(`DROP INDEX \`uq_outbox_event_event_id\` ON \`outbox_event\``);
    await queryRunner.query(`DROP TABLE \`outbox_event\``);
  }
}
