import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1795914579974 implements MigrationInterface {
  name = 'Initial1795914579974';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "comment" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "articleId" integer NOT NULL, "parentId" integer, "inReplyToId" integer, "authorUserId" integer, "guestName" varchar(80), "guestEmail" varchar(254), "authorIp" varchar(45) NOT NULL, "body" text NOT NULL, "fingerprint" varchar(64) NOT NULL, "status" varchar(16) NOT NULL, "likeCount" integer NOT NULL DEFAULT (0), "replyCount" integer NOT NULL DEFAULT (0), "reportCount" integer NOT NULL DEFAULT (0), "createdAt" datetime(3) NOT NULL, "editedAt" datetime(3), "moderatedAt" datetime(3), "deletedAt" datetime(3))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_comment_fingerprint" ON "comment" ("articleId", "fingerprint") `);
    await queryRunner.query(`CREATE INDEX "ix_comment_guest" ON "comment" ("guestEmail", "status") `);
    await queryRunner.query(`CREATE INDEX "ix_comment_author" ON "comment" ("authorUserId", "status") `);
    await queryRunner.query(`CREATE INDEX "ix_comment_queue" ON "comment" ("status", "createdAt", "id") `);
    await queryRunner.query(`CREATE INDEX "ix_comment_replies" ON "comment" ("parentId", "createdAt", "id") `);
    await queryRunner.query(`CREATE INDEX "ix_comment_article_liked" ON "comment" ("articleId", "parentId", "likeCount", "createdAt", "id") `);
    await queryRunner.query(`CREATE INDEX "ix_comment_article_newest" ON "comment" ("articleId", "parentId", "createdAt", "id") `);
    await queryRunner.query(`CREATE TABLE "comment_like" ("commentId" integer NOT NULL, "userId" integer NOT NULL, "createdAt" datetime(3) NOT NULL, PRIMARY KEY ("commentId", "userId"))`);
    await queryRunner.query(`CREATE INDEX "ix_comment_like_user" ON "comment_like" ("userId") `);
    await queryRunner.query(`CREATE TABLE "comment_report" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "commentId" integer NOT NULL, "reporterUserId" integer NOT NULL, "reason" varchar(300), "createdAt" datetime(3) NOT NULL)`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_comment_report" ON "comment_report" ("commentId", "reporterUserId") `);
    await queryRunner.query(`CREATE TABLE "comment_thread" ("articleId" integer PRIMARY KEY NOT NULL, "approvedCount" integer NOT NULL DEFAULT (0), "closedAt" datetime(3), "closedById" integer, "createdAt" datetime(3) NOT NULL)`);
    await queryRunner.query(`CREATE TABLE "commenter_ban" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "userId" integer, "guestEmail" varchar(254), "ip" varchar(45), "reason" varchar(500), "bannedById" integer NOT NULL, "createdAt" datetime(3) NOT NULL, "liftedAt" datetime(3), "liftedById" integer)`);
    await queryRunner.query(`CREATE INDEX "ix_commenter_ban_ip" ON "commenter_ban" ("ip") `);
    await queryRunner.query(`CREATE INDEX "ix_commenter_ban_email" ON "commenter_ban" ("guestEmail") `);
    await queryRunner.query(`CREATE INDEX "ix_commenter_ban_user" ON "commenter_ban" ("userId") `);
    await queryRunner.query(`CREATE TABLE "moderation_action" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "moderatorId" integer, "action" varchar(20) NOT NULL, "commentId" integer, "articleId" integer, "fromStatus" varchar(16), "toStatus" varchar(16), "banId" integer, "reason" varchar(500), "createdAt" datetime(3) NOT NULL)`);
    await queryRunner.query(`CREATE INDEX "ix_moderation_action_article" ON "moderation_action" ("articleId", "id") `);
    await queryRunner.query(`CREATE INDEX "ix_moderation_action_comment" ON "moderation_action" ("commentId", "id") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_moderation_action_comment"`);
    await queryRunner.query(`DROP INDEX "ix_moderation_action_article"`);
    await queryRunner.query(`DROP TABLE "moderation_action"`);
    await queryRunner.query(`DROP INDEX "ix_commenter_ban_user"`);
    await queryRunner.query(`DROP INDEX "ix_commenter_ban_email"`);
    await queryRunner.query(`DROP INDEX "ix_commenter_ban_ip"`);
    await queryRunner.query(`DROP TABLE "commenter_ban"`);
    await queryRunner.query(`DROP TABLE "comment_thread"`);
    await queryRunner.query(`DROP INDEX "uq_comment_report"`);
    await queryRunner.query(`DROP TABLE "comment_report"`);
    await queryRunner.query(`DROP INDEX "ix_comment_like_user"`);
    await queryRunner.query(`DROP TABLE "comment_like"`);
    await queryRunner.query(`DROP INDEX "ix_comment_article_newest"`);
    await queryRunner.query(`DROP INDEX "ix_comment_article_liked"`);
    await queryRunner.query(`DROP INDEX "ix_comment_replies"`);
    await queryRunner.query(`DROP INDEX "ix_comment_queue"`);
    await queryRunner.query(`DROP INDEX "ix_comment_author"`);
    await queryRunner.query(`DROP INDEX "ix_comment_guest"`);
    await queryRunner.query(`DROP INDEX "uq_comment_fingerprint"`);
    await queryRunner.query(`DROP TABLE "comment"`);
  }
}
