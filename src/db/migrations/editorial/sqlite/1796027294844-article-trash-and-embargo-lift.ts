import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ArticleTrashAndEmbargoLift1796027294844 implements MigrationInterface {
  name = 'ArticleTrashAndEmbargoLift1796027294844';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "uq_article_slug"`);
    await queryRunner.query(`DROP INDEX "ix_article_status_published"`);
    await queryRunner.query(`DROP INDEX "ix_article_rubric"`);
    await queryRunner.query(`DROP INDEX "ix_article_updated"`);
    await queryRunner.query(`DROP INDEX "ix_article_unpublish"`);
    await queryRunner.query(`CREATE TABLE "temporary_article" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "slug" varchar(160) NOT NULL, "kicker" varchar(120), "title" varchar(300) NOT NULL, "standfirst" text, "status" varchar(20) NOT NULL, "language" varchar(10) NOT NULL DEFAULT ('fr'), "primaryRubricId" integer NOT NULL, "heroImageId" integer, "wordCount" integer NOT NULL DEFAULT (0), "metaTitle" varchar(300), "metaDescription" varchar(500), "canonicalUrl" varchar(500), "publishedAt" datetime(3), "createdAt" datetime(3) NOT NULL, "updatedAt" datetime(3) NOT NULL, "version" integer NOT NULL DEFAULT (1), "embargoUntil" datetime(3), "unpublishAt" datetime(3), "createdByUserId" integer, "embargoLiftedAt" datetime(3), "trashedAt" datetime(3))`);
    await queryRunner.query(`INSERT INTO "temporary_article"("id", "slug", "kicker", "title", "standfirst", "status", "language", "primaryRubricId", "heroImageId", "wordCount", "metaTitle", "metaDescription", "canonicalUrl", "publishedAt", "createdAt", "updatedAt", "version", "embargoUntil", "unpublishAt", "createdByUserId") SELECT "id", "slug", "kicker", "title", "standfirst", "status", "language", "primaryRubricId", "heroImageId", "wordCount", "metaTitle", "metaDescription", "canonicalUrl", "publishedAt", "createdAt", "updatedAt", "version", "embargoUntil", "unpublishAt", "createdByUserId" FROM "article"`);
    await queryRunner.query(`DROP TABLE "article"`);
    await queryRunner.query(`ALTER TABLE "temporary_article" RENAME TO "article"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_article_slug" ON "article" ("slug") `);
    await queryRunner.query(`CREATE INDEX "ix_article_status_published" ON "article" ("status", "publishedAt", "id") `);
    await queryRunner.query(`CREATE INDEX "ix_article_rubric" ON "article" ("primaryRubricId") `);
    await queryRunner.query(`CREATE INDEX "ix_article_updated" ON "article" ("updatedAt", "id") `);
    await queryRunner.query(`CREATE INDEX "ix_article_unpublish" ON "article" ("status", "unpublishAt") `);
    await queryRunner.query(`CREATE INDEX "ix_article_trashed" ON "article" ("trashedAt", "id") `);
    await queryRunner.query(`CREATE INDEX "ix_article_embargo" ON "article" ("status", "embargoUntil") `);
    // Embargoes that ended before this version count as announced: only lifts from now on emit an event.
    await queryRunner.query(`UPDATE "article" SET "embargoLiftedAt" = "embargoUntil" WHERE "embargoUntil" IS NOT NULL AND "embargoUntil" <= strftime('%Y-%m-%d %H:%M:%f', 'now')`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_article_embargo"`);
    await queryRunner.query(`DROP INDEX "ix_article_trashed"`);
    await queryRunner.query(`DROP INDEX "ix_article_unpublish"`);
    await queryRunner.query(`DROP INDEX "ix_article_updated"`);
    await queryRunner.query(`DROP INDEX "ix_article_rubric"`);
    await queryRunner.query(`DROP INDEX "ix_article_status_published"`);
    await queryRunner.query(`DROP INDEX "uq_article_slug"`);
    await queryRunner.query(`ALTER TABLE "article" RENAME TO "temporary_article"`);
    await queryRunner.query(`CREATE TABLE "article" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "slug" varchar(160) NOT NULL, "kicker" varchar(120), "title" varchar(300) NOT NULL, "standfirst" text, "status" varchar(20) NOT NULL, "language" varchar(10) NOT NULL DEFAULT ('fr'), "primaryRubricId" integer NOT NULL, "heroImageId" integer, "wordCount" integer NOT NULL DEFAULT (0), "metaTitle" varchar(300), "metaDescription" varchar(500), "canonicalUrl" varchar(500), "publishedAt" datetime(3), "createdAt" datetime(3) NOT NULL, "updatedAt" datetime(3) NOT NULL, "version" integer NOT NULL DEFAULT (1), "embargoUntil" datetime(3), "unpublishAt" datetime(3), "createdByUserId" integer)`);
    await queryRunner.query(`INSERT INTO "article"("id", "slug", "kicker", "title", "standfirst", "status", "language", "primaryRubricId", "heroImageId", "wordCount", "metaTitle", "metaDescription", "canonicalUrl", "publishedAt", "createdAt", "updatedAt", "version", "embargoUntil", "unpublishAt", "createdByUserId") SELECT "id", "slug", "kicker", "title", "standfirst", "status", "language", "primaryRubricId", "heroImageId", "wordCount", "metaTitle", "metaDescription", "canonicalUrl", "publishedAt", "createdAt", "updatedAt", "version", "embargoUntil", "unpublishAt", "createdByUserId" FROM "temporary_article"`);
    await queryRunner.query(`DROP TABLE "temporary_article"`);
    await queryRunner.query(`CREATE INDEX "ix_article_unpublish" ON "article" ("status", "unpublishAt") `);
    await queryRunner.query(`CREATE INDEX "ix_article_updated" ON "article" ("updatedAt", "id") `);
    await queryRunner.query(`CREATE INDEX "ix_article_rubric" ON "article" ("primaryRubricId") `);
    await queryRunner.query(`CREATE INDEX "ix_article_status_published" ON "article" ("status", "publishedAt", "id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_article_slug" ON "article" ("slug") `);
  }
}
