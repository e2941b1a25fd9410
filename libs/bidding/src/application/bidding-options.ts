export const BIDDING_OPTIONS = Symbol('BIDDING_OPTIONS');

export interface BiddingOptions {
  /** 32-byte AES key for sealed bids and lottery seeds (the platform's RESERVE_ENCRYPTION_KEY). */
  readonly reserveKey: Buffer;
  /** How often each instance's clock looks for due lots, ms (default 100). 0 turns the clock off (tests drive it). */
  readonly clockIntervalMs: number;
  /** Most bids of one lot decided under one lock and committed together (default 200). */
  readonly batchMax: number;
  /** Per-bidder rate limit: sustained bids per second and burst (token bucket, per instance). */
  readonly bidRatePerSecond: number;
  readonly bidBurst: number;
}

export const BIDDING_DEFAULT_OPTIONS: Omit<BiddingOptions, 'reserveKey'> = {
  clockIntervalMs: 100,
  batchMax: 200,
  bidRatePerSecond: 5,
  bidBurst: 10,
};
