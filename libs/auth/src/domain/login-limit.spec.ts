import { backoffDelaySeconds, loginVerdict, type LoginFailureCounts, type LoginLimits } from './login-limit';

const LIMITS: LoginLimits = { maxFailures: 5, windowSeconds: 900, clientMaxFailures: 20, backoffAfterFailures: 20, backoffBaseSeconds: 1, backoffMaxSeconds: 900 };
const clean: LoginFailureCounts = { byPair: 0, byClient: 0, byUsername: 0, pairOldestAgeSeconds: null, pairLatestAgeSeconds: null, clientOldestAgeSeconds: null };

describe('the login limit', () => {
  it('refuses a client that failed maxFailures times on the username, until its oldest failure leaves the window', () => {
    const v = loginVerdict({ ...clean, byPair: 5, byClient: 5, byUsername: 5, pairOldestAgeSeconds: 100, pairLatestAgeSeconds: 10, clientOldestAgeSeconds: 100 }, LIMITS);
    expect(v).toEqual({ allowed: false, rule: 'client', retryAfterSeconds: 800 });
  });

  it('lets another client in while one client is over its limit on the username', () => {
    expect(loginVerdict({ ...clean, byUsername: 5 }, LIMITS)).toEqual({ allowed: true });
  });

  it('refuses a client that failed on many usernames (address limit)', () => {
    expect(loginVerdict({ ...clean, byClient: 20, clientOldestAgeSeconds: 0 }, LIMITS)).toMatchObject({ allowed: false, rule: 'address', retryAfterSeconds: 900 });
  });

  it('the back-off starts at the threshold, doubles per failure and stops at its maximum', () => {
    expect(backoffDelaySeconds(19, LIMITS)).toBe(0);
    expect(backoffDelaySeconds(20, LIMITS)).toBe(1);
    expect(backoffDelaySeconds(23, LIMITS)).toBe(8);
    expect(backoffDelaySeconds(10_000, LIMITS)).toBe(900);
  });

  it('under the back-off a client that failed must wait the delay since its last failure', () => {
    const c = { ...clean, byPair: 1, byClient: 1, byUsername: 23, pairOldestAgeSeconds: 3, pairLatestAgeSeconds: 3, clientOldestAgeSeconds: 3 };
    expect(loginVerdict(c, LIMITS)).toEqual({ allowed: false, rule: 'backoff', retryAfterSeconds: 5 });
    expect(loginVerdict({ ...c, pairLatestAgeSeconds: 8 }, LIMITS)).toEqual({ allowed: true });
  });

  it('never refuses a client with no failures, however many failures the username has', () => {
    for (const byUsername of [0, 4, 5, 19, 20, 21, 50, 1_000, 1_000_000]) {
      for (const byClient of [0, 1, 19]) {
        expect(loginVerdict({ ...clean, byUsername, byClient, clientOldestAgeSeconds: byClient ? 1 : null }, LIMITS)).toEqual({ allowed: true });
      }
    }
  });
});
