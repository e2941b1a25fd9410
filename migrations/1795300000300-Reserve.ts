import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Reserve1795300000300 implements MigrationInterface {
  name = 'Reserve1795300000300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE parcel (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL UNIQUE,
        name text NOT NULL,
        district text NOT NULL,
        location text NOT NULL,
        boundary jsonb NOT NULL,
        boundary_crs text NOT NULL,
        declared_area numeric(16,2) NOT NULL,
        computed_area numeric(16,2) NOT NULL,
        planned_use text NOT NULL,
        tenure_years integer NOT NULL,
        plot_ratio_min numeric(9,4),
        plot_ratio_max numeric(9,4),
        building_density numeric(9,4),
        green_ratio numeric(9,4),
        height_limit_metres numeric(8,2),
        acquisition_method text NOT NULL,
        acquired_on date NOT NULL,
        planned_supply_quarter text,
        state text NOT NULL,
        version integer NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT parcel_state_check CHECK (state IN ('acquired','in_reserve','developing','ready_for_supply','listed','sold','withdrawn')),
        CONSTRAINT parcel_plot_ratio_check CHECK (plot_ratio_min IS NULL OR plot_ratio_max IS NULL OR plot_ratio_min <= plot_ratio_max)
      )`);
    await q.query(`CREATE INDEX parcel_state_district_idx ON parcel (state, district)`);
    await q.query(`
      CREATE TABLE parcel_cost_entry (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        parcel_id uuid NOT NULL CONSTRAINT parcel_cost_entry_parcel_fk REFERENCES parcel(id),
        kind text NOT NULL,
        amount numeric(18,2) NOT NULL,
        incurred_on date NOT NULL,
        description text NOT NULL,
        recorded_by uuid,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT parcel_cost_entry_amount_check CHECK (amount > 0),
        CONSTRAINT parcel_cost_entry_kind_check CHECK (kind IN ('acquisition','compensation','development','financing','other'))
      )`);
    await q.query(`CREATE INDEX parcel_cost_entry_parcel_idx ON parcel_cost_entry (parcel_id)`);
    await q.query(`
      CREATE TABLE parcel_document (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        parcel_id uuid NOT NULL CONSTRAINT parcel_document_parcel_fk REFERENCES parcel(id),
        title text NOT NULL,
        file_name text NOT NULL,
        sha256 text NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT parcel_document_sha256_check CHECK (sha256 ~ '^[0-9a-f]{64}$')
      )`);
    await q.query(`CREATE INDEX parcel_document_parcel_idx ON parcel_document (parcel_id)`);
    // Cost entries are a ledger of their own: corrections are new entries, never edits.
    await q.query(`
      CREATE FUNCTION parcel_cost_entry_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'parcel_cost_entry is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`
      CREATE TRIGGER parcel_cost_entry_append_only BEFORE UPDATE OR DELETE ON parcel_cost_entry
      FOR EACH ROW EXECUTE FUNCTION parcel_cost_entry_is_append_only()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE parcel_document`);
    await q.query(`DROP TABLE parcel_cost_entry`);
    await q.query(`DROP FUNCTION parcel_cost_entry_is_append_only()`);
    await q.query(`DROP TABLE parcel`);
  }
}
