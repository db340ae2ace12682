import type { MigrationInterface, QueryRunner } from 'typeorm';

export class FrontPage1795913335016 implements MigrationInterface {
  name = 'FrontPage1795913335016';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "front_page_arrangement" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "block" varchar(20) NOT NULL, "activeFrom" datetime(3) NOT NULL, "createdAt" datetime(3) NOT NULL, "createdByUserId" integer)`);
    await queryRunner.query(`CREATE INDEX "ix_front_page_arrangement_block" ON "front_page_arrangement" ("block", "activeFrom", "id") `);
    await queryRunner.query(`CREATE TABLE "front_page_slot" ("arrangementId" integer NOT NULL, "position" integer NOT NULL, "articleId" integer NOT NULL, PRIMARY KEY ("arrangementId", "position"))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "front_page_slot"`);
    await queryRunner.query(`DROP INDEX "ix_front_page_arrangement_block"`);
    await queryRunner.query(`DROP TABLE "front_page_arrangement"`);
  }
}
