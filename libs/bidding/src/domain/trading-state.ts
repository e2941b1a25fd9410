import { DomainError } from '@app/common/domain-error';
import { Area } from '@app/money/area';
import { Money } from '@app/money/money';
import { Ratio } from '@app/money/ratio';
import { resolveListingSettings, type ListingSettingsOverrides } from '@app/listing/domain/listing-settings';
import { isClosedPhase, type LotPhase } from '@app/listing/domain/lot-phase';
import {
  effectiveCountdowns,
  effectiveMinBidders,
  validateLotTerms,
  type CapMode,
  type LotTerms,
} from '@app/listing/domain/lot-terms';
import { assertBidderNumber, assertInstant, type BidderNumber } from './rejections';

/**
 * The trading state of one lot: everything the pure engine ({@link decide} in engine.ts) needs to judge
 * the next command, and nothing secret.
 *
 * - **No reserve.** Only the public fact `terms.hasReserve`. The value stays sealed with the listing
 *   context until the close; the commands that can close a lot carry a `reserveMet(price)` predicate
 *   instead (see engine.ts).
 * - **No sealed prices.** Tender bids and one-sealed-price submissions are kept as salted SHA-256
 *   commitments until the opening (tender.ts).
 * - **No seq and no hash.** The service numbers the events when it stores them and chains them
 *   (hash-chain.ts); the engine only returns events in order.
 * - **No identities.** Bidders are bidder numbers (号牌).
 *
 * The state is an immutable value: the engine never mutates it and returns a new one.
 */

/** The parts of {@link LotTerms} that trading uses (the type is reused, not redefined). */
export type TradingTerms = Pick<
  LotTerms,
  | 'method'
  | 'startPrice'
  | 'increment'
  | 'incrementPolicy'
  | 'maxJumpIncrements'
  | 'hasReserve'
  | 'priceCap'
  | 'capRule'
  | 'timedFinalRound'
  | 'evaluation'
>;

/** Engine settings not in the listing settings (DOMAIN.md gives the rule, not a field on the lot). */
export interface BiddingSettings {
  /** Fewest sealed bids a tender needs to be opened and awarded ("fewer than 3 bids means no sale"). */
  readonly minTenderBids: number;
  /** How long bidders at the cap have to submit their one sealed price (一次报价), minutes. */
  readonly oneSealedPriceWindowMinutes: number;
}

export const BIDDING_DEFAULTS: BiddingSettings = Object.freeze({
  minTenderBids: 3,
  oneSealedPriceWindowMinutes: 30,
});

/** The numbers a lot trades with, resolved once when its trading state is created. */
export interface TradingRules {
  /** Auction rounds (default 60 s). */
  readonly countdownSeconds: number;
  /** The listing's timed final round (default 240 s). */
  readonly timedRoundSeconds: number;
  /** 竞配建 / 竞自持 rounds: the cap rule's own countdown, else the round the lot came from. */
  readonly capRoundSeconds: number;
  readonly warningSeconds: readonly number[];
  readonly timedRoundWarningSeconds: readonly number[];
  /** Fewest qualified bidders for a sale (per method). */
  readonly minBidders: number;
  readonly minTenderBids: number;
  /** No quotes in the last N minutes of the listing (0 = off). */
  readonly quietMinutes: number;
  readonly oneSealedPriceWindowMinutes: number;
  /** Passed to the lot state machine for freeze and resume. */
  readonly protectedFinalMinutes: number;
  readonly freezeDirectResumeMinutes: number;
  readonly freezeResumptionNoticeHours: number;
}

/** The highest price bid so far in the running round. */
export interface PriceLead {
  readonly price: Money;
  readonly bidderNumber: BidderNumber;
  readonly at: Date;
}

export interface FrozenInfo {
  /** The phase the freeze interrupted (and returns to). */
  readonly from: LotPhase;
  readonly at: Date;
  readonly reason: string;
}

/** The announcement's suspension (中止) of a lot in trading (suspension.ts). */
export interface SuspendedInfo {
  /** The phase the suspension interrupted (a trading phase, or frozen), to which it returns. */
  readonly from: LotPhase;
  readonly at: Date;
  readonly reason: string;
  /** Once the resumption is announced: the clock resumes trading at its first tick from then. */
  readonly resumesAt?: Date;
}

/** A sealed value as the engine keeps it: who, the commitment, when. Never the price. */
export interface SealedEntry {
  readonly bidderNumber: BidderNumber;
  readonly commitment: string;
  readonly at: Date;
}

export interface AreaLead {
  readonly area: Area;
  readonly bidderNumber: BidderNumber;
  readonly at: Date;
}

export interface ShareLead {
  readonly share: Ratio;
  readonly bidderNumber: BidderNumber;
  readonly at: Date;
}

export type PriceRoundPhase = 'listing' | 'timed_round' | 'auction_round';

interface CapRoundBase {
  /** The land price of the cap round: the price at which price bidding stopped (normally the cap). */
  readonly price: Money;
  /** Whose bid stopped price bidding; bound by it (see cap-modes.ts). */
  readonly priceLeader: BidderNumber;
  readonly from: PriceRoundPhase;
  /** Who may take part: the qualified bidders, or the entrants of an opt-in timed round. */
  readonly eligible: readonly BidderNumber[];
}

export type CapRoundState =
  | (CapRoundBase & { readonly mode: 'build_in_area'; readonly lead: AreaLead })
  | (CapRoundBase & { readonly mode: 'self_held_share'; readonly lead: ShareLead })
  | (CapRoundBase & { readonly mode: 'lottery'; readonly entrants: readonly BidderNumber[]; readonly windowClosed: boolean })
  | (CapRoundBase & { readonly mode: 'one_sealed_price'; readonly submissions: readonly SealedEntry[]; readonly windowClosed: boolean });

export const UNSOLD_REASONS = ['NO_BIDS', 'RESERVE_NOT_MET', 'TOO_FEW_BIDDERS', 'TOO_FEW_BIDS'] as const;
export type UnsoldReason = (typeof UNSOLD_REASONS)[number];

export interface LotOutcome {
  readonly outcome: 'sold' | 'unsold';
  readonly reason?: UnsoldReason;
  readonly price?: Money;
  readonly winnerNumber?: BidderNumber;
  readonly area?: Area;
  readonly share?: Ratio;
  readonly at: Date;
}

export interface LotTradingState {
  readonly lotId: string;
  readonly terms: TradingTerms;
  readonly rules: TradingRules;
  readonly phase: LotPhase;
  /** Set while `phase` is `frozen` (and kept while a frozen lot is suspended). */
  readonly frozen?: FrozenInfo;
  /** Set while `phase` is `suspended`. */
  readonly suspended?: SuspendedInfo;
  /**
   * When the next thing opens: trading itself (phase `applying`), the timed round after its preparation
   * gap (phase `timed_round`). Undefined otherwise.
   */
  readonly opensAt?: Date;
  /** The listing end or tender submission deadline, kept until trading opens (phase `applying`). */
  readonly endsAt?: Date;
  /**
   * The last instant at which a bid, quote, opt-in or sealed value is accepted (`now <= deadline`);
   * the phase ends at the first tick after it. Undefined before trading and while awaiting an opening.
   */
  readonly deadline?: Date;
  /** Tender: the public opening (not before). */
  readonly openingAt?: Date;
  /** The increment in force (staff may change it during trading). */
  readonly increment?: Money;
  /** The lowest first bid of the running round: the start price, or the timed round's start. */
  readonly roundStartPrice: Money;
  /** The running round's highest bid (current price and leader). */
  readonly lead?: PriceLead;
  /** Timed round started at listing high + one increment: the listing leader, who wins if nobody bids. */
  readonly fallbackLead?: PriceLead;
  /** The listing's quotes so far, in order (quotes cannot be withdrawn). */
  readonly quotes: readonly PriceLead[];
  /** Qualified bidders, sorted. */
  readonly qualified: readonly BidderNumber[];
  /** Bidders who opted in to the timed final round before the listing end, sorted. */
  readonly timedRoundOptIns: readonly BidderNumber[];
  /** The smallest countdown warning already announced for the current deadline. */
  readonly lastWarningSeconds?: number;
  readonly capRound?: CapRoundState;
  /** Tender: the commitments received. */
  readonly sealedBids: readonly SealedEntry[];
  /** Lottery cap mode: sha256 of the draw seed, published before the window closes. */
  readonly lotteryCommitment?: string;
  readonly outcome?: LotOutcome;
}

export interface CreateTradingStateInput {
  readonly lotId: string;
  readonly terms: LotTerms;
  /** The region's / lot's overrides of LISTING_DEFAULTS. */
  readonly settings?: ListingSettingsOverrides;
  readonly bidding?: Partial<BiddingSettings>;
  /** Listing start, auction start, or the tender's submission start. */
  readonly opensAt: Date;
  /** Listing end (listing) or submission deadline (tender); not for an auction. */
  readonly endsAt?: Date;
  /** Tender: the public opening; default the submission deadline. */
  readonly openingAt?: Date;
  readonly qualified?: readonly BidderNumber[];
}

const LOT_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;

function wholeAtLeast(value: unknown, min: number): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= min;
}

/** Adds a number to a sorted, duplicate-free list of bidder numbers. */
export function withBidder(list: readonly BidderNumber[], bidder: BidderNumber): readonly BidderNumber[] {
  if (list.includes(bidder)) return list;
  return [...list, bidder].sort();
}

/**
 * The state of a lot before trading (phase `applying`), from its validated terms and schedule. Throws
 * a DomainError for what the publishing checks should have caught (invalid terms: LOT_TERMS_INVALID;
 * a missing end; weighted-score tenders, which the engine does not evaluate).
 */
export function createTradingState(input: CreateTradingStateInput): LotTradingState {
  if (typeof input.lotId !== 'string' || !LOT_ID.test(input.lotId)) {
    throw new DomainError('INVALID_LOT_ID', 'a lot id is 1–128 characters of A–Z, a–z, 0–9, ".", "_", ":", "-"', 'lotId');
  }
  const terms = input.terms;
  const settings = input.settings ?? {};
  validateLotTerms(terms, settings);
  const s = resolveListingSettings(settings);
  const bidding: BiddingSettings = { ...BIDDING_DEFAULTS, ...stripUndefined(input.bidding ?? {}) };
  if (!wholeAtLeast(bidding.minTenderBids, 1)) throw new DomainError('INVALID_SETTING_VALUE', 'minTenderBids must be a whole number ≥ 1', 'bidding.minTenderBids');
  if (!wholeAtLeast(bidding.oneSealedPriceWindowMinutes, 1)) {
    throw new DomainError('INVALID_SETTING_VALUE', 'oneSealedPriceWindowMinutes must be a whole number ≥ 1', 'bidding.oneSealedPriceWindowMinutes');
  }
  if (terms.method === 'tender' && terms.evaluation?.method === 'weighted_score') {
    throw new DomainError(
      'EVALUATION_NOT_SUPPORTED',
      'a weighted-score tender is scored by its evaluation panel; the engine awards tenders by highest price only',
      'terms.evaluation',
    );
  }
  assertInstant(input.opensAt, 'opensAt');
  if (terms.method !== 'auction') {
    assertInstant(input.endsAt, 'endsAt');
    if (input.endsAt.getTime() <= input.opensAt.getTime()) {
      throw new DomainError('INVALID_SCHEDULE', 'trading must end after it opens', 'endsAt');
    }
  }
  let openingAt: Date | undefined;
  if (terms.method === 'tender') {
    openingAt = input.openingAt ?? input.endsAt;
    assertInstant(openingAt, 'openingAt');
    if (input.endsAt !== undefined && openingAt.getTime() < input.endsAt.getTime()) {
      throw new DomainError('INVALID_SCHEDULE', 'the opening cannot come before the submission deadline', 'openingAt');
    }
  }
  let qualified: readonly BidderNumber[] = [];
  (input.qualified ?? []).forEach((b, i) => {
    assertBidderNumber(b, `qualified[${i}]`);
    qualified = withBidder(qualified, b);
  });

  const countdowns = effectiveCountdowns(terms, settings);
  const countdownSeconds = countdowns.auctionRoundSeconds ?? terms.countdownSeconds ?? s.auctionCountdownSeconds;
  const timedRoundSeconds = countdowns.timedRoundSeconds ?? s.timedRoundCountdownSeconds;
  const rules: TradingRules = Object.freeze({
    countdownSeconds,
    timedRoundSeconds,
    capRoundSeconds: countdowns.capRoundSeconds ?? countdownSeconds,
    warningSeconds: Object.freeze([...countdowns.warningSeconds]),
    timedRoundWarningSeconds: Object.freeze([...(countdowns.timedRoundWarningSeconds ?? countdowns.warningSeconds)]),
    minBidders: effectiveMinBidders(terms, settings),
    minTenderBids: bidding.minTenderBids,
    quietMinutes: s.quoteBlackoutMinutesBeforeListingEnd,
    oneSealedPriceWindowMinutes: bidding.oneSealedPriceWindowMinutes,
    protectedFinalMinutes: s.protectedFinalMinutes,
    freezeDirectResumeMinutes: s.freezeDirectResumeMinutes,
    freezeResumptionNoticeHours: s.freezeResumptionNoticeHours,
  });

  const tradingTerms: TradingTerms = stripUndefined({
    method: terms.method,
    startPrice: terms.startPrice,
    increment: terms.increment,
    incrementPolicy: terms.incrementPolicy,
    maxJumpIncrements: terms.maxJumpIncrements,
    hasReserve: terms.hasReserve,
    priceCap: terms.priceCap,
    capRule: terms.capRule,
    timedFinalRound: terms.method === 'listing' && terms.timedFinalRound?.enabled === true ? terms.timedFinalRound : undefined,
    evaluation: terms.evaluation,
  }) as TradingTerms;

  return stripUndefined({
    lotId: input.lotId,
    terms: tradingTerms,
    rules,
    phase: 'applying',
    opensAt: input.opensAt,
    endsAt: terms.method === 'auction' ? undefined : input.endsAt,
    openingAt,
    increment: terms.increment,
    roundStartPrice: terms.startPrice,
    quotes: [],
    qualified,
    timedRoundOptIns: [],
    sealedBids: [],
  }) as LotTradingState;
}

/** A copy without the keys whose value is undefined (states compare and serialise cleanly). */
export function stripUndefined<T extends object>(value: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = v;
  return out as T;
}

/** The state with `patch` applied; keys set to undefined in the patch are removed. */
export function patchState(state: LotTradingState, patch: Partial<{ -readonly [K in keyof LotTradingState]: LotTradingState[K] }>): LotTradingState {
  return stripUndefined({ ...state, ...patch });
}

export function isClosed(state: LotTradingState): boolean {
  return isClosedPhase(state.phase);
}

/** The phase that counts for the rules: the interrupted one while frozen or suspended. */
export function effectivePhase(state: LotTradingState): LotPhase {
  const phase = state.phase === 'suspended' && state.suspended !== undefined ? state.suspended.from : state.phase;
  return phase === 'frozen' && state.frozen !== undefined ? state.frozen.from : phase;
}

/** The running round's current price and leader; the listing leader while nobody has bid in a round that opened above it. */
export function currentLead(state: LotTradingState): PriceLead | undefined {
  return state.lead ?? state.fallbackLead;
}

/** What `lot:join` shows (DESIGN.md §5): phase, current price, leader number, deadline, the lowest next bid. */
export interface TradingSnapshot {
  readonly phase: LotPhase;
  readonly currentPrice?: Money;
  readonly leaderNumber?: BidderNumber;
  readonly deadline?: Date;
  readonly opensAt?: Date;
  readonly increment?: Money;
  readonly minimumNextPrice?: Money;
  readonly capMode?: CapMode;
  readonly capPrice?: Money;
  readonly leadingArea?: Area;
  readonly leadingShare?: Ratio;
  readonly outcome?: LotOutcome;
}

export function tradingSnapshot(state: LotTradingState): TradingSnapshot {
  const lead = currentLead(state);
  const cap = state.capRound;
  const priceRound = ['listing', 'timed_round', 'auction_round'].includes(effectivePhase(state));
  const minimumNextPrice =
    priceRound && state.increment !== undefined ? (state.lead ? state.lead.price.add(state.increment) : state.roundStartPrice) : undefined;
  return stripUndefined({
    phase: state.phase,
    currentPrice: cap?.price ?? lead?.price,
    leaderNumber:
      cap?.mode === 'build_in_area' || cap?.mode === 'self_held_share' ? cap.lead.bidderNumber : (cap?.priceLeader ?? lead?.bidderNumber),
    deadline: state.deadline,
    // While suspended: when trading resumes, once announced.
    opensAt: state.suspended !== undefined ? state.suspended.resumesAt : state.opensAt,
    increment: state.increment,
    minimumNextPrice,
    capMode: cap?.mode,
    capPrice: cap?.price,
    leadingArea: cap?.mode === 'build_in_area' ? cap.lead.area : undefined,
    leadingShare: cap?.mode === 'self_held_share' ? cap.lead.share : undefined,
    outcome: state.outcome,
  });
}
