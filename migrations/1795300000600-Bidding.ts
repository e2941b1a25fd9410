import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Live trading (libs/bidding): the lot row carries the engine's state and when the clock is next due;
 * the event log (`lot_event`, the hash chain and the replay source), the bids, the refused bid
 * attempts (for idempotent retries), sealed values and lottery seeds (encrypted until opened), and the
 * result of each lot. Every table here is append-only, except `result`, which is written once.
 */
export class Bidding1795300000600 implements MigrationInterface {
  name = 'Bidding1795300000600';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE lot ADD COLUMN trading_state jsonb, ADD COLUMN due_at timestamptz, ADD COLUMN leader_number text`);
    await q.query(`CREATE INDEX lot_due_at_idx ON lot (due_at)`);
    await q.query(`
      CREATE TABLE lot_event (
        lot_id uuid NOT NULL CONSTRAINT lot_event_lot_fk REFERENCES lot(id),
        seq bigint NOT NULL,
        type text NOT NULL,
        payload jsonb NOT NULL,
        prev_hash text,
        hash text NOT NULL,
        created_at timestamptz NOT NULL,
        PRIMARY KEY (lot_id, seq),
        CONSTRAINT lot_event_seq_check CHECK (seq >= 1),
        CONSTRAINT lot_event_hash_check CHECK (hash ~ '^[0-9a-f]{64}$' AND (seq = 1) = (prev_hash IS NULL))
      )`);
    await q.query(`
      CREATE TABLE bid (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        lot_id uuid NOT NULL CONSTRAINT bid_lot_fk REFERENCES lot(id),
        seq bigint NOT NULL,
        application_id uuid NOT NULL CONSTRAINT bid_application_fk REFERENCES application(id),
        bidder_number text NOT NULL,
        kind text NOT NULL,
        price numeric(18,2),
        area numeric(16,2),
        share numeric(9,4),
        client_bid_id text NOT NULL,
        prev_hash text,
        hash text NOT NULL,
        created_at timestamptz NOT NULL,
        CONSTRAINT bid_lot_seq_unique UNIQUE (lot_id, seq),
        CONSTRAINT bid_client_bid_unique UNIQUE (lot_id, application_id, client_bid_id),
        CONSTRAINT bid_kind_check CHECK (kind IN ('price','area','share') AND (kind = 'price') = (price IS NOT NULL) AND (kind = 'area') = (area IS NOT NULL) AND (kind = 'share') = (share IS NOT NULL))
      )`);
    await q.query(`
      CREATE TABLE bid_rejection (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        lot_id uuid NOT NULL CONSTRAINT bid_rejection_lot_fk REFERENCES lot(id),
        application_id uuid NOT NULL CONSTRAINT bid_rejection_application_fk REFERENCES application(id),
        client_bid_id text NOT NULL,
        code text NOT NULL,
        message text NOT NULL,
        value text NOT NULL,
        created_at timestamptz NOT NULL,
        CONSTRAINT bid_rejection_client_bid_unique UNIQUE (lot_id, application_id, client_bid_id)
      )`);
    await q.query(`
      CREATE TABLE sealed_value (
        lot_id uuid NOT NULL CONSTRAINT sealed_value_lot_fk REFERENCES lot(id),
        purpose text NOT NULL,
        bidder_number text NOT NULL,
        application_id uuid NOT NULL CONSTRAINT sealed_value_application_fk REFERENCES application(id),
        commitment text NOT NULL,
        sealed text NOT NULL,
        submitted_at timestamptz NOT NULL,
        PRIMARY KEY (lot_id, purpose, bidder_number),
        CONSTRAINT sealed_value_purpose_check CHECK (purpose IN ('tender','one_sealed_price'))
      )`);
    await q.query(`
      CREATE TABLE lottery_seed (
        lot_id uuid PRIMARY KEY CONSTRAINT lottery_seed_lot_fk REFERENCES lot(id),
        commitment text NOT NULL,
        sealed text NOT NULL,
        created_at timestamptz NOT NULL
      )`);
    await q.query(`
      CREATE TABLE result (
        lot_id uuid PRIMARY KEY CONSTRAINT result_lot_fk REFERENCES lot(id),
        outcome text NOT NULL,
        reason text,
        winner_application_id uuid CONSTRAINT result_winner_fk REFERENCES application(id),
        winner_number text,
        price numeric(18,2),
        area numeric(16,2),
        share numeric(9,4),
        unit_price numeric(18,2),
        floor_price numeric(18,2),
        premium_rate numeric(9,4),
        land_area numeric(16,2) NOT NULL,
        reserve_value numeric(18,2),
        reserve_salt text,
        reserve_commitment text,
        chain_length bigint NOT NULL,
        chain_head text NOT NULL,
        closed_at timestamptz NOT NULL,
        CONSTRAINT result_outcome_check CHECK (outcome IN ('sold','unsold') AND (outcome = 'sold') = (winner_application_id IS NOT NULL AND price IS NOT NULL) AND (outcome = 'unsold') = (reason IS NOT NULL))
      )`);
    // Large broadcasts of the socket.io PostgreSQL adapter (used when several instances run without Redis).
    await q.query(`CREATE TABLE socket_io_attachments (id bigserial UNIQUE, created_at timestamptz DEFAULT now(), payload bytea)`);
    for (const table of ['lot_event', 'bid', 'bid_rejection', 'sealed_value', 'lottery_seed', 'result']) {
      await q.query(`
        CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON ${table}
        FOR EACH ROW EXECUTE FUNCTION refuse_change()`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE socket_io_attachments`);
    for (const t of ['result', 'lottery_seed', 'sealed_value', 'bid_rejection', 'bid', 'lot_event']) await q.query(`DROP TABLE ${t}`);
    await q.query(`DROP INDEX lot_due_at_idx`);
    await q.query(`ALTER TABLE lot DROP COLUMN trading_state, DROP COLUMN due_at, DROP COLUMN leader_number`);
  }
}
