import { In, IsNull, type EntityManager } from 'typeorm';
import type { Actor } from '@app/common';
import { AuthSessionEntity } from '../persistence/auth-session.entity';
import { RefreshTokenEntity } from '../persistence/refresh-token.entity';

/** Why a session ended (stored in `auth_session.revoked_reason`). */
export type SessionEndReason = 'logout' | 'account_disabled' | 'password_changed' | 'refresh_token_reused';

/** An account as the server knows it now, behind a verified access token of a live session. */
export interface SessionActor extends Actor {
  readonly sessionId: string;
}

/**
 * Ends live sessions, in the caller's transaction: one session (logout) or every session of a user.
 * Their refresh tokens are revoked with them. Returns the ids of the sessions that were live.
 */
export async function endSessions(em: EntityManager, scope: { sessionId: string } | { userId: string }, reason: SessionEndReason): Promise<string[]> {
  const where = 'sessionId' in scope ? { id: scope.sessionId, revokedAt: IsNull() } : { userId: scope.userId, revokedAt: IsNull() };
  const live = await em.find(AuthSessionEntity, { where, select: { id: true }, lock: { mode: 'pessimistic_write' } });
  const ids = live.map((s) => s.id);
  if (ids.length === 0) return [];
  await em.update(AuthSessionEntity, { id: In(ids) }, { revokedAt: () => 'now()', revokedReason: reason });
  await em.update(RefreshTokenEntity, { sessionId: In(ids), revokedAt: IsNull() }, { revokedAt: () => 'now()' });
  return ids;
}
