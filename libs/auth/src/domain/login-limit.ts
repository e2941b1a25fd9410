/**
 * Who may try a password now (the login rate limit). A limit keyed on the username alone lets anyone
 * lock anyone out by guessing wrong five times, so the hard limit is keyed on the username *and* the
 * client (its remote address). Many clients guessing one username together meet a slower, global
 * back-off instead: once the username has collected enough failures from everywhere, a client that has
 * itself failed on it must wait longer and longer between tries. A client with no failures on the
 * username is never refused by either rule, so the real owner typing the right password from a clean
 * device always gets in, however many others are guessing.
 */
export interface LoginLimits {
  /** Failures of one username from one client within the window before that client is refused. */
  readonly maxFailures: number;
  readonly windowSeconds: number;
  /** Failures from one client across all usernames before it is refused (an office behind one NAT tries several accounts). */
  readonly clientMaxFailures: number;
  /** Failures of one username from all clients within the window before the global back-off starts. */
  readonly backoffAfterFailures: number;
  /** First back-off delay; it doubles with each further failure of the username. */
  readonly backoffBaseSeconds: number;
  readonly backoffMaxSeconds: number;
}

/** Failures recorded within the window, as the limit sees them; ages are seconds before now. */
export interface LoginFailureCounts {
  /** Of this username from this client. */
  readonly byPair: number;
  /** From this client, any username. */
  readonly byClient: number;
  /** Of this username, any client. */
  readonly byUsername: number;
  readonly pairOldestAgeSeconds: number | null;
  readonly pairLatestAgeSeconds: number | null;
  readonly clientOldestAgeSeconds: number | null;
}

export type LoginVerdict = { readonly allowed: true } | { readonly allowed: false; readonly rule: 'client' | 'address' | 'backoff'; readonly retryAfterSeconds: number };

/** The global back-off's delay for a username with `failures` recent failures (0 below the threshold). */
export function backoffDelaySeconds(failures: number, limits: LoginLimits): number {
  if (failures < limits.backoffAfterFailures) return 0;
  const doublings = Math.min(failures - limits.backoffAfterFailures, 40);
  return Math.min(limits.backoffMaxSeconds, limits.backoffBaseSeconds * 2 ** doublings);
}

export function loginVerdict(c: LoginFailureCounts, limits: LoginLimits): LoginVerdict {
  const untilExpired = (age: number | null) => Math.max(1, Math.ceil(limits.windowSeconds - (age ?? 0)));
  if (c.byPair >= limits.maxFailures) return { allowed: false, rule: 'client', retryAfterSeconds: untilExpired(c.pairOldestAgeSeconds) };
  if (c.byClient >= limits.clientMaxFailures) return { allowed: false, rule: 'address', retryAfterSeconds: untilExpired(c.clientOldestAgeSeconds) };
  // The back-off only ever holds back a client that has failed on this username itself.
  if (c.byPair > 0) {
    const delay = backoffDelaySeconds(c.byUsername, limits);
    const waited = c.pairLatestAgeSeconds ?? 0;
    if (delay > waited) return { allowed: false, rule: 'backoff', retryAfterSeconds: Math.max(1, Math.ceil(delay - waited)) };
  }
  return { allowed: true };
}
