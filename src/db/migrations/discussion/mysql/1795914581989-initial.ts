import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1795914581989 implements MigrationInterface {
  name = 'Initial1795914581989';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`comment\` (\`id\` int NOT NULL AUTO_INCREMENT, \`articleId\` int NOT NULL, \`parentId\` int NULL, \`inReplyToId\` int NULL, \`authorUserId\` int NULL, \`guestName\` varchar(80) NULL, \`guestEmail\` varchar(254) NULL, \`authorIp\` varchar(45) NOT NULL, \`body\` text NOT NULL, \`fingerprint\` varchar(64) NOT NULL, \`status\` varchar(16) NOT NULL, \`likeCount\` int NOT NULL DEFAULT '0', \`replyCount\` int NOT NULL DEFAULT '0', \`reportCount\` int NOT NULL DEFAULT '0', \`createdAt\` datetime(3) NOT NULL, \`editedAt\` datetime(3) NULL, \`moderatedAt\` datetime(3) NULL, \`deletedAt\` datetime(3) NULL, UNIQUE INDEX \`uq_comment_fingerprint\` (\`articleId\`, \`fingerprint\`), INDEX \`ix_comment_guest\` (\`guestEmail\`, \`status\`), INDEX \`ix_comment_author\` (\`authorUserId\`, \`status\`), INDEX \`ix_comment_queue\` (\`status\`, \`createdAt\`, \`id\`), INDEX \`ix_comment_replies\` (\`parentId\`, \`createdAt\`, \`id\`), INDEX \`ix_comment_article_liked\` (\`articleId\`, \`parentId\`, \`likeCount\`, \`createdAt\`, \`id\`), INDEX \`ix_comment_article_newest\` (\`articleId\`, \`parentId\`, \`createdAt\`, \`id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`comment_like\` (\`commentId\` int NOT NULL, \`userId\` int NOT NULL, \`createdAt\` datetime(3) NOT NULL, INDEX \`ix_comment_like_user\` (\`userId\`), PRIMARY KEY (\`commentId\`, \`userId\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`comment_report\` (\`id\` int NOT NULL AUTO_INCREMENT, \`commentId\` int NOT NULL, \`reporterUserId\` int NOT NULL, \`reason\` varchar(300) NULL, \`createdAt\` datetime(3) NOT NULL, UNIQUE INDEX \`uq_comment_report\` (\`commentId\`, \`reporterUserId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`comment_thread\` (\`articleId\` int NOT NULL, \`approvedCount\` int NOT NULL DEFAULT '0', \`closedAt\` datetime(3) NULL, \`closedById\` int NULL, \`createdAt\` datetime(3) NOT NULL, PRIMARY KEY (\`articleId\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`commenter_ban\` (\`id\` int NOT NULL AUTO_INCREMENT, \`userId\` int NULL, \`guestEmail\` varchar(254) NULL, \`ip\` varchar(45) NULL, \`reason\` varchar(500) NULL, \`bannedById\` int NOT NULL, \`createdAt\` datetime(3) NOT NULL, \`liftedAt\` datetime(3) NULL, \`liftedById\` int NULL, INDEX \`ix_commenter_ban_ip\` (\`ip\`), INDEX \`ix_commenter_ban_email\` (\`guestEmail\`), INDEX \`ix_commenter_ban_user\` (\`userId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`moderation_action\` (\`id\` int NOT NULL AUTO_INCREMENT, \`moderatorId\` int NULL, \`action\` varchar(20) NOT NULL, \`commentId\` int NULL, \`articleId\` int NULL, \`fromStatus\` varchar(16) NULL, \`toStatus\` varchar(16) NULL, \`banId\` int NULL, \`reason\` varchar(500) NULL, \`createdAt\` datetime(3) NOT NULL, INDEX \`ix_moderation_action_article\` (\`articleId\`, \`id\`), INDEX \`ix_moderation_action_comment\` (\`commentId\`, \`id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`ix_moderation_action_comment\` ON \`moderation_action\``);
    await queryRunner.query(`DROP INDEX \`ix_moderation_action_article\` ON \`moderation_action\``);
    await queryRunner.query(`DROP TABLE \`moderation_action\``);
    await queryRunner.query(`DROP INDEX \`ix_commenter_ban_user\` ON \`commenter_ban\``);
    await queryRunner.query(`DROP INDEX \`ix_commenter_ban_email\` ON \`commenter_ban\``);
    await queryRunner.query(`DROP INDEX \`ix_commenter_ban_ip\` ON \`commenter_ban\``);
    await queryRunner.query(`DROP TABLE \`commenter_ban\``);
    await queryRunner.query(`DROP TABLE \`comment_thread\``);
    await queryRunner.query(`DROP INDEX \`uq_comment_report\` ON \`comment_report\``);
    await queryRunner.query(`DROP TABLE \`comment_report\``);
    await queryRunner.query(`DROP INDEX \`ix_comment_like_user\` ON \`comment_like\``);
    await queryRunner.query(`DROP TABLE \`comment_like\``);
    await queryRunner.query(`DROP INDEX \`ix_comment_article_newest\` ON \`comment\``);
    await queryRunner.query(`DROP INDEX \`ix_comment_article_liked\` ON \`comment\``);
    await queryRunner.query(`DROP INDEX \`ix_comment_replies\` ON \`comment\``);
    await queryRunner.query(`DROP INDEX \`ix_comment_queue\` ON \`comment\``);
    await queryRunner.query(`DROP INDEX \`ix_comment_author\` ON \`comment\``);
    await queryRunner.query(`DROP INDEX \`ix_comment_guest\` ON \`comment\``);
    await queryRunner.query(`DROP INDEX \`uq_comment_fingerprint\` ON \`comment\``);
    await queryRunner.query(`DROP TABLE \`comment\``);
  }
}
