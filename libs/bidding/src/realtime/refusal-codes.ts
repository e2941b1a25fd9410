import { REJECTION_CODES, type RejectionCode } from '../domain/rejections';

/**
 * Every code a refusal on the `/auction` socket (`{ok: false, code, message, field?}`) can carry, by
 * where it comes from. README's list of socket codes is this list (test/bidding/socket-codes.e2e-spec.ts
 * compares them, and checks the gateway, the payload checks and the bidder paths of the service and
 * the engine return nothing else).
 */

/** The payload checks (payloads.ts): the message is refused before anything is read. */
export const PAYLOAD_REFUSAL_CODES = ['INVALID_PAYLOAD', 'INVALID_LOT_ID', 'INVALID_LAST_SEQ', 'INVALID_CLIENT_BID_ID', 'INVALID_PRICE', 'INVALID_AREA', 'INVALID_SHARE'] as const;

/** The gateway: the lot, the caller, the rate limit, and a fault the client should retry. */
export const GATEWAY_REFUSAL_CODES = ['LOT_NOT_FOUND', 'UNAUTHENTICATED', 'RATE_LIMITED', 'NOT_QUALIFIED', 'TRY_AGAIN'] as const;

/** The trading service, before the engine: trading not open, or the announcement's suspension / termination. */
export const SERVICE_REFUSAL_CODES = ['NOT_OPEN_YET', 'WRONG_PHASE', 'LOT_SUSPENDED', 'LOT_CLOSED'] as const;

/**
 * Who sees each engine rejection: a bidder over the socket, staff over HTTP (freeze, resume, increment,
 * the suspension), or nobody (the service answers it itself: the reserve check, the openings and the
 * lottery it runs). Typed as a record so a new engine code cannot be added without deciding.
 */
export const ENGINE_CODE_AUDIENCE: Readonly<Record<RejectionCode, 'bidder' | 'staff' | 'internal'>> = Object.freeze({
  LOT_CLOSED: 'bidder',
  LOT_FROZEN: 'bidder',
  LOT_SUSPENDED: 'bidder',
  NOT_OPEN_YET: 'bidder',
  PHASE_CLOSED: 'bidder',
  WRONG_PHASE: 'bidder',
  WRONG_MODE: 'bidder',
  NOT_APPLICABLE: 'bidder',
  WINDOW_OPEN: 'internal',
  NOT_QUALIFIED: 'bidder',
  NOT_ENTERED: 'bidder',
  ALREADY_ENTERED: 'bidder',
  ALREADY_LEADING: 'bidder',
  ALREADY_SUBMITTED: 'bidder',
  PRICE_TOO_LOW: 'bidder',
  NOT_MULTIPLE_OF_INCREMENT: 'bidder',
  JUMP_TOO_LARGE: 'bidder',
  ABOVE_CAP: 'bidder',
  QUIET_PERIOD: 'bidder',
  AREA_TOO_LOW: 'bidder',
  SHARE_TOO_LOW: 'bidder',
  NOT_MULTIPLE_OF_STEP: 'bidder',
  SHARE_ABOVE_100_PERCENT: 'bidder',
  OUT_OF_BAND: 'bidder',
  INVALID_CLIENT_BID_ID: 'bidder',
  REVEAL_MISSING: 'internal',
  REVEAL_MISMATCH: 'internal',
  REVEAL_UNKNOWN: 'internal',
  INVALID_COMMITMENT: 'internal',
  ALREADY_COMMITTED: 'internal',
  NO_SEED_COMMITMENT: 'internal',
  SEED_MISMATCH: 'internal',
  RESERVE_CHECK_REQUIRED: 'internal',
  REASON_REQUIRED: 'staff',
  SUPERVISOR_APPROVAL_REQUIRED: 'staff',
  RESUMPTION_NOTICE_TOO_SHORT: 'staff',
  NOT_FROZEN: 'staff',
  NOT_SUSPENDED: 'internal',
  INVALID_INCREMENT: 'staff',
  INCREMENT_EXCEEDS_CAP: 'staff',
});

/** The engine's rejections a bidder's command can meet. */
export const ENGINE_BIDDER_CODES: readonly RejectionCode[] = REJECTION_CODES.filter((code) => ENGINE_CODE_AUDIENCE[code] === 'bidder');

/** Every socket refusal code, sorted. */
export const SOCKET_REFUSAL_CODES: readonly string[] = Object.freeze(
  [...new Set<string>([...PAYLOAD_REFUSAL_CODES, ...GATEWAY_REFUSAL_CODES, ...SERVICE_REFUSAL_CODES, ...ENGINE_BIDDER_CODES])].sort(),
);
