import { DomainError } from '@app/common/domain-error';

/**
 * What the engine answers when a command cannot be applied. These are *expected* outcomes of trading
 * (a bid too low, a phase over, a bidder not entered …), returned as values; only programming errors
 * (a malformed command, an inconsistent state) throw a {@link DomainError}.
 *
 * The codes are stable: the socket gateway passes them to the bidder's acknowledgement
 * (`{ ok: false, code, message }`, DESIGN.md §5) and the HTTP filter maps them to statuses.
 */
export const REJECTION_CODES = [
  // lot / phase
  'LOT_CLOSED',
  'LOT_FROZEN',
  'LOT_SUSPENDED',
  'NOT_OPEN_YET',
  'PHASE_CLOSED',
  'WRONG_PHASE',
  'WRONG_MODE',
  'NOT_APPLICABLE',
  'WINDOW_OPEN',
  // who
  'NOT_QUALIFIED',
  'NOT_ENTERED',
  'ALREADY_ENTERED',
  'ALREADY_LEADING',
  'ALREADY_SUBMITTED',
  // prices, areas, shares
  'PRICE_TOO_LOW',
  'NOT_MULTIPLE_OF_INCREMENT',
  'JUMP_TOO_LARGE',
  'ABOVE_CAP',
  'QUIET_PERIOD',
  'AREA_TOO_LOW',
  'SHARE_TOO_LOW',
  'NOT_MULTIPLE_OF_STEP',
  'SHARE_ABOVE_100_PERCENT',
  'OUT_OF_BAND',
  'INVALID_CLIENT_BID_ID',
  // sealed values and the lottery
  'REVEAL_MISSING',
  'REVEAL_MISMATCH',
  'REVEAL_UNKNOWN',
  'INVALID_COMMITMENT',
  'ALREADY_COMMITTED',
  'NO_SEED_COMMITMENT',
  'SEED_MISMATCH',
  // the reserve (see engine.ts: the engine never holds the value)
  'RESERVE_CHECK_REQUIRED',
  // staff actions
  'REASON_REQUIRED',
  'SUPERVISOR_APPROVAL_REQUIRED',
  'RESUMPTION_NOTICE_TOO_SHORT',
  'NOT_FROZEN',
  'NOT_SUSPENDED',
  'INVALID_INCREMENT',
  'INCREMENT_EXCEEDS_CAP',
] as const;
export type RejectionCode = (typeof REJECTION_CODES)[number];

export interface Rejection {
  readonly code: RejectionCode;
  readonly message: string;
  /** The input to blame (`price`, `area`, `reveals[2]` …) when there is one. */
  readonly field?: string;
}

export interface Rejected {
  readonly rejection: Rejection;
}

export function rejection(code: RejectionCode, message: string, field?: string): Rejection {
  return field === undefined ? { code, message } : { code, message, field };
}

export function reject(code: RejectionCode, message: string, field?: string): Rejected {
  return { rejection: rejection(code, message, field) };
}

/**
 * A bidder number (号牌) as issued by the qualification context: "007". The engine knows bidders only by
 * these numbers; identities never enter it. 1–32 characters of `[A-Za-z0-9-]` (no `|` or `,`, which
 * the commitment and draw formats use as separators).
 */
export type BidderNumber = string;

const BIDDER_NUMBER = /^[A-Za-z0-9-]{1,32}$/;

export function isValidBidderNumber(value: unknown): value is BidderNumber {
  return typeof value === 'string' && BIDDER_NUMBER.test(value);
}

/** Programming error: the service passed something that is not a bidder number. */
export function assertBidderNumber(value: unknown, field = 'bidderNumber'): asserts value is BidderNumber {
  if (!isValidBidderNumber(value)) {
    throw new DomainError('INVALID_BIDDER_NUMBER', 'a bidder number is 1–32 characters of A–Z, a–z, 0–9 and "-"', field);
  }
}

/** Programming error: `now` and every instant handed to the engine must be a valid Date. */
export function assertInstant(value: unknown, field: string): asserts value is Date {
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) {
    throw new DomainError('INVALID_INSTANT', `${field} must be a valid Date`, field);
  }
}
