import type { MigrationInterface, QueryRunner } from 'typeorm';

export class EventOutbox1796028343828 implements MigrationInterface {
  name = 'EventOutbox1796028343828';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "consumed_event" ("eventId" varchar(36) PRIMARY KEY NOT NULL, "consumedAt" datetime(3) NOT NULL)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "consumed_event"`);
  }
}
