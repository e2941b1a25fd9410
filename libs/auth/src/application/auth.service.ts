import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { IsNull, type Repository } from 'typeorm';
import { TransactionRunner } from '@app/database';
import { AuditService } from '@app/audit';
import { DomainError, type Actor } from '@app/common';
import { LoginFailureEntity } from '../persistence/login-failure.entity';
import { RefreshTokenEntity } from '../persistence/refresh-token.entity';
import { UserEntity } from '../persistence/user.entity';
import { AUTH_OPTIONS, type AuthOptions } from './auth-options';
import { PasswordHasher, passwordProblem } from './password-hasher';
import { sha256Hex, TokenService, type TokenPair } from './token.service';

@Injectable()
export class AuthService {
  // Verified against when the username is unknown, so both failures take the same time.
  private dummyHash?: Promise<string>;

  constructor(
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    @InjectRepository(LoginFailureEntity) private readonly failures: Repository<LoginFailureEntity>,
    private readonly hasher: PasswordHasher,
    private readonly tokens: TokenService,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
    @Inject(AUTH_OPTIONS) private readonly options: AuthOptions,
  ) {}

  async login(username: string, password: string, ip: string): Promise<TokenPair> {
    const name = username.trim().toLowerCase();
    await this.assertNotRateLimited(name, ip);
    const user = await this.users.findOneBy({ username: name });
    this.dummyHash ??= this.hasher.hash(randomUUID());
    const ok = await this.hasher.verify(user?.passwordHash ?? (await this.dummyHash), password);
    if (!user || !ok) {
      await this.failures.insert({ username: name, ip });
      throw new DomainError('INVALID_CREDENTIALS', 'The username or password is wrong');
    }
    if (!user.active) throw new DomainError('ACCOUNT_DISABLED', 'This account is disabled');
    return this.tx.run(async (em) => {
      await em.delete(LoginFailureEntity, { username: name });
      return this.tokens.issue(em, user);
    });
  }

  private async assertNotRateLimited(username: string, ip: string): Promise<void> {
    const windowSeconds = this.options.loginFailureWindowSeconds;
    const rows: Array<{ by_user: string; by_ip: string }> = await this.failures.query(
      `SELECT count(*) FILTER (WHERE username = $1) AS by_user, count(*) FILTER (WHERE ip = $2) AS by_ip
         FROM login_failure WHERE at > now() - make_interval(secs => $3)`,
      [username, ip, windowSeconds],
    );
    const byUser = Number.parseInt(rows[0]?.by_user ?? '0', 10);
    const byIp = Number.parseInt(rows[0]?.by_ip ?? '0', 10);
    // One address may try several accounts (an office behind one NAT), so it gets a wider allowance.
    if (byUser >= this.options.loginMaxFailures || byIp >= this.options.loginMaxFailures * 4) {
      throw new DomainError(
        'LOGIN_RATE_LIMITED',
        `Too many failed logins; try again in ${Math.ceil(windowSeconds / 60)} minutes`,
        'username',
        { retryAfterSeconds: windowSeconds },
      );
    }
  }

  /** Exchanges a refresh token for a new pair. A token works once; reusing a spent one revokes them all. */
  async refresh(refreshToken: string): Promise<TokenPair> {
    const hash = sha256Hex(refreshToken);
    const outcome = await this.tx.run(async (em) => {
      const token = await em.findOne(RefreshTokenEntity, { where: { tokenHash: hash }, lock: { mode: 'pessimistic_write' } });
      if (!token) return { error: 'unknown' as const };
      if (token.revokedAt) {
        await em.update(RefreshTokenEntity, { userId: token.userId, revokedAt: IsNull() }, { revokedAt: () => 'now()' });
        return { error: 'reused' as const };
      }
      if (token.expiresAt.getTime() <= Date.now()) return { error: 'expired' as const };
      const user = await em.findOneBy(UserEntity, { id: token.userId });
      if (!user || !user.active) return { error: 'disabled' as const };
      await em.update(RefreshTokenEntity, { id: token.id }, { revokedAt: () => 'now()' });
      return { pair: await this.tokens.issue(em, user) };
    });
    if ('pair' in outcome && outcome.pair) return outcome.pair;
    throw new DomainError('INVALID_REFRESH_TOKEN', 'The refresh token is invalid, expired or already used; log in again', 'refreshToken');
  }

  async logout(refreshToken: string): Promise<void> {
    await this.tx.run((em) => em.update(RefreshTokenEntity, { tokenHash: sha256Hex(refreshToken) }, { revokedAt: () => 'now()' }));
  }

  /** Loads the account behind a verified token: disabled accounts and changed roles take effect at once. */
  async actorFor(claims: Actor): Promise<Actor> {
    const user = await this.users.findOneBy({ id: claims.id });
    if (!user) throw new DomainError('UNAUTHENTICATED', 'The account no longer exists');
    if (!user.active) throw new DomainError('ACCOUNT_DISABLED', 'This account is disabled');
    return { id: user.id, username: user.username, roles: user.roles };
  }

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
      await em.update(RefreshTokenEntity, { userId: user.id, revokedAt: IsNull() }, { revokedAt: () => 'now()' });
      await this.audit.record(em, { action: 'user.password.change', entityType: 'user', entityId: user.id });
    });
  }
}
