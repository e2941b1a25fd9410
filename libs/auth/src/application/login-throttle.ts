import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DomainError } from '@app/common';
import { TransactionRunner } from '@app/database';
import { loginVerdict, type LoginLimits } from '../domain/login-limit';
import { AUTH_OPTIONS, type AuthOptions } from './auth-options';

/** Advisory lock classes (two-key form) that serialize login attempts per username and per client. */
const LOCK_USERNAME = 7_300_701;
const LOCK_CLIENT = 7_300_702;

interface CountsRow {
  by_pair: number;
  by_client: number;
  by_username: number;
  pair_oldest: number | null;
  pair_latest: number | null;
  client_oldest: number | null;
}

/**
 * The login rate limit on the database, so it holds across instances (rules in domain/login-limit.ts).
 * An attempt is counted *before* the password is checked: {@link claim} decides and records it as a
 * failure under a lock on the username and the client, and a right password clears it again. So a
 * hundred guesses sent at once are counted like a hundred sent one after another.
 */
@Injectable()
export class LoginThrottle {
  private readonly limits: LoginLimits;

  constructor(
    private readonly tx: TransactionRunner,
    @Inject(AUTH_OPTIONS) options: AuthOptions,
  ) {
    this.limits = {
      maxFailures: options.loginMaxFailures,
      windowSeconds: options.loginFailureWindowSeconds,
      clientMaxFailures: options.loginMaxFailures * 4,
      backoffAfterFailures: options.loginBackoffAfterFailures,
      backoffBaseSeconds: options.loginBackoffBaseSeconds,
      backoffMaxSeconds: options.loginBackoffMaxSeconds,
    };
  }

  /** Refuses with 429 LOGIN_RATE_LIMITED (and Retry-After) when this client may not try now; otherwise records the attempt as a failure. */
  async claim(username: string, client: string): Promise<void> {
    await this.tx.run(async (em) => {
      await em.query('SELECT pg_advisory_xact_lock($1::int, hashtext($2)), pg_advisory_xact_lock($3::int, hashtext($4))', [LOCK_USERNAME, username, LOCK_CLIENT, client]);
      const [c] = (await em.query(
        `WITH f AS (
           SELECT username, ip, extract(epoch FROM clock_timestamp() - at)::float8 AS age
             FROM login_failure
            WHERE (username = $1 OR ip = $2) AND at > clock_timestamp() - make_interval(secs => $3))
         SELECT count(*) FILTER (WHERE username = $1 AND ip = $2)::int AS by_pair,
                count(*) FILTER (WHERE ip = $2)::int AS by_client,
                count(*) FILTER (WHERE username = $1)::int AS by_username,
                max(age) FILTER (WHERE username = $1 AND ip = $2) AS pair_oldest,
                min(age) FILTER (WHERE username = $1 AND ip = $2) AS pair_latest,
                max(age) FILTER (WHERE ip = $2) AS client_oldest
           FROM f`,
        [username, client, this.limits.windowSeconds],
      )) as CountsRow[];
      const verdict = loginVerdict(
        {
          byPair: c.by_pair,
          byClient: c.by_client,
          byUsername: c.by_username,
          pairOldestAgeSeconds: c.pair_oldest,
          pairLatestAgeSeconds: c.pair_latest,
          clientOldestAgeSeconds: c.client_oldest,
        },
        this.limits,
      );
      if (!verdict.allowed) {
        const wait = verdict.retryAfterSeconds >= 120 ? `${Math.ceil(verdict.retryAfterSeconds / 60)} minutes` : `${verdict.retryAfterSeconds} seconds`;
        const what = verdict.rule === 'address' ? 'from your address' : 'for this username from your address';
        throw new DomainError('LOGIN_RATE_LIMITED', `Too many failed logins ${what}; try again in ${wait}`, 'username', { retryAfterSeconds: verdict.retryAfterSeconds });
      }
      await em.query('INSERT INTO login_failure (username, ip) VALUES ($1, $2)', [username, client]);
    });
  }

  /** The right password: this client's failures on the username are forgiven (other clients' stay). */
  async succeeded(em: EntityManager, username: string, client: string): Promise<void> {
    await em.query('DELETE FROM login_failure WHERE username = $1 AND ip = $2', [username, client]);
  }
}
