import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1795913832774 implements MigrationInterface {
  name = 'Initial1795913832774';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "article" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "slug" varchar(160) NOT NULL, "kicker" varchar(120), "title" varchar(300) NOT NULL, "standfirst" text, "status" varchar(20) NOT NULL, "language" varchar(10) NOT NULL DEFAULT ('fr'), "primaryRubricId" integer NOT NULL, "heroImageId" integer, "wordCount" integer NOT NULL DEFAULT (0), "metaTitle" varchar(300), "metaDescription" varchar(500), "canonicalUrl" varchar(500), "publishedAt" datetime(3), "createdAt" datetime(3) NOT NULL, "updatedAt" datetime(3) NOT NULL, "version" integer NOT NULL DEFAULT (1), "body" json NOT NULL)`);
    await queryRunner.query(`CREATE INDEX "ix_article_updated" ON "article" ("updatedAt", "id") `);
    await queryRunner.query(`CREATE INDEX "ix_article_rubric" ON "article" ("primaryRubricId") `);
    await queryRunner.query(`CREATE INDEX "ix_article_status_published" ON "article" ("status", "publishedAt", "id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_article_slug" ON "article" ("slug") `);
    await queryRunner.query(`CREATE TABLE "article_byline" ("articleId" integer NOT NULL, "authorId" integer NOT NULL, "position" integer NOT NULL DEFAULT (0), PRIMARY KEY ("articleId", "authorId"))`);
    await queryRunner.query(`CREATE INDEX "ix_article_byline_author" ON "article_byline" ("authorId", "articleId") `);
    await queryRunner.query(`CREATE TABLE "article_listing" ("kind" smallint NOT NULL, "refId" integer NOT NULL, "publishedAt" datetime(3) NOT NULL, "articleId" integer NOT NULL, PRIMARY KEY ("kind", "refId", "publishedAt", "articleId"))`);
    await queryRunner.query(`CREATE INDEX "ix_article_listing_article" ON "article_listing" ("articleId") `);
    await queryRunner.query(`CREATE TABLE "article_secondary_rubric" ("articleId" integer NOT NULL, "rubricId" integer NOT NULL, PRIMARY KEY ("articleId", "rubricId"))`);
    await queryRunner.query(`CREATE INDEX "ix_article_secondary_rubric_rubric" ON "article_secondary_rubric" ("rubricId", "articleId") `);
    await queryRunner.query(`CREATE TABLE "article_slug_history" ("slug" varchar(160) PRIMARY KEY NOT NULL, "articleId" integer NOT NULL, "retiredAt" datetime(3) NOT NULL)`);
    await queryRunner.query(`CREATE INDEX "ix_article_slug_history_article" ON "article_slug_history" ("articleId") `);
    await queryRunner.query(`CREATE TABLE "article_tag" ("articleId" integer NOT NULL, "tagId" integer NOT NULL, PRIMARY KEY ("articleId", "tagId"))`);
    await queryRunner.query(`CREATE INDEX "ix_article_tag_tag" ON "article_tag" ("tagId", "articleId") `);
    await queryRunner.query(`CREATE TABLE "author" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "slug" varchar(160) NOT NULL, "name" varchar(200) NOT NULL, "bio" text, "avatarId" integer, "socialLinks" json, "userId" integer)`);
    await queryRunner.query(`CREATE INDEX "ix_author_user" ON "author" ("userId") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_author_slug" ON "author" ("slug") `);
    await queryRunner.query(`CREATE TABLE "magazine_issue" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "number" integer NOT NULL, "title" varchar(300) NOT NULL, "coverId" integer, "onSaleDate" date NOT NULL)`);
    await queryRunner.query(`CREATE INDEX "ix_magazine_issue_on_sale" ON "magazine_issue" ("onSaleDate") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_magazine_issue_number" ON "magazine_issue" ("number") `);
    await queryRunner.query(`CREATE TABLE "magazine_issue_article" ("issueId" integer NOT NULL, "articleId" integer NOT NULL, "position" integer NOT NULL DEFAULT (0), PRIMARY KEY ("issueId", "articleId"))`);
    await queryRunner.query(`CREATE TABLE "media" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "storageKey" varchar(300) NOT NULL, "mimeType" varchar(60) NOT NULL DEFAULT ('image/jpeg'), "altText" varchar(500) NOT NULL, "credit" varchar(300), "caption" text, "width" integer NOT NULL, "height" integer NOT NULL, "focalX" float NOT NULL DEFAULT (0.5), "focalY" float NOT NULL DEFAULT (0.5))`);
    await queryRunner.query(`CREATE TABLE "rubric" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "slug" varchar(120) NOT NULL, "path" varchar(500) NOT NULL, "name" varchar(200) NOT NULL, "description" text, "parentId" integer, "treePath" varchar(255) NOT NULL, "depth" integer NOT NULL DEFAULT (0), "position" integer NOT NULL DEFAULT (0), "archivedAt" datetime(3))`);
    await queryRunner.query(`CREATE INDEX "ix_rubric_parent_position" ON "rubric" ("parentId", "position") `);
    await queryRunner.query(`CREATE INDEX "ix_rubric_tree_path" ON "rubric" ("treePath") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_rubric_path" ON "rubric" ("path") `);
    await queryRunner.query(`CREATE TABLE "tag" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "slug" varchar(160) NOT NULL, "name" varchar(200) NOT NULL)`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_tag_slug" ON "tag" ("slug") `);
    await queryRunner.query(`CREATE TABLE "front_page_arrangement" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "block" varchar(20) NOT NULL, "activeFrom" datetime(3) NOT NULL, "createdAt" datetime(3) NOT NULL, "createdByUserId" integer)`);
    await queryRunner.query(`CREATE INDEX "ix_front_page_arrangement_block" ON "front_page_arrangement" ("block", "activeFrom", "id") `);
    await queryRunner.query(`CREATE TABLE "front_page_slot" ("arrangementId" integer NOT NULL, "position" integer NOT NULL, "articleId" integer NOT NULL, PRIMARY KEY ("arrangementId", "position"))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "front_page_slot"`);
    await queryRunner.query(`DROP INDEX "ix_front_page_arrangement_block"`);
    await queryRunner.query(`DROP TABLE "front_page_arrangement"`);
    await queryRunner.query(`DROP INDEX "uq_tag_slug"`);
    await queryRunner.query(`DROP TABLE "tag"`);
    await queryRunner.query(`DROP INDEX "uq_rubric_path"`);
    await queryRunner.query(`DROP INDEX "ix_rubric_tree_path"`);
    await queryRunner.query(`DROP INDEX "ix_rubric_parent_position"`);
    await queryRunner.query(`DROP TABLE "rubric"`);
    await queryRunner.query(`DROP TABLE "media"`);
    await queryRunner.query(`DROP TABLE "magazine_issue_article"`);
    await queryRunner.query(`DROP INDEX "uq_magazine_issue_number"`);
    await queryRunner.query(`DROP INDEX "ix_magazine_issue_on_sale"`);
    await queryRunner.query(`DROP TABLE "magazine_issue"`);
    await queryRunner.query(`DROP INDEX "uq_author_slug"`);
    await queryRunner.query(`DROP INDEX "ix_author_user"`);
    await queryRunner.query(`DROP TABLE "author"`);
    await queryRunner.query(`DROP INDEX "ix_article_tag_tag"`);
    await queryRunner.query(`DROP TABLE "article_tag"`);
    await queryRunner.query(`DROP INDEX "ix_article_slug_history_article"`);
    await queryRunner.query(`DROP TABLE "article_slug_history"`);
    await queryRunner.query(`DROP INDEX "ix_article_secondary_rubric_rubric"`);
    await queryRunner.query(`DROP TABLE "article_secondary_rubric"`);
    await queryRunner.query(`DROP INDEX "ix_article_listing_article"`);
    await queryRunner.query(`DROP TABLE "article_listing"`);
    await queryRunner.query(`DROP INDEX "ix_article_byline_author"`);
    await queryRunner.query(`DROP TABLE "article_byline"`);
    await queryRunner.query(`DROP INDEX "uq_article_slug"`);
    await queryRunner.query(`DROP INDEX "ix_article_status_published"`);
    await queryRunner.query(`DROP INDEX "ix_article_rubric"`);
    await queryRunner.query(`DROP INDEX "ix_article_updated"`);
    await queryRunner.query(`DROP TABLE "article"`);
  }
}
