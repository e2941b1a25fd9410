import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Notifications become their own context: the inbox table stays (its rows are kept, their kinds
 * renamed to the context's dotted names), gains a de-duplication key for reminders, and an outbox of
 * outbound deliveries (email, SMS) is added, delivered after commit with retries.
 */
export class NotificationOutbox1795300004000 implements MigrationInterface {
  name = 'NotificationOutbox1795300004000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE notification ADD COLUMN dedupe_key text`);
    // NULL keys never collide, so only keyed messages are de-duplicated.
    await q.query(`ALTER TABLE notification ADD CONSTRAINT notification_dedupe_unique UNIQUE (recipient_id, dedupe_key)`);
    await q.query(`UPDATE notification SET kind = 'announcement.' || kind WHERE kind IN ('amendment','suspension','resumption','termination')`);
    await q.query(`
      CREATE TABLE notification_delivery (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        notification_id uuid NOT NULL CONSTRAINT notification_delivery_notification_fk REFERENCES notification(id),
        channel text NOT NULL,
        status text NOT NULL DEFAULT 'pending',
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        address text,
        detail text,
        sent_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT notification_delivery_channel_check CHECK (channel IN ('none','email','sms')),
        CONSTRAINT notification_delivery_status_check CHECK (status IN ('pending','sent','not_sent','failed'))
      )`);
    await q.query(`CREATE INDEX notification_delivery_due_idx ON notification_delivery (status, next_attempt_at)`);
    await q.query(`CREATE INDEX notification_delivery_notification_idx ON notification_delivery (notification_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE notification_delivery`);
    await q.query(`UPDATE notification SET kind = substr(kind, length('announcement.') + 1) WHERE kind IN ('announcement.amendment','announcement.suspension','announcement.resumption','announcement.termination')`);
    await q.query(`ALTER TABLE notification DROP CONSTRAINT notification_dedupe_unique`);
    await q.query(`ALTER TABLE notification DROP COLUMN dedupe_key`);
  }
}
