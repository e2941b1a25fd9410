import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Settings1795300000200 implements MigrationInterface {
  name = 'Settings1795300000200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE platform_setting (
        key text PRIMARY KEY,
        value jsonb NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE platform_setting`);
  }
}
