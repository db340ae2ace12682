import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1795913834740 implements MigrationInterface {
  name = 'Initial1795913834740';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`article\` (\`id\` int NOT NULL AUTO_INCREMENT, \`slug\` varchar(160) NOT NULL, \`kicker\` varchar(120) NULL, \`title\` varchar(300) NOT NULL, \`standfirst\` text NULL, \`status\` varchar(20) NOT NULL, \`language\` varchar(10) NOT NULL DEFAULT 'fr', \`primaryRubricId\` int NOT NULL, \`heroImageId\` int NULL, \`wordCount\` int NOT NULL DEFAULT '0', \`metaTitle\` varchar(300) NULL, \`metaDescription\` varchar(500) NULL, \`canonicalUrl\` varchar(500) NULL, \`publishedAt\` datetime(3) NULL, \`createdAt\` datetime(3) NOT NULL, \`updatedAt\` datetime(3) NOT NULL, \`version\` int NOT NULL DEFAULT '1', \`body\` json NOT NULL, INDEX \`ix_article_updated\` (\`updatedAt\`, \`id\`), INDEX \`ix_article_rubric\` (\`primaryRubricId\`), INDEX \`ix_article_status_published\` (\`status\`, \`publishedAt\`, \`id\`), UNIQUE INDEX \`uq_article_slug\` (\`slug\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`article_byline\` (\`articleId\` int NOT NULL, \`authorId\` int NOT NULL, \`position\` int NOT NULL DEFAULT '0', INDEX \`ix_article_byline_author\` (\`authorId\`, \`articleId\`), PRIMARY KEY (\`articleId\`, \`authorId\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`article_listing\` (\`kind\` smallint NOT NULL, \`refId\` int NOT NULL, \`publishedAt\` datetime(3) NOT NULL, \`articleId\` int NOT NULL, INDEX \`ix_article_listing_article\` (\`articleId\`), PRIMARY KEY (\`kind\`, \`refId\`, \`publishedAt\`, \`articleId\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`article_secondary_rubric\` (\`articleId\` int NOT NULL, \`rubricId\` int NOT NULL, INDEX \`ix_article_secondary_rubric_rubric\` (\`rubricId\`, \`articleId\`), PRIMARY KEY (\`articleId\`, \`rubricId\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`article_slug_history\` (\`slug\` varchar(160) NOT NULL, \`articleId\` int NOT NULL, \`retiredAt\` datetime(3) NOT NULL, INDEX \`ix_article_slug_history_article\` (\`articleId\`), PRIMARY KEY (\`slug\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`article_tag\` (\`articleId\` int NOT NULL, \`tagId\` int NOT NULL, INDEX \`ix_article_tag_tag\` (\`tagId\`, \`articleId\`), PRIMARY KEY (\`articleId\`, \`tagId\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`author\` (\`id\` int NOT NULL AUTO_INCREMENT, \`slug\` varchar(160) NOT NULL, \`name\` varchar(200) NOT NULL, \`bio\` text NULL, \`avatarId\` int NULL, \`socialLinks\` json NULL, \`userId\` int NULL, INDEX \`ix_author_user\` (\`userId\`), UNIQUE INDEX \`uq_author_slug\` (\`slug\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`magazine_issue\` (\`id\` int NOT NULL AUTO_INCREMENT, \`number\` int NOT NULL, \`title\` varchar(300) NOT NULL, \`coverId\` int NULL, \`onSaleDate\` date NOT NULL, INDEX \`ix_magazine_issue_on_sale\` (\`onSaleDate\`), UNIQUE INDEX \`uq_magazine_issue_number\` (\`number\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`magazine_issue_article\` (\`issueId\` int NOT NULL, \`articleId\` int NOT NULL, \`position\` int NOT NULL DEFAULT '0', PRIMARY KEY (\`issueId\`, \`articleId\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`media\` (\`id\` int NOT NULL AUTO_INCREMENT, \`storageKey\` varchar(300) NOT NULL, \`mimeType\` varchar(60) NOT NULL DEFAULT 'image/jpeg', \`altText\` varchar(500) NOT NULL, \`credit\` varchar(300) NULL, \`caption\` text NULL, \`width\` int NOT NULL, \`height\` int NOT NULL, \`focalX\` float NOT NULL DEFAULT '1', \`focalY\` float NOT NULL DEFAULT '1', PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`rubric\` (\`id\` int NOT NULL AUTO_INCREMENT, \`slug\` varchar(120) NOT NULL, \`path\` varchar(500) NOT NULL, \`name\` varchar(200) NOT NULL, \`description\` text NULL, \`parentId\` int NULL, \`treePath\` varchar(255) NOT NULL, \`depth\` int NOT NULL DEFAULT '0', \`position\` int NOT NULL DEFAULT '0', \`archivedAt\` datetime(3) NULL, INDEX \`ix_rubric_parent_position\` (\`parentId\`, \`position\`), INDEX \`ix_rubric_tree_path\` (\`treePath\`), UNIQUE INDEX \`uq_rubric_path\` (\`path\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`tag\` (\`id\` int NOT NULL AUTO_INCREMENT, \`slug\` varchar(160) NOT NULL, \`name\` varchar(200) NOT NULL, UNIQUE INDEX \`uq_tag_slug\` (\`slug\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`front_page_arrangement\` (\`id\` int NOT NULL AUTO_INCREMENT, \`block\` varchar(20) NOT NULL, \`activeFrom\` datetime(3) NOT NULL, \`createdAt\` datetime(3) NOT NULL, \`createdByUserId\` int NULL, INDEX \`ix_front_page_arrangement_block\` (\`block\`, \`activeFrom\`, \`id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`front_page_slot\` (\`arrangementId\` int NOT NULL, \`position\` int NOT NULL, \`articleId\` int NOT NULL, PRIMARY KEY (\`arrangementId\`, \`position\`)) ENGINE=InnoDB`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE \`front_page_slot\``);
    await queryRunner.query(`DROP INDEX \`ix_front_page_arrangement_block\` ON \`front_page_arrangement\``);
    await queryRunner.query(`DROP TABLE \`front_page_arrangement\``);
    await queryRunner.query(`DROP INDEX \`uq_tag_slug\` ON \`tag\``);
    await queryRunner.query(`DROP TABLE \`tag\``);
    await queryRunner.query(`DROP INDEX \`uq_rubric_path\` ON \`rubric\``);
    await queryRunner.query(`DROP INDEX \`ix_rubric_tree_path\` ON \`rubric\``);
    await queryRunner.query(`DROP INDEX \`ix_rubric_parent_position\` ON \`rubric\``);
    await queryRunner.query(`DROP TABLE \`rubric\``);
    await queryRunner.query(`DROP TABLE \`media\``);
    await queryRunner.query(`DROP TABLE \`magazine_issue_article\``);
    await queryRunner.query(`DROP INDEX \`uq_magazine_issue_number\` ON \`magazine_issue\``);
    await queryRunner.query(`DROP INDEX \`ix_magazine_issue_on_sale\` ON \`magazine_issue\``);
    await queryRunner.query(`DROP TABLE \`magazine_issue\``);
    await queryRunner.query(`DROP INDEX \`uq_author_slug\` ON \`author\``);
    await queryRunner.query(`DROP INDEX \`ix_author_user\` ON \`author\``);
    await queryRunner.query(`DROP TABLE \`author\``);
    await queryRunner.query(`DROP INDEX \`ix_article_tag_tag\` ON \`article_tag\``);
    await queryRunner.query(`DROP TABLE \`article_tag\``);
    await queryRunner.query(`DROP INDEX \`ix_article_slug_history_article\` ON \`article_slug_history\``);
    await queryRunner.query(`DROP TABLE \`article_slug_history\``);
    await queryRunner.query(`DROP INDEX \`ix_article_secondary_rubric_rubric\` ON \`article_secondary_rubric\``);
    await queryRunner.query(`DROP TABLE \`article_secondary_rubric\``);
    await queryRunner.query(`DROP INDEX \`ix_article_listing_article\` ON \`article_listing\``);
    await queryRunner.query(`DROP TABLE \`article_listing\``);
    await queryRunner.query(`DROP INDEX \`ix_article_byline_author\` ON \`article_byline\``);
    await queryRunner.query(`DROP TABLE \`article_byline\``);
    await queryRunner.query(`DROP INDEX \`uq_article_slug\` ON \`article\``);
    await queryRunner.query(`DROP INDEX \`ix_article_status_published\` ON \`article\``);
    await queryRunner.query(`DROP INDEX \`ix_article_rubric\` ON \`article\``);
    await queryRunner.query(`DROP INDEX \`ix_article_updated\` ON \`article\``);
    await queryRunner.query(`DROP TABLE \`article\``);
  }
}
