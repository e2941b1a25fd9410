import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * After the hammer (libs/settlement) and the revenue ledger (libs/ledger).
 *
 * Ledger: `journal_entry` ← `journal_line`, append-only; every entry balances (Σ debit = Σ credit,
 * at least two lines), checked by deferred constraint triggers at commit, so an unbalanced entry can
 * never be committed whatever the code does. Bank statements with their lines (each bank transaction
 * once), treasury remittances.
 *
 * Settlement: one `settlement` per closed lot with its deadlines, the `confirmation` (成交确认书, the
 * PDF and its hash), the land contract with its installments, premium payments and penalty accruals,
 * and `refund` instructions tracked to the bank reference.
 */
export class SettlementAndLedger1795300000700 implements MigrationInterface {
  name = 'SettlementAndLedger1795300000700';

  async up(q: QueryRunner): Promise<void> {
    // ── ledger ──
    await q.query(`
      CREATE TABLE journal_entry (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        entry_date date NOT NULL,
        occurred_at timestamptz NOT NULL,
        description text NOT NULL,
        source_type text NOT NULL,
        source_id text NOT NULL,
        reversal_of_type text,
        reversal_of_id text,
        reversal_reason text,
        posted_at timestamptz NOT NULL DEFAULT now(),
        posted_by text,
        CONSTRAINT journal_entry_source_unique UNIQUE (source_type, source_id)
      )`);
    await q.query(`
      CREATE TABLE journal_line (
        entry_id uuid NOT NULL CONSTRAINT journal_line_entry_fk REFERENCES journal_entry(id),
        line_no integer NOT NULL,
        account_code text NOT NULL,
        subject text NOT NULL DEFAULT '',
        debit numeric(18,2) NOT NULL DEFAULT 0,
        credit numeric(18,2) NOT NULL DEFAULT 0,
        PRIMARY KEY (entry_id, line_no),
        CONSTRAINT journal_line_side_check CHECK ((debit > 0 AND credit = 0) OR (credit > 0 AND debit = 0))
      )`);
    await q.query(`CREATE INDEX journal_line_account_idx ON journal_line (account_code, subject)`);
    await q.query(`CREATE INDEX journal_entry_date_idx ON journal_entry (entry_date)`);
    await q.query(`
      CREATE FUNCTION journal_entry_must_balance() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        target uuid;
        d numeric; c numeric; n integer;
      BEGIN
        IF TG_TABLE_NAME = 'journal_entry' THEN target := NEW.id; ELSE target := NEW.entry_id; END IF;
        SELECT coalesce(sum(debit), 0), coalesce(sum(credit), 0), count(*) INTO d, c, n FROM journal_line WHERE entry_id = target;
        IF n < 2 OR d <> c THEN
          RAISE EXCEPTION 'journal entry % does not balance: % line(s), debits %, credits %', target, n, d, c USING ERRCODE = 'check_violation';
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE CONSTRAINT TRIGGER journal_entry_balanced AFTER INSERT ON journal_entry
      DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION journal_entry_must_balance()`);
    await q.query(`
      CREATE CONSTRAINT TRIGGER journal_line_balanced AFTER INSERT ON journal_line
      DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION journal_entry_must_balance()`);
    await q.query(`
      CREATE TABLE bank_statement (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        fingerprint text NOT NULL CONSTRAINT bank_statement_fingerprint_unique UNIQUE,
        filename text NOT NULL,
        encoding text NOT NULL,
        line_count integer NOT NULL,
        imported_at timestamptz NOT NULL DEFAULT now(),
        imported_by uuid
      )`);
    await q.query(`
      CREATE TABLE bank_statement_line (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        statement_id uuid NOT NULL CONSTRAINT bank_statement_line_statement_fk REFERENCES bank_statement(id),
        line_no integer NOT NULL,
        txn_id text NOT NULL CONSTRAINT bank_statement_line_txn_unique UNIQUE,
        booked_at timestamptz NOT NULL,
        amount numeric(18,2) NOT NULL,
        counterparty_name text,
        counterparty_account text,
        sub_account text,
        reference text,
        status text NOT NULL,
        matched_kind text,
        matched_id text,
        difference numeric(18,2),
        suggestions jsonb,
        resolution_reason text,
        resolved_by uuid,
        resolved_at timestamptz,
        CONSTRAINT bank_statement_line_status_check CHECK (status IN ('matched','partial','unmatched','resolved','ignored')),
        CONSTRAINT bank_statement_line_no_unique UNIQUE (statement_id, line_no)
      )`);
    await q.query(`
      CREATE TABLE treasury_remittance (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        remitted_on date NOT NULL,
        land_premium numeric(18,2) NOT NULL,
        penalties numeric(18,2) NOT NULL,
        forfeitures numeric(18,2) NOT NULL,
        amount numeric(18,2) NOT NULL,
        treasury_reference text NOT NULL CONSTRAINT treasury_remittance_reference_unique UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        created_by uuid,
        CONSTRAINT treasury_remittance_amount_check CHECK (amount > 0 AND amount = land_premium + penalties + forfeitures)
      )`);

    // ── settlement ──
    await q.query(`
      CREATE TABLE settlement (
        lot_id uuid PRIMARY KEY CONSTRAINT settlement_lot_fk REFERENCES lot(id),
        outcome text NOT NULL,
        winner_application_id uuid CONSTRAINT settlement_winner_fk REFERENCES application(id),
        price numeric(18,2),
        earnest numeric(18,2) NOT NULL DEFAULT 0,
        closed_at timestamptz NOT NULL,
        confirmation_deadline timestamptz,
        contract_deadline timestamptz,
        refund_due timestamptz NOT NULL,
        publication_deadline timestamptz,
        service_deadline timestamptz NOT NULL,
        status text NOT NULL,
        published_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT settlement_status_check CHECK (status IN ('awaiting_contract','contracted','paid','defaulted','unsold'))
      )`);
    await q.query(`
      CREATE TABLE confirmation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        lot_id uuid NOT NULL CONSTRAINT confirmation_lot_unique UNIQUE CONSTRAINT confirmation_lot_fk REFERENCES lot(id),
        application_id uuid NOT NULL CONSTRAINT confirmation_application_fk REFERENCES application(id),
        verification_code text NOT NULL CONSTRAINT confirmation_code_unique UNIQUE,
        document_sha256 text NOT NULL,
        document bytea NOT NULL,
        model jsonb NOT NULL,
        issued_at timestamptz NOT NULL,
        sign_deadline timestamptz NOT NULL,
        signed_at timestamptz,
        signed_by uuid,
        CONSTRAINT confirmation_sha256_check CHECK (document_sha256 ~ '^[0-9a-f]{64}$')
      )`);
    await q.query(`
      CREATE TABLE land_contract (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        lot_id uuid NOT NULL CONSTRAINT land_contract_lot_unique UNIQUE CONSTRAINT land_contract_lot_fk REFERENCES lot(id),
        application_id uuid NOT NULL CONSTRAINT land_contract_application_fk REFERENCES application(id),
        contract_number text NOT NULL CONSTRAINT land_contract_number_unique UNIQUE,
        price numeric(18,2) NOT NULL,
        earnest numeric(18,2) NOT NULL,
        signed_on date NOT NULL,
        plan jsonb NOT NULL,
        status text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        created_by uuid,
        CONSTRAINT land_contract_status_check CHECK (status IN ('active','paid','terminated'))
      )`);
    await q.query(`
      CREATE TABLE installment (
        contract_id uuid NOT NULL CONSTRAINT installment_contract_fk REFERENCES land_contract(id),
        number integer NOT NULL,
        due_date date NOT NULL,
        amount numeric(18,2) NOT NULL,
        credited_earnest numeric(18,2) NOT NULL,
        payable numeric(18,2) NOT NULL,
        PRIMARY KEY (contract_id, number),
        CONSTRAINT installment_amount_check CHECK (amount = credited_earnest + payable AND payable >= 0 AND credited_earnest >= 0)
      )`);
    await q.query(`
      CREATE TABLE premium_payment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        contract_id uuid NOT NULL CONSTRAINT premium_payment_contract_fk REFERENCES land_contract(id),
        kind text NOT NULL,
        paid_on date NOT NULL,
        amount numeric(18,2) NOT NULL,
        bank_txn_id text NOT NULL CONSTRAINT premium_payment_txn_unique UNIQUE,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        recorded_by uuid,
        CONSTRAINT premium_payment_kind_check CHECK (kind IN ('premium','penalty')),
        CONSTRAINT premium_payment_amount_check CHECK (amount > 0)
      )`);
    await q.query(`
      CREATE TABLE penalty_accrual (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        contract_id uuid NOT NULL CONSTRAINT penalty_accrual_contract_fk REFERENCES land_contract(id),
        installment_number integer NOT NULL,
        from_date date NOT NULL,
        to_date date NOT NULL,
        days integer NOT NULL,
        balance numeric(18,2) NOT NULL,
        daily_rate numeric(9,6) NOT NULL,
        amount numeric(18,2) NOT NULL,
        accrued_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT penalty_accrual_period_unique UNIQUE (contract_id, installment_number, from_date),
        CONSTRAINT penalty_accrual_amount_check CHECK (amount > 0 AND days > 0)
      )`);
    await q.query(`
      CREATE TABLE refund (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        lot_id uuid NOT NULL CONSTRAINT refund_lot_fk REFERENCES lot(id),
        application_id uuid NOT NULL CONSTRAINT refund_application_fk REFERENCES application(id),
        txn_id text NOT NULL,
        amount numeric(18,2) NOT NULL,
        reason text NOT NULL,
        payee_name text NOT NULL,
        due_at timestamptz NOT NULL,
        status text NOT NULL,
        bank_reference text CONSTRAINT refund_bank_reference_unique UNIQUE,
        paid_on date,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT refund_payment_reason_unique UNIQUE (txn_id, reason),
        CONSTRAINT refund_status_check CHECK (status IN ('due','paid') AND (status = 'paid') = (bank_reference IS NOT NULL AND paid_on IS NOT NULL)),
        CONSTRAINT refund_amount_check CHECK (amount > 0)
      )`);
    await q.query(`CREATE INDEX refund_status_idx ON refund (status, due_at)`);
    // Installments are not append-only: an approved payment extension (延期缴款) would move a due date.
    // No API changes them yet; tests move them to simulate the passage of time.
    for (const table of ['journal_entry', 'journal_line', 'bank_statement', 'treasury_remittance', 'premium_payment', 'penalty_accrual']) {
      await q.query(`
        CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON ${table}
        FOR EACH ROW EXECUTE FUNCTION refuse_change()`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['refund', 'penalty_accrual', 'premium_payment', 'installment', 'land_contract', 'confirmation', 'settlement', 'treasury_remittance', 'bank_statement_line', 'bank_statement', 'journal_line', 'journal_entry']) {
      await q.query(`DROP TABLE ${t}`);
    }
    await q.query(`DROP FUNCTION journal_entry_must_balance()`);
  }
}
