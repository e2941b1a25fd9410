import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The append-only tables of live trading whose rows a practice lot produces (all keyed by lot_id). */
const TRADING_TABLES = ['lot_event', 'bid', 'bid_rejection', 'sealed_value', 'lottery_seed', 'result'] as const;

/**
 * Practice lots (模拟竞价, libs/practice): a rehearsal lot with its own announcement, both marked
 * `practice` for good at insert, simulated opponents driven from the database (libs/bidding, shared with
 * the demo), and a cleanup after the retention.
 *
 * The trading tables stay append-only for every real lot: their triggers now let exactly the rows of a
 * practice lot be deleted (and nothing be updated), and `delete_practice_lot` removes one practice lot
 * with every row it produced, refusing any other lot. The audit trail is not touched: the record that
 * someone rehearsed stays, as every audit record does.
 */
export class PracticeLots1795300007000 implements MigrationInterface {
  name = 'PracticeLots1795300007000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE announcement ADD COLUMN practice boolean NOT NULL DEFAULT false`);
    await q.query(`ALTER TABLE lot ADD COLUMN practice boolean NOT NULL DEFAULT false`);
    // A lot is practice or not from its insert on, and exactly when its announcement is: a real lot can
    // never be turned into one whose rows may be deleted. (Only on the columns concerned: a bid's update
    // of the lot row does not pay for the check.)
    await q.query(`
      CREATE FUNCTION practice_is_fixed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE' AND NEW.practice IS DISTINCT FROM OLD.practice THEN
          RAISE EXCEPTION '%.practice is set once, at insert', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF TG_TABLE_NAME = 'lot' THEN
          IF NEW.practice IS DISTINCT FROM (SELECT a.practice FROM announcement a WHERE a.id = NEW.announcement_id) THEN
            RAISE EXCEPTION 'a practice lot belongs to a practice announcement, and only there' USING ERRCODE = 'check_violation';
          END IF;
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER announcement_practice_fixed BEFORE UPDATE OF practice ON announcement FOR EACH ROW EXECUTE FUNCTION practice_is_fixed()`);
    await q.query(`CREATE TRIGGER lot_practice_fixed BEFORE INSERT OR UPDATE OF practice, announcement_id ON lot FOR EACH ROW EXECUTE FUNCTION practice_is_fixed()`);

    await q.query(`
      CREATE TABLE practice_lot (
        lot_id uuid PRIMARY KEY CONSTRAINT practice_lot_lot_fk REFERENCES lot(id),
        created_by uuid NOT NULL CONSTRAINT practice_lot_created_by_fk REFERENCES app_user(id),
        trainer boolean NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX practice_lot_created_by_idx ON practice_lot (created_by)`);
    await q.query(`CREATE INDEX practice_lot_created_at_idx ON practice_lot (created_at)`);

    // Simulated bidders (libs/bidding): one row per driven lot, taken by one instance at a time.
    await q.query(`
      CREATE TABLE simulated_lot (
        lot_id uuid PRIMARY KEY CONSTRAINT simulated_lot_lot_fk REFERENCES lot(id),
        next_at timestamptz NOT NULL,
        step integer NOT NULL DEFAULT 0,
        min_delay_ms integer NOT NULL,
        max_delay_ms integer NOT NULL,
        listing_quotes_max integer NOT NULL,
        listing_quotes integer NOT NULL DEFAULT 0,
        done boolean NOT NULL DEFAULT false,
        CONSTRAINT simulated_lot_delay_check CHECK (min_delay_ms > 0 AND max_delay_ms >= min_delay_ms)
      )`);
    await q.query(`CREATE INDEX simulated_lot_due_idx ON simulated_lot (done, next_at)`);
    await q.query(`
      CREATE TABLE simulated_bidder (
        lot_id uuid NOT NULL CONSTRAINT simulated_bidder_lot_fk REFERENCES lot(id),
        application_id uuid NOT NULL CONSTRAINT simulated_bidder_application_fk REFERENCES application(id),
        bidder_number text NOT NULL,
        limit_price numeric(18,2) NOT NULL,
        area_limit numeric(16,2),
        PRIMARY KEY (lot_id, application_id)
      )`);

    await q.query(`
      CREATE FUNCTION refuse_change_unless_practice() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' AND EXISTS (SELECT 1 FROM lot WHERE id = OLD.lot_id AND practice) THEN
          RETURN OLD;
        END IF;
        RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    for (const table of TRADING_TABLES) {
      await q.query(`DROP TRIGGER ${table}_append_only ON ${table}`);
      await q.query(`CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION refuse_change_unless_practice()`);
    }

    // Everything a practice lot produced, children first. A row no practice lot should have (a deposit,
    // a settlement, a public notice…) makes it fail loudly on its foreign key or trigger instead.
    await q.query(`
      CREATE FUNCTION delete_practice_lot(target uuid) RETURNS void LANGUAGE plpgsql AS $$
      DECLARE
        a_id uuid;
      BEGIN
        -- The simulated bidders' row first, then the lot's: the order in which their driver takes them
        -- (it holds its row while its bid locks the lot), so the two never wait for each other in a circle.
        PERFORM 1 FROM simulated_lot WHERE lot_id = target FOR UPDATE;
        SELECT announcement_id INTO a_id FROM lot WHERE id = target AND practice FOR UPDATE;
        IF a_id IS NULL THEN
          RAISE EXCEPTION 'lot % is not a practice lot: nothing of it may be deleted', target USING ERRCODE = 'insufficient_privilege';
        END IF;
        DELETE FROM simulated_bidder WHERE lot_id = target;
        DELETE FROM simulated_lot WHERE lot_id = target;
        DELETE FROM lot_event WHERE lot_id = target;
        DELETE FROM bid WHERE lot_id = target;
        DELETE FROM bid_rejection WHERE lot_id = target;
        DELETE FROM sealed_value WHERE lot_id = target;
        DELETE FROM lottery_seed WHERE lot_id = target;
        DELETE FROM result WHERE lot_id = target;
        DELETE FROM joint_invitation WHERE lot_id = target;
        DELETE FROM application_document WHERE application_id IN (SELECT id FROM application WHERE lot_id = target);
        DELETE FROM application_partner WHERE lot_id = target;
        DELETE FROM application WHERE lot_id = target;
        DELETE FROM practice_lot WHERE lot_id = target;
        DELETE FROM lot WHERE id = target;
        IF NOT EXISTS (SELECT 1 FROM lot WHERE announcement_id = a_id) THEN
          DELETE FROM announcement_version WHERE announcement_id = a_id;
          DELETE FROM announcement WHERE id = a_id;
        END IF;
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION delete_practice_lot(uuid)`);
    for (const table of TRADING_TABLES) {
      await q.query(`DROP TRIGGER ${table}_append_only ON ${table}`);
      await q.query(`CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION refuse_change()`);
    }
    await q.query(`DROP FUNCTION refuse_change_unless_practice()`);
    await q.query(`DROP TABLE simulated_bidder`);
    await q.query(`DROP TABLE simulated_lot`);
    await q.query(`DROP TABLE practice_lot`);
    await q.query(`DROP TRIGGER lot_practice_fixed ON lot`);
    await q.query(`DROP TRIGGER announcement_practice_fixed ON announcement`);
    await q.query(`DROP FUNCTION practice_is_fixed()`);
    await q.query(`ALTER TABLE lot DROP COLUMN practice`);
    await q.query(`ALTER TABLE announcement DROP COLUMN practice`);
  }
}
