import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import type { Repository } from 'typeorm';
import { TransactionRunner } from '@app/database';
import { AuditService } from '@app/audit';
import { DomainError, type Actor } from '@app/common';
import { AuthSessionEntity } from '../persistence/auth-session.entity';
import { RefreshTokenEntity } from '../persistence/refresh-token.entity';
import { UserEntity } from '../persistence/user.entity';
import { LoginThrottle } from './login-throttle';
import { PasswordHasher, passwordProblem } from './password-hasher';
import { SessionRevocations } from './session-revocations';
import { endSessions, type SessionActor } from './sessions';
import { sha256Hex, TokenService, type TokenPair, type VerifiedAccess } from './token.service';

interface AccountRow {
  id: string;
  username: string;
  roles: string[];
  active: boolean;
  session_id: string | null;
  revoked_at: Date | null;
}

@Injectable()
export class AuthService {
  // Verified against when the username is unknown, so both failures take the same time.
  private dummyHash?: Promise<string>;

  constructor(
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    private readonly hasher: PasswordHasher,
    private readonly tokens: TokenService,
    private readonly throttle: LoginThrottle,
    private readonly revocations: SessionRevocations,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
  ) {}

  /** `client` is the caller's address (Express's `req.ip`, see TRUST_PROXY): the login limit is kept per username and client. */
  async login(username: string, password: string, client: string): Promise<TokenPair> {
    const name = username.trim().toLowerCase();
    await this.throttle.claim(name, client);
    const user = await this.users.findOneBy({ username: name });
    this.dummyHash ??= this.hasher.hash(randomUUID());
    const ok = await this.hasher.verify(user?.passwordHash ?? (await this.dummyHash), password);
    // A wrong password leaves the attempt recorded as a failure.
    if (!user || !ok) throw new DomainError('INVALID_CREDENTIALS', 'The username or password is wrong');
    if (!user.active) {
      await this.tx.run((em) => this.throttle.succeeded(em, name, client));
      throw new DomainError('ACCOUNT_DISABLED', 'This account is disabled');
    }
    return this.tx.run(async (em) => {
      // Held until commit, so a disable cannot slip between this check and the new session (it would miss it).
      const current = await em.findOne(UserEntity, { where: { id: user.id }, lock: { mode: 'pessimistic_read' } });
      if (!current?.active) throw new DomainError('ACCOUNT_DISABLED', 'This account is disabled');
      await this.throttle.succeeded(em, name, client);
      return this.tokens.issue(em, current);
    });
  }

  /**
   * Exchanges a refresh token for a new pair in the same session. A token works once; reusing one spent
   * by an earlier refresh of a live session means a copy was stolen, so every session of the account
   * ends (its access tokens included).
   */
  async refresh(refreshToken: string): Promise<TokenPair> {
    const hash = sha256Hex(refreshToken);
    const outcome = await this.tx.run(async (em) => {
      const token = await em.findOne(RefreshTokenEntity, { where: { tokenHash: hash }, lock: { mode: 'pessimistic_write' } });
      if (!token) return { error: 'unknown' as const };
      const session = await em.findOneBy(AuthSessionEntity, { id: token.sessionId });
      // A token of a session that already ended (logout, disabling…) is merely invalid: a stale browser
      // tab refreshing after a logout must not end the account's other sessions.
      if (!session || session.revokedAt) return { error: 'ended' as const };
      if (token.revokedAt) {
        // Spent by a refresh while its session is live: someone else holds a copy.
        const ended = await endSessions(em, { userId: token.userId }, 'refresh_token_reused');
        if (ended.length > 0) {
          await this.audit.record(em, {
            actor: 'system',
            action: 'auth.sessions.end',
            entityType: 'user',
            entityId: token.userId,
            after: { reason: 'refresh_token_reused', sessionsEnded: ended.length },
            reason: 'a spent refresh token was presented again',
          });
        }
        return { error: 'reused' as const, userId: ended.length > 0 ? token.userId : undefined };
      }
      if (token.expiresAt.getTime() <= Date.now()) return { error: 'expired' as const };
      const user = await em.findOne(UserEntity, { where: { id: token.userId }, lock: { mode: 'pessimistic_read' } });
      if (!user || !user.active) return { error: 'disabled' as const };
      await em.update(RefreshTokenEntity, { id: token.id }, { revokedAt: () => 'now()' });
      return { pair: await this.tokens.issue(em, user, token.sessionId) };
    });
    if ('pair' in outcome && outcome.pair) return outcome.pair;
    if (outcome.error === 'reused' && outcome.userId) await this.revocations.publish({ kind: 'user', userId: outcome.userId });
    throw new DomainError('INVALID_REFRESH_TOKEN', 'The refresh token is invalid, expired or already used; log in again', 'refreshToken');
  }

  /** Ends the session of the refresh token: its refresh and access tokens stop working and its sockets are closed. */
  async logout(refreshToken: string): Promise<void> {
    const ended = await this.tx.run(async (em) => {
      const token = await em.findOneBy(RefreshTokenEntity, { tokenHash: sha256Hex(refreshToken) });
      if (!token) return undefined;
      const [sessionId] = await endSessions(em, { sessionId: token.sessionId }, 'logout');
      if (!sessionId) return undefined;
      const user = await em.findOneByOrFail(UserEntity, { id: token.userId });
      await this.audit.record(em, {
        actor: { id: user.id, username: user.username, roles: user.roles },
        action: 'auth.logout',
        entityType: 'auth_session',
        entityId: sessionId,
        before: { live: true },
        after: { live: false, reason: 'logout' },
      });
      return sessionId;
    });
    if (ended) await this.revocations.publish({ kind: 'session', sessionId: ended });
  }

  /**
   * The account behind a verified access token, as the database has it now, in one query: a disabled
   * account, an ended session and changed roles take effect at once. Roles in the token are never used.
   */
  async actorFor(access: VerifiedAccess): Promise<SessionActor> {
    const [row] = (await this.users.query(
      `SELECT u.id, u.username, u.roles, u.active, s.id AS session_id, s.revoked_at
         FROM app_user u LEFT JOIN auth_session s ON s.id = $2 AND s.user_id = u.id
        WHERE u.id = $1`,
      [access.userId, access.sessionId],
    )) as AccountRow[];
    if (!row) throw new DomainError('UNAUTHENTICATED', 'The account no longer exists');
    if (!row.active) throw new DomainError('ACCOUNT_DISABLED', 'This account is disabled');
    if (!row.session_id || row.revoked_at) throw new DomainError('SESSION_REVOKED', 'This session has ended (logged out, password changed or revoked); log in again');
    return { id: row.id, username: row.username, roles: row.roles, sessionId: row.session_id };
  }

  /** Changes the password and ends every session of the account, this one included: the owner logs in again with the new password. */
  async changePassword(actor: Actor, currentPassword: string, newPassword: string): Promise<void> {
    const user = await this.users.findOneByOrFail({ id: actor.id });
    if (!(await this.hasher.verify(user.passwordHash, currentPassword))) {
      throw new DomainError('INVALID_CREDENTIALS', 'The current password is wrong', 'currentPassword');
    }
    const problem = passwordProblem(newPassword);
    if (problem) throw new DomainError('WEAK_PASSWORD', problem.replace('password', 'newPassword'), 'newPassword');
    const passwordHash = await this.hasher.hash(newPassword);
    await this.tx.run(async (em) => {
      await em.update(UserEntity, { id: user.id }, { passwordHash });
      const ended = await endSessions(em, { userId: user.id }, 'password_changed');
      await this.audit.record(em, { action: 'user.password.change', entityType: 'user', entityId: user.id, after: { sessionsEnded: ended.length } });
    });
    await this.revocations.publish({ kind: 'user', userId: user.id });
  }
}
