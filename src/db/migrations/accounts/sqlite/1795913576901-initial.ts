import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1795913576901 implements MigrationInterface {
  name = 'Initial1795913576901';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "account_token" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "userId" integer NOT NULL, "purpose" varchar(20) NOT NULL, "tokenHash" varchar(64) NOT NULL, "createdAt" datetime(3) NOT NULL, "expiresAt" datetime(3) NOT NULL, "usedAt" datetime(3))`);
    await queryRunner.query(`CREATE INDEX "ix_account_token_user" ON "account_token" ("userId", "purpose") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_account_token_hash" ON "account_token" ("tokenHash") `);
    await queryRunner.query(`CREATE TABLE "newsletter" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "slug" varchar(80) NOT NULL, "name" varchar(120) NOT NULL, "description" varchar(500), "position" integer NOT NULL DEFAULT (0))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_newsletter_slug" ON "newsletter" ("slug") `);
    await queryRunner.query(`CREATE TABLE "newsletter_subscription" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "newsletterId" integer NOT NULL, "email" varchar(254) NOT NULL, "userId" integer, "status" varchar(20) NOT NULL, "confirmTokenHash" varchar(64), "confirmExpiresAt" datetime(3), "createdAt" datetime(3) NOT NULL, "confirmedAt" datetime(3), "unsubscribedAt" datetime(3))`);
    await queryRunner.query(`CREATE INDEX "ix_newsletter_subscription_user" ON "newsletter_subscription" ("userId") `);
    await queryRunner.query(`CREATE INDEX "ix_newsletter_subscription_email" ON "newsletter_subscription" ("email") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_newsletter_subscription_token" ON "newsletter_subscription" ("confirmTokenHash") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_newsletter_subscription" ON "newsletter_subscription" ("newsletterId", "email") `);
    await queryRunner.query(`CREATE TABLE "refresh_token" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "userId" integer NOT NULL, "familyId" varchar(36) NOT NULL, "tokenHash" varchar(64) NOT NULL, "createdAt" datetime(3) NOT NULL, "expiresAt" datetime(3) NOT NULL, "replacedAt" datetime(3), "revokedAt" datetime(3))`);
    await queryRunner.query(`CREATE INDEX "ix_refresh_token_user" ON "refresh_token" ("userId") `);
    await queryRunner.query(`CREATE INDEX "ix_refresh_token_family" ON "refresh_token" ("familyId") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_refresh_token_hash" ON "refresh_token" ("tokenHash") `);
    await queryRunner.query(`CREATE TABLE "service_token" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "name" varchar(80) NOT NULL, "scopes" json NOT NULL, "secretHash" varchar(64) NOT NULL, "createdById" integer NOT NULL, "createdAt" datetime(3) NOT NULL, "lastUsedAt" datetime(3), "revokedAt" datetime(3))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_service_token_hash" ON "service_token" ("secretHash") `);
    await queryRunner.query(`CREATE TABLE "user_account" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "email" varchar(254) NOT NULL, "passwordHash" varchar(255) NOT NULL, "displayName" varchar(80) NOT NULL, "emailVerifiedAt" datetime(3), "createdAt" datetime(3) NOT NULL, "updatedAt" datetime(3) NOT NULL)`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_user_account_email" ON "user_account" ("email") `);
    await queryRunner.query(`CREATE TABLE "user_role" ("userId" integer NOT NULL, "role" varchar(20) NOT NULL, "grantedAt" datetime(3) NOT NULL, "grantedById" integer, PRIMARY KEY ("userId", "role"))`);
    await queryRunner.query(`CREATE INDEX "ix_user_role_role" ON "user_role" ("role", "userId") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_user_role_role"`);
    await queryRunner.query(`DROP TABLE "user_role"`);
    await queryRunner.query(`DROP INDEX "uq_user_account_email"`);
    await queryRunner.query(`DROP TABLE "user_account"`);
    await queryRunner.query(`DROP INDEX "uq_service_token_hash"`);
    await queryRunner.query(`DROP TABLE "service_token"`);
    await queryRunner.query(`DROP INDEX "uq_refresh_token_hash"`);
    await queryRunner.query(`DROP INDEX "ix_refresh_token_family"`);
    await queryRunner.query(`DROP INDEX "ix_refresh_token_user"`);
    await queryRunner.query(`DROP TABLE "refresh_token"`);
    await queryRunner.query(`DROP INDEX "uq_newsletter_subscription"`);
    await queryRunner.query(`DROP INDEX "uq_newsletter_subscription_token"`);
    await queryRunner.query(`DROP INDEX "ix_newsletter_subscription_email"`);
    await queryRunner.query(`DROP INDEX "ix_newsletter_subscription_user"`);
    await queryRunner.query(`DROP TABLE "newsletter_subscription"`);
    await queryRunner.query(`DROP INDEX "uq_newsletter_slug"`);
    await queryRunner.query(`DROP TABLE "newsletter"`);
    await queryRunner.query(`DROP INDEX "uq_account_token_hash"`);
    await queryRunner.query(`DROP INDEX "ix_account_token_user"`);
    await queryRunner.query(`DROP TABLE "account_token"`);
  }
}
