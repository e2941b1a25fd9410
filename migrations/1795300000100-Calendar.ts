import type { MigrationInterface, QueryRunner } from 'typeorm';
import { OFFICIAL_DAY_OVERRIDES } from '../libs/calendar/src/domain/official-holidays';

export class Calendar1795300000100 implements MigrationInterface {
  name = 'Calendar1795300000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE holiday (
        date date PRIMARY KEY,
        kind text NOT NULL CHECK (kind IN ('holiday', 'workday')),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 50),
        source text NOT NULL CHECK (source IN ('official', 'staff')),
        updated_at timestamptz NOT NULL DEFAULT now(),
        -- A make-up workday is by definition a weekend day (ISO day of week 6 or 7).
        CHECK (kind <> 'workday' OR extract(isodow FROM date) >= 6)
      )`);
    // Seed: the State Council holiday schedules known when this migration was written.
    const rows = OFFICIAL_DAY_OVERRIDES;
    await q.query(
      `INSERT INTO holiday (date, kind, name, source)
       SELECT d::date, k, n, 'official' FROM unnest($1::text[], $2::text[], $3::text[]) AS t(d, k, n)`,
      [rows.map((r) => r.date), rows.map((r) => r.kind), rows.map((r) => r.name)],
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE holiday`);
  }
}
