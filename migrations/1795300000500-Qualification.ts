import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Qualification1795300000500 implements MigrationInterface {
  name = 'Qualification1795300000500';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE bidder (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL UNIQUE CONSTRAINT bidder_user_fk REFERENCES app_user(id),
        kind text NOT NULL,
        name text NOT NULL,
        credit_code text UNIQUE,
        id_number text UNIQUE,
        legal_representative text NOT NULL,
        contact_name text NOT NULL,
        contact_phone text NOT NULL,
        contact_email text,
        address text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT bidder_kind_check CHECK (kind IN ('company','person','organization')),
        CONSTRAINT bidder_identity_check CHECK ((kind = 'person') = (id_number IS NOT NULL) AND (kind = 'person') = (credit_code IS NULL))
      )`);
    await q.query(`
      CREATE TABLE blacklist_entry (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        bidder_id uuid NOT NULL CONSTRAINT blacklist_entry_bidder_fk REFERENCES bidder(id),
        reason text NOT NULL,
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        created_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT blacklist_entry_period_check CHECK (ends_at > starts_at)
      )`);
    await q.query(`CREATE INDEX blacklist_entry_bidder_idx ON blacklist_entry (bidder_id, ends_at)`);
    await q.query(`
      CREATE TABLE application (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        lot_id uuid NOT NULL CONSTRAINT application_lot_fk REFERENCES lot(id),
        lead_bidder_id uuid NOT NULL CONSTRAINT application_lead_fk REFERENCES bidder(id),
        joint boolean NOT NULL,
        status text NOT NULL,
        review_mode text NOT NULL,
        submitted_at timestamptz,
        review_due_at timestamptz,
        reviewed_by uuid,
        reviewed_at timestamptz,
        review_reason text,
        sub_account text UNIQUE,
        sub_account_issued_at timestamptz,
        deposit_required numeric(18,2) NOT NULL,
        deposit_deadline timestamptz NOT NULL,
        bidder_number text,
        qualified_at timestamptz,
        confirmation_code text UNIQUE,
        version integer NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT application_bidder_number_unique UNIQUE (lot_id, bidder_number),
        CONSTRAINT application_review_mode_check CHECK (review_mode IN ('pre_review','post_review'))
      )`);
    await q.query(`CREATE INDEX application_lot_idx ON application (lot_id, status)`);
    // One row per member (the lead included). (lot_id, bidder_id) is unique: nobody applies for a lot
    // twice, alone and in a group, or in two groups (DOMAIN §4).
    await q.query(`
      CREATE TABLE application_partner (
        application_id uuid NOT NULL CONSTRAINT application_partner_application_fk REFERENCES application(id),
        lot_id uuid NOT NULL CONSTRAINT application_partner_lot_fk REFERENCES lot(id),
        bidder_id uuid NOT NULL CONSTRAINT application_partner_bidder_fk REFERENCES bidder(id),
        share numeric(7,4) NOT NULL,
        is_lead boolean NOT NULL,
        accepted_at timestamptz,
        PRIMARY KEY (application_id, bidder_id),
        CONSTRAINT application_partner_once_per_lot UNIQUE (lot_id, bidder_id),
        CONSTRAINT application_partner_share_check CHECK (share > 0 AND share <= 1)
      )`);
    await q.query(`
      CREATE TABLE application_document (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        application_id uuid NOT NULL CONSTRAINT application_document_application_fk REFERENCES application(id),
        title text NOT NULL,
        file_name text NOT NULL,
        size_bytes integer NOT NULL,
        sha256 text NOT NULL,
        storage_key text NOT NULL,
        uploaded_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT application_document_sha256_check CHECK (sha256 ~ '^[0-9a-f]{64}$')
      )`);
    await q.query(`CREATE INDEX application_document_application_idx ON application_document (application_id)`);
    // Every sub-account ever issued, so none is reused within the configured period.
    await q.query(`
      CREATE TABLE sub_account_registry (
        sub_account text PRIMARY KEY,
        application_id uuid NOT NULL,
        issued_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE deposit_payment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        application_id uuid NOT NULL CONSTRAINT deposit_payment_application_fk REFERENCES application(id),
        bank_txn_id text NOT NULL UNIQUE,
        sub_account text NOT NULL,
        amount numeric(18,2) NOT NULL,
        payer_name text NOT NULL,
        payer_account text NOT NULL,
        arrived_at timestamptz NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now(),
        in_time boolean NOT NULL,
        payer_mismatch boolean NOT NULL,
        CONSTRAINT deposit_payment_amount_check CHECK (amount > 0)
      )`);
    await q.query(`CREATE INDEX deposit_payment_application_idx ON deposit_payment (application_id)`);
    // Every callback the bank endpoint received, accepted or not: replays and forgeries stay on record.
    await q.query(`
      CREATE TABLE bank_notice_log (
        id bigserial PRIMARY KEY,
        received_at timestamptz NOT NULL DEFAULT now(),
        txn_id text,
        outcome text NOT NULL,
        detail text,
        remote_ip text,
        raw_body text NOT NULL
      )`);
    await q.query(`
      CREATE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    for (const table of ['deposit_payment', 'bank_notice_log']) {
      await q.query(`
        CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON ${table}
        FOR EACH ROW EXECUTE FUNCTION refuse_change()`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['bank_notice_log', 'deposit_payment', 'sub_account_registry', 'application_document', 'application_partner', 'application', 'blacklist_entry', 'bidder']) {
      await q.query(`DROP TABLE ${t}`);
    }
    await q.query(`DROP FUNCTION refuse_change()`);
  }
}
