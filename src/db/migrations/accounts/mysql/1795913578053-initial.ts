import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1795913578053 implements MigrationInterface {
  name = 'Initial1795913578053';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`account_token\` (\`id\` int NOT NULL AUTO_INCREMENT, \`userId\` int NOT NULL, \`purpose\` varchar(20) NOT NULL, \`tokenHash\` varchar(64) NOT NULL, \`createdAt\` datetime(3) NOT NULL, \`expiresAt\` datetime(3) NOT NULL, \`usedAt\` datetime(3) NULL, INDEX \`ix_account_token_user\` (\`userId\`, \`purpose\`), UNIQUE INDEX \`uq_account_token_hash\` (\`tokenHash\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`newsletter\` (\`id\` int NOT NULL AUTO_INCREMENT, \`slug\` varchar(80) NOT NULL, \`name\` varchar(120) NOT NULL, \`description\` varchar(500) NULL, \`position\` int NOT NULL DEFAULT '0', UNIQUE INDEX \`uq_newsletter_slug\` (\`slug\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`newsletter_subscription\` (\`id\` int NOT NULL AUTO_INCREMENT, \`newsletterId\` int NOT NULL, \`email\` varchar(254) NOT NULL, \`userId\` int NULL, \`status\` varchar(20) NOT NULL, \`confirmTokenHash\` varchar(64) NULL, \`confirmExpiresAt\` datetime(3) NULL, \`createdAt\` datetime(3) NOT NULL, \`confirmedAt\` datetime(3) NULL, \`unsubscribedAt\` datetime(3) NULL, INDEX \`ix_newsletter_subscription_user\` (\`userId\`), INDEX \`ix_newsletter_subscription_email\` (\`email\`), UNIQUE INDEX \`uq_newsletter_subscription_token\` (\`confirmTokenHash\`), UNIQUE INDEX \`uq_newsletter_subscription\` (\`newsletterId\`, \`email\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`refresh_token\` (\`id\` int NOT NULL AUTO_INCREMENT, \`userId\` int NOT NULL, \`familyId\` varchar(36) NOT NULL, \`tokenHash\` varchar(64) NOT NULL, \`createdAt\` datetime(3) NOT NULL, \`expiresAt\` datetime(3) NOT NULL, \`replacedAt\` datetime(3) NULL, \`revokedAt\` datetime(3) NULL, INDEX \`ix_refresh_token_user\` (\`userId\`), INDEX \`ix_refresh_token_family\` (\`familyId\`), UNIQUE INDEX \`uq_refresh_token_hash\` (\`tokenHash\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`service_token\` (\`id\` int NOT NULL AUTO_INCREMENT, \`name\` varchar(80) NOT NULL, \`scopes\` json NOT NULL, \`secretHash\` varchar(64) NOT NULL, \`createdById\` int NOT NULL, \`createdAt\` datetime(3) NOT NULL, \`lastUsedAt\` datetime(3) NULL, \`revokedAt\` datetime(3) NULL, UNIQUE INDEX \`uq_service_token_hash\` (\`secretHash\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`user_account\` (\`id\` int NOT NULL AUTO_INCREMENT, \`email\` varchar(254) NOT NULL, \`passwordHash\` varchar(255) NOT NULL, \`displayName\` varchar(80) NOT NULL, \`emailVerifiedAt\` datetime(3) NULL, \`createdAt\` datetime(3) NOT NULL, \`updatedAt\` datetime(3) NOT NULL, UNIQUE INDEX \`uq_user_account_email\` (\`email\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`user_role\` (\`userId\` int NOT NULL, \`role\` varchar(20) NOT NULL, \`grantedAt\` datetime(3) NOT NULL, \`grantedById\` int NULL, INDEX \`ix_user_role_role\` (\`role\`, \`userId\`), PRIMARY KEY (\`userId\`, \`role\`)) ENGINE=InnoDB`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`ix_user_role_role\` ON \`user_role\``);
    await queryRunner.query(`DROP TABLE \`user_role\``);
    await queryRunner.query(`DROP INDEX \`uq_user_account_email\` ON \`user_account\``);
    await queryRunner.query(`DROP TABLE \`user_account\``);
    await queryRunner.query(`DROP INDEX \`uq_service_token_hash\` ON \`service_token\``);
    await queryRunner.query(`DROP TABLE \`service_token\``);
    await queryRunner.query(`DROP INDEX \`uq_refresh_token_hash\` ON \`refresh_token\``);
    await queryRunner.query(`DROP INDEX \`ix_refresh_token_family\` ON \`refresh_token\``);
    await queryRunner.query(`DROP INDEX \`ix_refresh_token_user\` ON \`refresh_token\``);
    await queryRunner.query(`DROP TABLE \`refresh_token\``);
    await queryRunner.query(`DROP INDEX \`uq_newsletter_subscription\` ON \`newsletter_subscription\``);
    await queryRunner.query(`DROP INDEX \`uq_newsletter_subscription_token\` ON \`newsletter_subscription\``);
    await queryRunner.query(`DROP INDEX \`ix_newsletter_subscription_email\` ON \`newsletter_subscription\``);
    await queryRunner.query(`DROP INDEX \`ix_newsletter_subscription_user\` ON \`newsletter_subscription\``);
    await queryRunner.query(`DROP TABLE \`newsletter_subscription\``);
    await queryRunner.query(`DROP INDEX \`uq_newsletter_slug\` ON \`newsletter\``);
    await queryRunner.query(`DROP TABLE \`newsletter\``);
    await queryRunner.query(`DROP INDEX \`uq_account_token_hash\` ON \`account_token\``);
    await queryRunner.query(`DROP INDEX \`ix_account_token_user\` ON \`account_token\``);
    await queryRunner.query(`DROP TABLE \`account_token\``);
  }
}
