import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Listing1795300000400 implements MigrationInterface {
  name = 'Listing1795300000400';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE announcement (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        number text NOT NULL UNIQUE,
        title text NOT NULL,
        body text NOT NULL,
        status text NOT NULL,
        version integer NOT NULL DEFAULT 0,
        published_at timestamptz,
        suspended_at timestamptz,
        terminated_at timestamptz,
        created_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT announcement_status_check CHECK (status IN ('draft','published','suspended','terminated','completed'))
      )`);
    // Every published version (1 = the original notice, n > 1 = 补充公告) is kept as it was published.
    await q.query(`
      CREATE TABLE announcement_version (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        announcement_id uuid NOT NULL CONSTRAINT announcement_version_announcement_fk REFERENCES announcement(id),
        version integer NOT NULL,
        kind text NOT NULL,
        summary text NOT NULL,
        reason text,
        snapshot jsonb NOT NULL,
        published_at timestamptz NOT NULL DEFAULT now(),
        published_by uuid,
        CONSTRAINT announcement_version_unique UNIQUE (announcement_id, version),
        CONSTRAINT announcement_version_kind_check CHECK (kind IN ('original','amendment'))
      )`);
    await q.query(`
      CREATE TABLE lot (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        announcement_id uuid NOT NULL CONSTRAINT lot_announcement_fk REFERENCES announcement(id),
        lot_number text NOT NULL UNIQUE,
        title text NOT NULL,
        method text NOT NULL,
        phase text NOT NULL,
        phase_before_freeze text,
        phase_before_suspension text,
        start_price numeric(18,2) NOT NULL,
        increment numeric(18,2),
        deposit numeric(18,2) NOT NULL,
        cap_price numeric(18,2),
        terms jsonb NOT NULL,
        application_start timestamptz NOT NULL,
        application_end timestamptz NOT NULL,
        deposit_deadline timestamptz NOT NULL,
        trading_start timestamptz NOT NULL,
        trading_end timestamptz,
        opening_at timestamptz,
        registration_close timestamptz NOT NULL,
        reserve_seal_deadline timestamptz NOT NULL,
        deadline timestamptz,
        current_price numeric(18,2),
        seq bigint NOT NULL DEFAULT 0,
        last_hash text,
        frozen_at timestamptz,
        version integer NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT lot_method_check CHECK (method IN ('auction','listing','tender')),
        CONSTRAINT lot_prices_check CHECK (start_price > 0 AND (increment IS NULL OR increment > 0) AND deposit > 0 AND (cap_price IS NULL OR cap_price > start_price))
      )`);
    await q.query(`CREATE INDEX lot_announcement_idx ON lot (announcement_id)`);
    await q.query(`CREATE INDEX lot_phase_deadline_idx ON lot (phase, deadline)`);
    await q.query(`
      CREATE TABLE lot_parcel (
        lot_id uuid NOT NULL CONSTRAINT lot_parcel_lot_fk REFERENCES lot(id),
        parcel_id uuid NOT NULL CONSTRAINT lot_parcel_parcel_fk REFERENCES parcel(id),
        PRIMARY KEY (lot_id, parcel_id)
      )`);
    await q.query(`
      CREATE TABLE reserve_committee_member (
        lot_id uuid NOT NULL CONSTRAINT reserve_committee_member_lot_fk REFERENCES lot(id),
        user_id uuid NOT NULL CONSTRAINT reserve_committee_member_user_fk REFERENCES app_user(id),
        assigned_at timestamptz NOT NULL DEFAULT now(),
        assigned_by uuid,
        PRIMARY KEY (lot_id, user_id)
      )`);
    // A member's proposal is itself sealed: encrypted at rest, readable by no API before the close.
    await q.query(`
      CREATE TABLE reserve_proposal (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        lot_id uuid NOT NULL CONSTRAINT reserve_proposal_lot_fk REFERENCES lot(id),
        member_id uuid NOT NULL CONSTRAINT reserve_proposal_member_fk REFERENCES app_user(id),
        sealed_value text NOT NULL,
        submitted_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT reserve_proposal_once UNIQUE (lot_id, member_id)
      )`);
    await q.query(`
      CREATE TABLE reserve_seal (
        lot_id uuid PRIMARY KEY CONSTRAINT reserve_seal_lot_fk REFERENCES lot(id),
        commitment text NOT NULL CONSTRAINT reserve_seal_commitment_check CHECK (commitment ~ '^[0-9a-f]{64}$'),
        sealed_value text NOT NULL,
        proposal_count integer NOT NULL,
        sealed_at timestamptz NOT NULL DEFAULT now(),
        revealed_at timestamptz,
        revealed_value numeric(18,2),
        revealed_salt text
      )`);
    // Once sealed, the reserve can be revealed (once) but never changed or removed.
    await q.query(`
      CREATE FUNCTION reserve_seal_is_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          RAISE EXCEPTION 'a sealed reserve cannot be deleted' USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF NEW.commitment <> OLD.commitment OR NEW.sealed_value <> OLD.sealed_value OR NEW.sealed_at <> OLD.sealed_at
           OR NEW.proposal_count <> OLD.proposal_count OR OLD.revealed_at IS NOT NULL THEN
          RAISE EXCEPTION 'a sealed reserve cannot be changed' USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER reserve_seal_immutable BEFORE UPDATE OR DELETE ON reserve_seal
      FOR EACH ROW EXECUTE FUNCTION reserve_seal_is_immutable()`);
    await q.query(`
      CREATE FUNCTION reserve_proposal_is_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'a reserve proposal cannot be changed or withdrawn' USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`
      CREATE TRIGGER reserve_proposal_immutable BEFORE UPDATE OR DELETE ON reserve_proposal
      FOR EACH ROW EXECUTE FUNCTION reserve_proposal_is_immutable()`);
    // Maker-checker: decisions the rules reserve to a supervisor.
    await q.query(`
      CREATE TABLE approval_request (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        action text NOT NULL,
        target_type text NOT NULL,
        target_id uuid NOT NULL,
        payload jsonb NOT NULL DEFAULT '{}',
        reason text NOT NULL,
        status text NOT NULL DEFAULT 'pending',
        requested_by uuid NOT NULL,
        requested_at timestamptz NOT NULL DEFAULT now(),
        decided_by uuid,
        decided_at timestamptz,
        decision_reason text,
        CONSTRAINT approval_request_status_check CHECK (status IN ('pending','approved','rejected')),
        CONSTRAINT approval_request_maker_checker CHECK (decided_by IS NULL OR decided_by <> requested_by)
      )`);
    await q.query(`CREATE INDEX approval_request_status_idx ON approval_request (status, requested_at)`);
    // Messages to users (e.g. applicants told of an amendment), delivered by whatever channel reads them.
    await q.query(`
      CREATE TABLE notification (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        recipient_id uuid NOT NULL CONSTRAINT notification_recipient_fk REFERENCES app_user(id),
        kind text NOT NULL,
        subject text NOT NULL,
        body text NOT NULL,
        related_type text,
        related_id uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        read_at timestamptz
      )`);
    await q.query(`CREATE INDEX notification_recipient_idx ON notification (recipient_id, created_at)`);
    // The public record: every notice as published, in Chinese, with a stable id.
    await q.query(`
      CREATE TABLE public_notice (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL,
        announcement_id uuid NOT NULL CONSTRAINT public_notice_announcement_fk REFERENCES announcement(id),
        lot_id uuid CONSTRAINT public_notice_lot_fk REFERENCES lot(id),
        title text NOT NULL,
        body text NOT NULL,
        published_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT public_notice_kind_check CHECK (kind IN ('announcement','amendment','suspension','resumption','termination','reserve_sealed','result'))
      )`);
    await q.query(`CREATE INDEX public_notice_published_idx ON public_notice (published_at)`);
    await q.query(`
      CREATE FUNCTION public_notice_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'public_notice is append-only: a published notice is corrected by a new notice' USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`
      CREATE TRIGGER public_notice_append_only BEFORE UPDATE OR DELETE ON public_notice
      FOR EACH ROW EXECUTE FUNCTION public_notice_is_append_only()`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['public_notice', 'notification', 'approval_request', 'reserve_seal', 'reserve_proposal', 'reserve_committee_member', 'lot_parcel', 'lot', 'announcement_version', 'announcement']) {
      await q.query(`DROP TABLE ${t}`);
    }
    await q.query(`DROP FUNCTION public_notice_is_append_only()`);
    await q.query(`DROP FUNCTION reserve_proposal_is_immutable()`);
    await q.query(`DROP FUNCTION reserve_seal_is_immutable()`);
  }
}
