import type { MigrationInterface, QueryRunner } from 'typeorm';

export class EditorialWorkflow1795914464648 implements MigrationInterface {
  name = 'EditorialWorkflow1795914464648';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "article_correction" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "articleId" integer NOT NULL, "text" text NOT NULL, "userId" integer, "createdAt" datetime(3) NOT NULL)`);
    await queryRunner.query(`CREATE INDEX "ix_article_correction_article" ON "article_correction" ("articleId", "createdAt") `);
    await queryRunner.query(`CREATE TABLE "article_revision" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "articleId" integer NOT NULL, "number" integer NOT NULL, "articleVersion" integer NOT NULL, "snapshot" json NOT NULL, "changedFields" json NOT NULL, "userId" integer, "note" varchar(200), "createdAt" datetime(3) NOT NULL)`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_article_revision" ON "article_revision" ("articleId", "number") `);
    await queryRunner.query(`CREATE TABLE "editorial_audit_entry" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "action" varchar(60) NOT NULL, "entityType" varchar(40) NOT NULL, "entityId" integer, "userId" integer, "before" json, "after" json, "createdAt" datetime(3) NOT NULL)`);
    await queryRunner.query(`CREATE INDEX "ix_editorial_audit_user" ON "editorial_audit_entry" ("userId", "id") `);
    await queryRunner.query(`CREATE INDEX "ix_editorial_audit_entity" ON "editorial_audit_entry" ("entityType", "entityId", "id") `);
    await queryRunner.query(`CREATE TABLE "rubric_path_history" ("path" varchar(500) PRIMARY KEY NOT NULL, "rubricId" integer NOT NULL, "retiredAt" datetime(3) NOT NULL)`);
    await queryRunner.query(`CREATE INDEX "ix_rubric_path_history_rubric" ON "rubric_path_history" ("rubricId") `);
    await queryRunner.query(`DROP INDEX "uq_article_slug"`);
    await queryRunner.query(`DROP INDEX "ix_article_status_published"`);
    await queryRunner.query(`DROP INDEX "ix_article_rubric"`);
    await queryRunner.query(`DROP INDEX "ix_article_updated"`);
    await queryRunner.query(`CREATE TABLE "temporary_article" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "slug" varchar(160) NOT NULL, "kicker" varchar(120), "title" varchar(300) NOT NULL, "standfirst" text, "status" varchar(20) NOT NULL, "language" varchar(10) NOT NULL DEFAULT ('fr'), "primaryRubricId" integer NOT NULL, "heroImageId" integer, "wordCount" integer NOT NULL DEFAULT (0), "metaTitle" varchar(300), "metaDescription" varchar(500), "canonicalUrl" varchar(500), "publishedAt" datetime(3), "createdAt" datetime(3) NOT NULL, "updatedAt" datetime(3) NOT NULL, "version" integer NOT NULL DEFAULT (1), "body" json NOT NULL, "embargoUntil" datetime(3), "unpublishAt" datetime(3), "createdByUserId" integer)`);
    await queryRunner.query(`INSERT INTO "temporary_article"("id", "slug", "kicker", "title", "standfirst", "status", "language", "primaryRubricId", "heroImageId", "wordCount", "metaTitle", "metaDescription", "canonicalUrl", "publishedAt", "createdAt", "updatedAt", "version", "body") SELECT "id", "slug", "kicker", "title", "standfirst", "status", "language", "primaryRubricId", "heroImageId", "wordCount", "metaTitle", "metaDescription", "canonicalUrl", "publishedAt", "createdAt", "updatedAt", "version", "body" FROM "article"`);
    await queryRunner.query(`DROP TABLE "article"`);
    await queryRunner.query(`ALTER TABLE "temporary_article" RENAME TO "article"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_article_slug" ON "article" ("slug") `);
    await queryRunner.query(`CREATE INDEX "ix_article_status_published" ON "article" ("status", "publishedAt", "id") `);
    await queryRunner.query(`CREATE INDEX "ix_article_rubric" ON "article" ("primaryRubricId") `);
    await queryRunner.query(`CREATE INDEX "ix_article_updated" ON "article" ("updatedAt", "id") `);
    await queryRunner.query(`CREATE INDEX "ix_article_unpublish" ON "article" ("status", "unpublishAt") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_article_unpublish"`);
    await queryRunner.query(`DROP INDEX "ix_article_updated"`);
    await queryRunner.query(`DROP INDEX "ix_article_rubric"`);
    await queryRunner.query(`DROP INDEX "ix_article_status_published"`);
    await queryRunner.query(`DROP INDEX "uq_article_slug"`);
    await queryRunner.query(`ALTER TABLE "article" RENAME TO "temporary_article"`);
    await queryRunner.query(`CREATE TABLE "article" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "slug" varchar(160) NOT NULL, "kicker" varchar(120), "title" varchar(300) NOT NULL, "standfirst" text, "status" varchar(20) NOT NULL, "language" varchar(10) NOT NULL DEFAULT ('fr'), "primaryRubricId" integer NOT NULL, "heroImageId" integer, "wordCount" integer NOT NULL DEFAULT (0), "metaTitle" varchar(300), "metaDescription" varchar(500), "canonicalUrl" varchar(500), "publishedAt" datetime(3), "createdAt" datetime(3) NOT NULL, "updatedAt" datetime(3) NOT NULL, "version" integer NOT NULL DEFAULT (1), "body" json NOT NULL)`);
    await queryRunner.query(`INSERT INTO "article"("id", "slug", "kicker", "title", "standfirst", "status", "language", "primaryRubricId", "heroImageId", "wordCount", "metaTitle", "metaDescription", "canonicalUrl", "publishedAt", "createdAt", "updatedAt", "version", "body") SELECT "id", "slug", "kicker", "title", "standfirst", "status", "language", "primaryRubricId", "heroImageId", "wordCount", "metaTitle", "metaDescription", "canonicalUrl", "publishedAt", "createdAt", "updatedAt", "version", "body" FROM "temporary_article"`);
    await queryRunner.query(`DROP TABLE "temporary_article"`);
    await queryRunner.query(`CREATE INDEX "ix_article_updated" ON "article" ("updatedAt", "id") `);
    await queryRunner.query(`CREATE INDEX "ix_article_rubric" ON "article" ("primaryRubricId") `);
    await queryRunner.query(`CREATE INDEX "ix_article_status_published" ON "article" ("status", "publishedAt", "id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_article_slug" ON "article" ("slug") `);
    await queryRunner.query(`DROP INDEX "ix_rubric_path_history_rubric"`);
    await queryRunner.query(`DROP TABLE "rubric_path_history"`);
    await queryRunner.query(`DROP INDEX "ix_editorial_audit_entity"`);
    await queryRunner.query(`DROP INDEX "ix_editorial_audit_user"`);
    await queryRunner.query(`DROP TABLE "editorial_audit_entry"`);
    await queryRunner.query(`DROP INDEX "uq_article_revision"`);
    await queryRunner.query(`DROP TABLE "article_revision"`);
    await queryRunner.query(`DROP INDEX "ix_article_correction_article"`);
    await queryRunner.query(`DROP TABLE "article_correction"`);
  }
}
