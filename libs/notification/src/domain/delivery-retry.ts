/**
 * When an outbound delivery (email, SMS) that failed is tried again. A gateway that is down must not
 * be hammered, and a message must not be retried forever: attempt n waits `baseSeconds × 2^(n−1)`
 * (capped at `maxDelaySeconds`), and after `maxAttempts` attempts the delivery is given up as failed.
 */
export interface RetryPolicy {
  readonly maxAttempts: number;
  readonly baseSeconds: number;
  readonly maxDelaySeconds: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = Object.freeze({ maxAttempts: 5, baseSeconds: 60, maxDelaySeconds: 6 * 3600 });

export type RetryDecision = { readonly retry: true; readonly delaySeconds: number } | { readonly retry: false };

/** After the `attempts`-th failed attempt (1 for the first): wait and retry, or give up. */
export function afterFailure(attempts: number, policy: RetryPolicy = DEFAULT_RETRY_POLICY): RetryDecision {
  if (!Number.isInteger(attempts) || attempts < 1) throw new RangeError(`attempts must be a whole number ≥ 1, got ${attempts}`);
  if (attempts >= policy.maxAttempts) return { retry: false };
  const delay = policy.baseSeconds * 2 ** (attempts - 1);
  return { retry: true, delaySeconds: Math.min(delay, policy.maxDelaySeconds) };
}
