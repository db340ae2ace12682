import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1795914847942 implements MigrationInterface {
  name = 'Initial1795914847942';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "article_change_state" ("articleId" integer PRIMARY KEY NOT NULL, "seq" bigint NOT NULL, "kind" varchar(12) NOT NULL, "changedAt" datetime(3) NOT NULL)`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_article_change_seq" ON "article_change_state" ("seq") `);
    await queryRunner.query(`CREATE TABLE "article_meta" ("articleId" integer PRIMARY KEY NOT NULL, "rubricPath" varchar(255), "listed" boolean NOT NULL DEFAULT (0), "publishedAt" datetime(3), "refreshedAt" datetime(3) NOT NULL)`);
    await queryRunner.query(`CREATE TABLE "article_view_total" ("articleId" integer PRIMARY KEY NOT NULL, "views" bigint NOT NULL DEFAULT (0))`);
    await queryRunner.query(`CREATE TABLE "audience_sequence" ("name" varchar(40) PRIMARY KEY NOT NULL, "lastValue" bigint NOT NULL DEFAULT (0))`);
    await queryRunner.query(`CREATE TABLE "page_view_daily" ("day" integer NOT NULL, "articleId" integer NOT NULL, "views" integer NOT NULL DEFAULT (0), PRIMARY KEY ("day", "articleId"))`);
    await queryRunner.query(`CREATE TABLE "page_view_hourly" ("hour" integer NOT NULL, "articleId" integer NOT NULL, "views" integer NOT NULL DEFAULT (0), PRIMARY KEY ("hour", "articleId"))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "page_view_hourly"`);
    await queryRunner.query(`DROP TABLE "page_view_daily"`);
    await queryRunner.query(`DROP TABLE "audience_sequence"`);
    await queryRunner.query(`DROP TABLE "article_view_total"`);
    await queryRunner.query(`DROP TABLE "article_meta"`);
    await queryRunner.query(`DROP INDEX "uq_article_change_seq"`);
    await queryRunner.query(`DROP TABLE "article_change_state"`);
  }
}
