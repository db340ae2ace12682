import type { MigrationInterface, QueryRunner } from 'typeorm';

export class EventOutbox1796028347743 implements MigrationInterface {
  name = 'EventOutbox1796028347743';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`consumed_event\` (\`eventId\` varchar(36) NOT NULL, \`consumedAt\` datetime(3) NOT NULL, PRIMARY KEY (\`eventId\`)) ENGINE=InnoDB`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE \`consumed_event\``);
  }
}
