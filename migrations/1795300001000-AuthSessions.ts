import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Login sessions: access tokens carry the session id and are honoured only while it is live, so
 * logout, disabling, a password change or a reused refresh token end them at once. Every existing
 * refresh token becomes a session of its own (revoked if the token was), so nobody is logged out by
 * the upgrade: their next refresh returns tokens with a session id.
 */
export class AuthSessions1795300001000 implements MigrationInterface {
  name = 'AuthSessions1795300001000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE auth_session (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL CONSTRAINT auth_session_user_id_fkey REFERENCES app_user(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz,
        revoked_reason text
      )`);
    await q.query(`CREATE INDEX auth_session_user_idx ON auth_session (user_id)`);
    await q.query(`
      INSERT INTO auth_session (id, user_id, created_at, revoked_at, revoked_reason)
      SELECT id, user_id, created_at, revoked_at, CASE WHEN revoked_at IS NOT NULL THEN 'before_sessions' END FROM refresh_token`);
    await q.query(`ALTER TABLE refresh_token ADD COLUMN session_id uuid CONSTRAINT refresh_token_session_id_fkey REFERENCES auth_session(id)`);
    await q.query(`UPDATE refresh_token SET session_id = id`);
    await q.query(`ALTER TABLE refresh_token ALTER COLUMN session_id SET NOT NULL`);
    await q.query(`CREATE INDEX refresh_token_session_idx ON refresh_token (session_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE refresh_token DROP COLUMN session_id`);
    await q.query(`DROP TABLE auth_session`);
  }
}
