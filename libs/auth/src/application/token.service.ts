import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { createHash, randomBytes } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { DomainError, type Actor } from '@app/common';
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

interface AccessClaims {
  sub: string;
  username: string;
  roles: string[];
  typ: 'access';
}

export function sha256Hex(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

@Injectable()
export class TokenService {
  constructor(
    private readonly jwt: JwtService,
    @Inject(AUTH_OPTIONS) private readonly options: AuthOptions,
  ) {}

  async issue(em: EntityManager, user: UserEntity): Promise<TokenPair> {
    const claims: AccessClaims = { sub: user.id, username: user.username, roles: user.roles, typ: 'access' };
    const accessToken = await this.jwt.signAsync(claims, { expiresIn: this.options.accessTtlSeconds });
    const refreshToken = randomBytes(32).toString('base64url');
    await em.insert(RefreshTokenEntity, {
      userId: user.id,
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

  /** Verifies an access token's signature and expiry; the caller still checks the account is active. */
  async verifyAccess(token: string): Promise<Actor> {
    let claims: Partial<AccessClaims>;
    try {
      claims = await this.jwt.verifyAsync<AccessClaims>(token);
    } catch (e) {
      const expired = e instanceof Error && e.name === 'TokenExpiredError';
      throw new DomainError(expired ? 'TOKEN_EXPIRED' : 'UNAUTHENTICATED', expired ? 'The access token has expired; refresh it' : 'The access token is invalid');
    }
    if (claims.typ !== 'access' || typeof claims.sub !== 'string' || typeof claims.username !== 'string' || !Array.isArray(claims.roles)) {
      throw new DomainError('UNAUTHENTICATED', 'The access token is invalid');
    }
    return { id: claims.sub, username: claims.username, roles: claims.roles };
  }
}
