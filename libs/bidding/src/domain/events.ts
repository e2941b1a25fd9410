import type { Area } from '@app/money/area';
import type { Money } from '@app/money/money';
import type { Ratio } from '@app/money/ratio';
import type { CapMode } from '@app/listing/domain/lot-terms';
import type { LotPhase } from '@app/listing/domain/lot-phase';
import type { BidderNumber } from './rejections';
import type { PriceRoundPhase, UnsoldReason } from './trading-state';

/**
 * The events the engine emits, in the order they happen (DESIGN.md §5). The service gives each the
 * lot's next `seq`, stores it in `lot_event`, links it into the hash chain (hash-chain.ts) and
 * broadcasts it with `seq` and `serverTime`.
 *
 * - `at` is the engine's `now` for the decision that produced the event (the database clock).
 * - Bidders appear only as bidder numbers (号牌); no event holds an identity, the reserve, or a
 *   sealed price before its opening (a sealed value appears as a salted commitment).
 * - Every field is JSON-safe: Money / Area / Ratio serialise as fixed-place strings, Dates as ISO 8601.
 */
interface Base {
  readonly at: Date;
}

/** An accepted price bid (auction round, listing quote, timed round). `deadline` is the phase's deadline after it. */
export interface BidAcceptedEvent extends Base {
  readonly type: 'bid:accepted';
  readonly phase: PriceRoundPhase;
  readonly price: Money;
  readonly bidderNumber: BidderNumber;
  readonly deadline: Date;
}

export interface PhaseChangedEvent extends Base {
  readonly type: 'phase:changed';
  readonly from: LotPhase;
  readonly to: LotPhase;
  /** The new phase's deadline, when it has one. */
  readonly deadline?: Date;
  /** When the new phase starts taking bids (timed round after its preparation gap; tender opening). */
  readonly opensAt?: Date;
  /** The lowest first bid of the timed round. */
  readonly startPrice?: Money;
  /** A freeze's or a suspension's reason. */
  readonly reason?: string;
}

/** The deadline moved when trading resumed, by the time it stood still: a freeze's or a suspension's (`frozenMs`). */
export interface DeadlineExtendedEvent extends Base {
  readonly type: 'deadline:extended';
  readonly previous: Date;
  readonly deadline: Date;
  readonly frozenMs: number;
}

/** A countdown crossed one of its warning marks; `secondsLeft` is the mark (60, 30, 10). */
export interface CountdownWarningEvent extends Base {
  readonly type: 'countdown:warning';
  readonly secondsLeft: number;
  readonly deadline: Date;
}

export interface IncrementChangedEvent extends Base {
  readonly type: 'increment:changed';
  readonly previous: Money;
  readonly increment: Money;
  readonly reason: string;
}

/** Price bidding stopped at the cap; the announced cap mode takes over. */
export interface CapReachedEvent extends Base {
  readonly type: 'cap:reached';
  readonly mode: CapMode;
  /** The land price from now on. */
  readonly price: Money;
  readonly priceLeaderNumber: BidderNumber;
  /** End of the cap round's countdown, or of the lottery / sealed-price window. */
  readonly deadline: Date;
  readonly startArea?: Area;
  readonly startShare?: Ratio;
}

/** 竞配建: an accepted area bid. */
export interface AreaAcceptedEvent extends Base {
  readonly type: 'area:accepted';
  readonly area: Area;
  readonly bidderNumber: BidderNumber;
  readonly deadline: Date;
}

/** 竞自持: an accepted share bid (a 4-place ratio, 0.1500 = 15%). */
export interface ShareAcceptedEvent extends Base {
  readonly type: 'share:accepted';
  readonly share: Ratio;
  readonly bidderNumber: BidderNumber;
  readonly deadline: Date;
}

export interface OptInAcceptedEvent extends Base {
  readonly type: 'opt_in:accepted';
  readonly purpose: 'timed_round' | 'lottery';
  readonly bidderNumber: BidderNumber;
}

export interface LotteryCommittedEvent extends Base {
  readonly type: 'lottery:committed';
  /** hex sha256 of the 32-byte seed (cap-modes.ts). */
  readonly commitment: string;
}

/** The lottery window closed: the published, sorted list of entrants the draw uses. */
export interface LotteryEntrantsEvent extends Base {
  readonly type: 'lottery:entrants';
  readonly entrants: readonly BidderNumber[];
}

/** The draw, with everything needed to recompute it: `drawWinner(seedHex, entrants) === index`. */
export interface LotteryDrawnEvent extends Base {
  readonly type: 'lottery:drawn';
  readonly seedHex: string;
  readonly commitment: string;
  readonly entrants: readonly BidderNumber[];
  readonly index: number;
  readonly winnerNumber: BidderNumber;
}

export interface SealedReceivedEvent extends Base {
  readonly type: 'sealed:received';
  readonly bidderNumber: BidderNumber;
  readonly commitment: string;
}

export interface SealedWindowClosedEvent extends Base {
  readonly type: 'sealed:window_closed';
  readonly count: number;
}

export interface OpenedSealedValue {
  readonly bidderNumber: BidderNumber;
  readonly price: Money;
  readonly saltHex: string;
  readonly commitment: string;
}

/** The opening: every sealed value with its salt, so anyone can check each against its commitment. */
export interface SealedOpenedEvent extends Base {
  readonly type: 'sealed:opened';
  readonly bids: readonly OpenedSealedValue[];
  /** One sealed price: the average of all valid prices, rounded half up to the fen (display; the winner is found exactly). */
  readonly average?: Money;
}

export interface LotClosedEvent extends Base {
  readonly type: 'lot:closed';
  readonly outcome: 'sold' | 'unsold';
  readonly reason?: UnsoldReason;
  readonly price?: Money;
  readonly winnerNumber?: BidderNumber;
  /** 竞配建: the area the winner builds and hands over. */
  readonly area?: Area;
  /** 竞自持: the share the winner keeps for rent. */
  readonly share?: Ratio;
}

export type EngineEvent =
  | BidAcceptedEvent
  | PhaseChangedEvent
  | DeadlineExtendedEvent
  | CountdownWarningEvent
  | IncrementChangedEvent
  | CapReachedEvent
  | AreaAcceptedEvent
  | ShareAcceptedEvent
  | OptInAcceptedEvent
  | LotteryCommittedEvent
  | LotteryEntrantsEvent
  | LotteryDrawnEvent
  | SealedReceivedEvent
  | SealedWindowClosedEvent
  | SealedOpenedEvent
  | LotClosedEvent;

export type EngineEventType = EngineEvent['type'];

export const ENGINE_EVENT_TYPES: readonly EngineEventType[] = Object.freeze([
  'bid:accepted',
  'phase:changed',
  'deadline:extended',
  'countdown:warning',
  'increment:changed',
  'cap:reached',
  'area:accepted',
  'share:accepted',
  'opt_in:accepted',
  'lottery:committed',
  'lottery:entrants',
  'lottery:drawn',
  'sealed:received',
  'sealed:window_closed',
  'sealed:opened',
  'lot:closed',
]);
