import type { MigrationInterface, QueryRunner } from 'typeorm';

export class EventOutbox1796028334728 implements MigrationInterface {
  name = 'EventOutbox1796028334728';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "outbox_event" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "eventId" varchar(36) NOT NULL, "type" varchar(64) NOT NULL, "payload" text NOT NULL, "occurredAt" datetime(3) NOT NULL, "publishedAt" datetime(3))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_outbox_event_event_id" ON "outbox_event" ("eventId") `);
    await queryRunner.query(`CREATE INDEX "ix_outbox_event_pending" ON "outbox_event" ("publishedAt", "id") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_outbox_event_pending"`);
    await queryRunner.query(`DROP INDEX "uq_outbox_event_event_id"`);
    await queryRunner.query(`DROP TABLE "outbox_event"`);
  }
}
