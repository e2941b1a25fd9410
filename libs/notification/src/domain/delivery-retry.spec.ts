import { afterFailure, DEFAULT_RETRY_POLICY } from './delivery-retry';

describe('delivery retries', () => {
  it('doubles the wait after each failure, starting from the base', () => {
    const policy = { maxAttempts: 6, baseSeconds: 30, maxDelaySeconds: 10_000 };
    expect([1, 2, 3, 4, 5].map((n) => afterFailure(n, policy))).toEqual([30, 60, 120, 240, 480].map((delaySeconds) => ({ retry: true, delaySeconds })));
  });

  it('never waits longer than the cap', () => {
    expect(afterFailure(20, { maxAttempts: 50, baseSeconds: 60, maxDelaySeconds: 3600 })).toEqual({ retry: true, delaySeconds: 3600 });
  });

  it('gives up once the last allowed attempt has failed', () => {
    expect(afterFailure(DEFAULT_RETRY_POLICY.maxAttempts)).toEqual({ retry: false });
    expect(afterFailure(DEFAULT_RETRY_POLICY.maxAttempts + 3)).toEqual({ retry: false });
    expect(afterFailure(1, { ...DEFAULT_RETRY_POLICY, maxAttempts: 1 })).toEqual({ retry: false });
  });

  it('refuses an attempt count that is not a whole number from 1', () => {
    expect(() => afterFailure(0)).toThrow(RangeError);
    expect(() => afterFailure(1.5)).toThrow(RangeError);
  });
});
