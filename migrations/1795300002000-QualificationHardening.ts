import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Joint-bid invitations that take nobody's place until accepted, withdrawal releasing members' places,
 * documents typed by their content, and bank notices that reuse a transaction id with other content.
 */
export class QualificationHardening1795300002000 implements MigrationInterface {
  name = 'QualificationHardening1795300002000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE joint_invitation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        application_id uuid NOT NULL CONSTRAINT joint_invitation_application_fk REFERENCES application(id),
        lot_id uuid NOT NULL CONSTRAINT joint_invitation_lot_fk REFERENCES lot(id),
        identifier text NOT NULL,
        share numeric(7,4) NOT NULL,
        position integer NOT NULL,
        status text NOT NULL,
        bidder_id uuid CONSTRAINT joint_invitation_bidder_fk REFERENCES bidder(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        answered_at timestamptz,
        CONSTRAINT joint_invitation_once_per_application UNIQUE (application_id, identifier),
        CONSTRAINT joint_invitation_status_check CHECK (status IN ('pending','accepted','declined','withdrawn')),
        CONSTRAINT joint_invitation_share_check CHECK (share > 0 AND share < 1)
      )`);
    await q.query(`CREATE INDEX joint_invitation_identifier_idx ON joint_invitation (identifier)`);
    // Every partner named so far becomes an invitation; those who had not accepted leave the members,
    // where they blocked their own applications for the lot.
    await q.query(`
      INSERT INTO joint_invitation (application_id, lot_id, identifier, share, position, status, bidder_id, created_at, answered_at)
      SELECT p.application_id, p.lot_id, coalesce(b.credit_code, b.id_number), p.share,
             row_number() OVER (PARTITION BY p.application_id ORDER BY b.created_at, b.id)::int,
             CASE WHEN p.accepted_at IS NULL THEN 'pending' ELSE 'accepted' END,
             CASE WHEN p.accepted_at IS NULL THEN NULL ELSE p.bidder_id END,
             a.created_at, p.accepted_at
        FROM application_partner p JOIN bidder b ON b.id = p.bidder_id JOIN application a ON a.id = p.application_id
       WHERE NOT p.is_lead`);
    await q.query(`DELETE FROM application_partner WHERE accepted_at IS NULL`);
    await q.query(`ALTER TABLE application_partner ALTER COLUMN accepted_at SET NOT NULL`);
    await q.query(`ALTER TABLE application_partner ADD COLUMN released_at timestamptz`);
    await q.query(`ALTER TABLE application_partner DROP CONSTRAINT application_partner_once_per_lot`);
    // Nobody is an active member of two applications for one lot; a withdrawn one releases its places.
    await q.query(`CREATE UNIQUE INDEX application_partner_once_per_lot ON application_partner (lot_id, bidder_id) WHERE released_at IS NULL`);

    await q.query(`ALTER TABLE application_document ADD COLUMN content_type text`);
    await q.query(`UPDATE application_document SET content_type = 'application/octet-stream'`);
    await q.query(`ALTER TABLE application_document ALTER COLUMN content_type SET NOT NULL`);

    await q.query(`
      CREATE TABLE bank_notice_conflict (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        txn_id text NOT NULL,
        raw_body_sha256 text NOT NULL,
        differences text[] NOT NULL,
        applied jsonb NOT NULL,
        received jsonb NOT NULL,
        raw_body text NOT NULL,
        remote_ip text,
        first_received_at timestamptz NOT NULL DEFAULT now(),
        last_received_at timestamptz NOT NULL DEFAULT now(),
        times_received integer NOT NULL DEFAULT 1,
        CONSTRAINT bank_notice_conflict_once UNIQUE (txn_id, raw_body_sha256),
        CONSTRAINT bank_notice_conflict_sha256_check CHECK (raw_body_sha256 ~ '^[0-9a-f]{64}$')
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE bank_notice_conflict`);
    await q.query(`ALTER TABLE application_document DROP COLUMN content_type`);
    // Fails (and changes nothing) when a withdrawal released places that were taken again.
    await q.query(`DROP INDEX application_partner_once_per_lot`);
    await q.query(`ALTER TABLE application_partner ADD CONSTRAINT application_partner_once_per_lot UNIQUE (lot_id, bidder_id)`);
    await q.query(`ALTER TABLE application_partner DROP COLUMN released_at`);
    await q.query(`ALTER TABLE application_partner ALTER COLUMN accepted_at DROP NOT NULL`);
    await q.query(`
      INSERT INTO application_partner (application_id, lot_id, bidder_id, share, is_lead, accepted_at)
      SELECT i.application_id, i.lot_id, b.id, i.share, false, NULL
        FROM joint_invitation i JOIN bidder b ON b.credit_code = i.identifier OR b.id_number = i.identifier
       WHERE i.status = 'pending'
      ON CONFLICT DO NOTHING`);
    await q.query(`DROP TABLE joint_invitation`);
  }
}
