import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { createHash, randomBytes } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { DomainError } from '@app/common';
import { AuthSessionEntity } from '../persistence/auth-session.entity';
import { RefreshTokenEntity } from '../persistence/refresh-token.entity';
import type { UserEntity } from '../persistence/user.entity';
import { AUTH_OPTIONS, type AuthOptions } from './auth-options';

export interface TokenPair {
  accessToken: string;
  tokenType: 'Bearer';
  expiresIn: number;
  refreshToken: string;
  refreshExpiresIn: number;
}

/** What an access token says. `username` and `roles` are for the client's display only: the server reads both from the database. */
interface AccessClaims {
  sub: string;
  sid: string;
  username: string;
  roles: string[];
  typ: 'access';
  iat?: number;
  exp?: number;
}

/** A verified access token: whose it is and which login (session) it belongs to; nothing it says about roles. */
export interface VerifiedAccess {
  readonly userId: string;
  readonly sessionId: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Clocks of instances may differ a little; a token may not claim a lifetime longer than configured beyond this. */
const LIFETIME_SLACK_SECONDS = 60;

export function sha256Hex(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

@Injectable()
export class TokenService {
  constructor(
    private readonly jwt: JwtService,
    @Inject(AUTH_OPTIONS) private readonly options: AuthOptions,
  ) {}

  /**
   * Issues an access and a refresh token. Without `sessionId` this is a new login and starts a session;
   * a refresh passes the session it continues.
   */
  async issue(em: EntityManager, user: UserEntity, sessionId?: string): Promise<TokenPair> {
    const sid = sessionId ?? (await em.save(em.create(AuthSessionEntity, { userId: user.id, revokedAt: null, revokedReason: null }))).id;
    const claims: AccessClaims = { sub: user.id, sid, username: user.username, roles: user.roles, typ: 'access' };
    const accessToken = await this.jwt.signAsync(claims, { expiresIn: this.options.accessTtlSeconds });
    const refreshToken = randomBytes(32).toString('base64url');
    await em.insert(RefreshTokenEntity, {
      userId: user.id,
      sessionId: sid,
      tokenHash: sha256Hex(refreshToken),
      expiresAt: new Date(Date.now() + this.options.refreshTtlSeconds * 1000),
      revokedAt: null,
    });
    return {
      accessToken,
      tokenType: 'Bearer',
      expiresIn: this.options.accessTtlSeconds,
      refreshToken,
      refreshExpiresIn: this.options.refreshTtlSeconds,
    };
  }

  /**
   * Verifies an access token's signature, type and lifetime. A token without `exp` (or `iat`), claiming a
   * longer life than configured, or without a session id is refused. The caller still checks the account
   * and the session against the database ({@link AuthService.actorFor}).
   */
  async verifyAccess(token: string): Promise<VerifiedAccess> {
    let claims: Partial<AccessClaims>;
    try {
      claims = await this.jwt.verifyAsync<AccessClaims>(token);
    } catch (e) {
      const expired = e instanceof Error && e.name === 'TokenExpiredError';
      throw new DomainError(expired ? 'TOKEN_EXPIRED' : 'UNAUTHENTICATED', expired ? 'The access token has expired; refresh it' : 'The access token is invalid');
    }
    const nowSeconds = Date.now() / 1000;
    const lifetimeOk =
      typeof claims.exp === 'number' &&
      typeof claims.iat === 'number' &&
      claims.iat <= nowSeconds + LIFETIME_SLACK_SECONDS &&
      claims.exp - claims.iat <= this.options.accessTtlSeconds + LIFETIME_SLACK_SECONDS;
    if (claims.typ !== 'access' || !lifetimeOk || typeof claims.sub !== 'string' || !UUID.test(claims.sub) || typeof claims.sid !== 'string' || !UUID.test(claims.sid)) {
      throw new DomainError('UNAUTHENTICATED', 'The access token is invalid');
    }
    return { userId: claims.sub, sessionId: claims.sid };
  }
}
