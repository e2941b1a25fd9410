/** Why an account may not act now through the session it connected with. */
export type AccountRefusalCode = 'ACCOUNT_DISABLED' | 'SESSION_REVOKED' | 'FORBIDDEN';

export interface AccountRef {
  readonly userId: string;
  readonly sessionId: string;
}

export interface AccountRefusal extends AccountRef {
  readonly code: AccountRefusalCode;
}

const MESSAGES: Record<AccountRefusalCode, string> = {
  ACCOUNT_DISABLED: 'this account is disabled',
  SESSION_REVOKED: 'this session has ended (logged out, password changed or revoked); log in again',
  FORBIDDEN: 'this account no longer holds the role this needs',
};

export function accountRefusalMessage(code: AccountRefusalCode): string {
  return MESSAGES[code];
}

/**
 * The account check as a scalar SQL subquery, for a context that must check accounts on a hot path
 * inside a query it already makes (the bid path folds it into the query it runs right after taking the
 * lot's lock), so the check costs no round trip of its own. It evaluates to a JSON array of
 * {@link AccountRefusal}: one entry for each (user, session) pair among the two uuid[] parameters
 * (same length, same order) whose account is disabled, whose session has ended, or which lacks the
 * role in the text parameter. Two primary-key lookups per distinct pair. The auth context owns these
 * tables, so the SQL that reads them lives here.
 */
export function refusedAccountsSql(usersParam: string, sessionsParam: string, roleParam: string): string {
  return `coalesce((
    SELECT json_agg(json_build_object('userId', c.user_id, 'sessionId', c.session_id, 'code',
             CASE WHEN u.id IS NULL OR NOT u.active THEN 'ACCOUNT_DISABLED'
                  WHEN s.id IS NULL OR s.revoked_at IS NOT NULL THEN 'SESSION_REVOKED'
                  ELSE 'FORBIDDEN' END))
      FROM unnest(${usersParam}::uuid[], ${sessionsParam}::uuid[]) AS c(user_id, session_id)
      LEFT JOIN app_user u ON u.id = c.user_id
      LEFT JOIN auth_session s ON s.id = c.session_id AND s.user_id = c.user_id
     WHERE u.id IS NULL OR NOT u.active OR s.id IS NULL OR s.revoked_at IS NOT NULL OR NOT (${roleParam}::text = ANY (u.roles))
  ), '[]'::json)`;
}
