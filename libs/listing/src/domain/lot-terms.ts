import { DomainError, DomainErrors } from '@app/common/domain-error';
import { Area } from '@app/money/area';
import { PRICE_UNITS, totalPriceOf, type PriceUnit, type SaleParcel } from '@app/money/derived-figures';
import { Money } from '@app/money/money';
import { Ratio } from '@app/money/ratio';
import {
  fieldPath,
  isDescendingPositiveIntegers,
  minDepositRatioOf,
  resolveListingSettings,
  type ListingSettings,
  type ListingSettingsOverrides,
  type RuleViolation,
} from './listing-settings';

/**
 * The trading terms of a lot (DOMAIN.md §3, §5, §6) and the one check that lists every broken rule.
 *
 * Decisions (beyond the handbook's words):
 * - Optional numbers (`minBidders`, `countdownSeconds`, a timed round's countdown and warnings) are
 *   overrides of the settings; when absent the settings apply ({@link effectiveMinBidders},
 *   {@link effectiveCountdowns}).
 * - Auctions and listings need an increment and an increment policy; a tender needs neither (an
 *   increment given anyway must still be positive) but needs an evaluation method.
 * - A price cap (最高限价) belongs to ascending bidding (auction, listing): a tender with a cap is
 *   refused, since there is no price bidding for the cap to stop.
 * - `timedFinalRound` is a listing option: an enabled one on another method is refused; a disabled
 *   one is ignored.
 * - A reserve rounding unit is required exactly when the lot has a reserve.
 */

export const TRADING_METHODS = ['auction', 'listing', 'tender'] as const;
export type TradingMethod = (typeof TRADING_METHODS)[number];

export const INCREMENT_POLICIES = ['at_least_one', 'whole_multiple'] as const;
/** "at least one increment" (Fujian) or "a whole multiple of the increment above the current price" (Jiangsu). */
export type IncrementPolicy = (typeof INCREMENT_POLICIES)[number];

// The price units are money's (the sale's figures are computed from them there); listing re-exports them.
export { PRICE_UNITS, PRICE_UNIT_LABELS, type PriceUnit } from '@app/money/derived-figures';

export const TIMED_ROUND_ENTRIES = ['all_qualified', 'opt_in'] as const;
export type TimedRoundEntry = (typeof TIMED_ROUND_ENTRIES)[number];

export const TIMED_ROUND_STARTS = ['listing_high', 'listing_high_plus_increment'] as const;
export type TimedRoundStart = (typeof TIMED_ROUND_STARTS)[number];

/** The listing's timed final round 限时竞价. */
export interface TimedFinalRoundTerms {
  readonly enabled: boolean;
  /** Every qualified bidder, or only those who opted in before the listing end. */
  readonly entry: TimedRoundEntry;
  readonly startAt: TimedRoundStart;
  /** Minutes between the listing end and the round start (0 = at once). */
  readonly preparationGapMinutes: number;
  /** Default: settings.timedRoundCountdownSeconds (240). */
  readonly countdownSeconds?: number;
  /** Default: settings.countdownWarningSeconds ([60, 30, 10]). */
  readonly warningSeconds?: readonly number[];
}

export const CAP_MODES = ['build_in_area', 'self_held_share', 'lottery', 'one_sealed_price'] as const;
export type CapMode = (typeof CAP_MODES)[number];

/** What happens when the price reaches the cap (DOMAIN.md §6). */
export type CapRule =
  /** 竞配建: bid the floor area of public rental housing to build, from `startArea` in steps of `areaStep`. */
  | { readonly mode: 'build_in_area'; readonly startArea: Area; readonly areaStep: Area; readonly countdownSeconds?: number }
  /** 竞自持: bid the share of floor area kept for rent, from `startShare` in steps of `shareStep` (ratios 0–1). */
  | { readonly mode: 'self_held_share'; readonly startShare: Ratio; readonly shareStep: Ratio; readonly countdownSeconds?: number }
  /** 摇号: bidders accepting the cap opt in within the window; silence is a decline. */
  | { readonly mode: 'lottery'; readonly optInWindowMinutes: number }
  /** 一次报价: one sealed price within `guidePrice × (1 + lower) … guidePrice × (1 + upper)`; ratios, 0.25 = 25%. */
  | { readonly mode: 'one_sealed_price'; readonly guidePrice: Money; readonly bandLower: Ratio; readonly bandUpper: Ratio };

export const REVIEW_MODES = ['pre_review', 'post_review'] as const;
export type ReviewMode = (typeof REVIEW_MODES)[number];

export interface EligibilityTerms {
  readonly jointBidsAllowed: boolean;
  readonly review: ReviewMode;
  /** Who may not bid, as published (free text, may be empty). */
  readonly exclusions: string;
}

export const EVALUATION_METHODS = ['highest_price', 'weighted_score'] as const;
export type EvaluationMethod = (typeof EVALUATION_METHODS)[number];

export interface TenderEvaluation {
  readonly method: EvaluationMethod;
  /** Required for `weighted_score`: an odd number ≥ settings.minEvaluationPanelSize (5). */
  readonly panelSize?: number;
}

export interface LotTerms {
  readonly method: TradingMethod;
  readonly startPrice: Money;
  /** Required for auction and listing. */
  readonly increment?: Money;
  /** Required for auction and listing. */
  readonly incrementPolicy?: IncrementPolicy;
  /** Largest accepted jump in increments above the current price (e.g. 5); none when absent. */
  readonly maxJumpIncrements?: number;
  readonly deposit: Money;
  readonly priceUnit: PriceUnit;
  /** Public: whether a reserve exists (its value is sealed). */
  readonly hasReserve: boolean;
  /** Required when hasReserve: the reserve is rounded to a multiple of this ("1.00", "10000.00"). */
  readonly reserveRoundingUnit?: Money;
  /** 最高限价; requires `capRule`, and `capRule` requires it. */
  readonly priceCap?: Money;
  readonly capRule?: CapRule;
  /** Listing only. */
  readonly timedFinalRound?: TimedFinalRoundTerms;
  /** Tender only, and required there. */
  readonly evaluation?: TenderEvaluation;
  readonly eligibility: EligibilityTerms;
  /** Countdown of auction rounds and cap rounds (seconds); default from the settings. */
  readonly countdownSeconds?: number;
  readonly warningSeconds?: readonly number[];
  /** Fewest qualified bidders for a sale; default from the settings per method. */
  readonly minBidders?: number;
}

const MAX_EXCLUSIONS_LENGTH = 4000;
/** Longest accepted countdown, window or gap: one day, in the unit of the field. */
const MAX_SECONDS = 86_400;
const MAX_MINUTES = 1_440;

function oneOf<T extends string>(list: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (list as readonly string[]).includes(value);
}

function isWhole(value: unknown, min: number, max: number): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= min && value <= max;
}

function isMoney(value: unknown): value is Money {
  return Money.isMoney(value);
}

/**
 * Every violation of the terms, in a stable order, each with its field path under `fieldPrefix`
 * (`lots[1]` → `lots[1].deposit`). Empty when the terms are valid.
 *
 * The deposit (always 元) is compared with the start price as a total: for a lot priced per ㎡ or per
 * 建筑㎡ that total needs the lot's `parcels` (libs/money totalPriceOf, the function the close uses).
 * Without them such a lot's deposit is not compared (the callers that know the parcels pass them).
 */
export function lotTermsViolations(
  terms: LotTerms,
  settingsOverrides: ListingSettingsOverrides = {},
  fieldPrefix = '',
  parcels?: ReadonlyArray<SaleParcel>,
): RuleViolation[] {
  const settings = resolveListingSettings(settingsOverrides);
  const out: RuleViolation[] = [];
  const at = (name: string): string => fieldPath(fieldPrefix, name);
  const add = (code: string, field: string, message: string, params?: Record<string, string>): void => {
    out.push({ code, message, field: at(field), ...(params ? { params } : {}) });
  };

  const method = terms.method;
  const methodOk = oneOf(TRADING_METHODS, method);
  if (!methodOk) add('INVALID_METHOD', 'method', 'method must be auction, listing or tender');
  const ascending = method === 'auction' || method === 'listing';

  // Prices.
  const startOk = isMoney(terms.startPrice) && terms.startPrice.isPositive();
  if (!startOk) add('START_PRICE_NOT_POSITIVE', 'startPrice', 'the start price (起始价) must be greater than zero');

  if (terms.increment === undefined) {
    if (ascending) add('INCREMENT_REQUIRED', 'increment', `an ${method} needs an increment (加价幅度)`);
  } else if (!isMoney(terms.increment) || !terms.increment.isPositive()) {
    add('INCREMENT_NOT_POSITIVE', 'increment', 'the increment (加价幅度) must be greater than zero');
  }
  if (terms.incrementPolicy === undefined) {
    if (ascending) add('INCREMENT_POLICY_REQUIRED', 'incrementPolicy', `an ${method} needs an increment policy`);
  } else if (!oneOf(INCREMENT_POLICIES, terms.incrementPolicy)) {
    add('INVALID_INCREMENT_POLICY', 'incrementPolicy', 'the increment policy must be at_least_one or whole_multiple');
  }
  if (terms.maxJumpIncrements !== undefined && !isWhole(terms.maxJumpIncrements, 1, 1_000_000)) {
    add('INVALID_MAX_JUMP', 'maxJumpIncrements', 'the largest jump must be a whole number of increments, at least 1');
  }

  // Deposit.
  if (!isMoney(terms.deposit) || !terms.deposit.isPositive()) {
    add('DEPOSIT_NOT_POSITIVE', 'deposit', 'the deposit (保证金) must be greater than zero');
  } else if (startOk) {
    const startTotal = startTotalOf(terms, parcels, add);
    if (startTotal !== undefined) {
      const ratio = minDepositRatioOf(settings);
      const minimum = smallestDepositFen(startTotal, ratio);
      const of = terms.priceUnit === 'total' ? 'the start price' : `the start price as a total (${startTotal.toString()} 元)`;
      if (terms.deposit.toFen() < minimum) {
        add('DEPOSIT_TOO_LOW', 'deposit', `the deposit must be at least ${ratio.formatPercent()} of ${of}, i.e. ${Money.fromFen(minimum).toString()}`, {
          percent: ratio.formatPercent(),
          minimum: Money.fromFen(minimum).toString(),
          startTotal: startTotal.toString(),
        });
      }
      if (terms.deposit.gt(startTotal)) {
        add('DEPOSIT_ABOVE_START_PRICE', 'deposit', `the deposit cannot exceed ${of}`);
      }
    }
  }

  // Price unit and reserve.
  if (!oneOf(PRICE_UNITS, terms.priceUnit)) {
    add('INVALID_PRICE_UNIT', 'priceUnit', 'the price unit must be total, per_square_metre or per_floor_area');
  }
  if (typeof terms.hasReserve !== 'boolean') add('INVALID_HAS_RESERVE', 'hasReserve', 'hasReserve must be true or false');
  if (terms.reserveRoundingUnit !== undefined) {
    if (!isMoney(terms.reserveRoundingUnit) || !terms.reserveRoundingUnit.isPositive()) {
      add('INVALID_ROUNDING_UNIT', 'reserveRoundingUnit', 'the reserve rounding unit must be greater than zero, like "10000.00"');
    }
  } else if (terms.hasReserve === true) {
    add('ROUNDING_UNIT_REQUIRED', 'reserveRoundingUnit', 'a lot with a reserve needs the unit its reserve is rounded to');
  }

  // Cap.
  if (terms.priceCap !== undefined || terms.capRule !== undefined) {
    if (method === 'tender') {
      add('CAP_NOT_FOR_TENDER', terms.priceCap !== undefined ? 'priceCap' : 'capRule', 'a tender has no price cap: the cap stops ascending bidding');
    }
    if (terms.priceCap === undefined) {
      add('CAP_REQUIRED', 'priceCap', 'a cap mode needs a price cap (最高限价)');
    } else if (!isMoney(terms.priceCap)) {
      add('INVALID_CAP', 'priceCap', 'the price cap must be an amount');
    } else if (startOk && !terms.priceCap.gt(terms.startPrice)) {
      add('CAP_NOT_ABOVE_START_PRICE', 'priceCap', 'the price cap must be higher than the start price');
    }
    if (terms.capRule === undefined) {
      add('CAP_MODE_REQUIRED', 'capRule', 'a price cap needs the mode that applies when it is reached');
    } else {
      capRuleViolations(terms.capRule, add);
    }
  }

  // Timed final round.
  const round = terms.timedFinalRound;
  if (round !== undefined) {
    if (round.enabled === true && method !== 'listing') {
      add('TIMED_ROUND_LISTING_ONLY', 'timedFinalRound', 'only a listing (挂牌) has a timed final round');
    }
    if (typeof round.enabled !== 'boolean') add('INVALID_TIMED_ROUND', 'timedFinalRound.enabled', 'enabled must be true or false');
    if (!oneOf(TIMED_ROUND_ENTRIES, round.entry)) {
      add('INVALID_TIMED_ROUND_ENTRY', 'timedFinalRound.entry', 'entry must be all_qualified or opt_in');
    }
    if (!oneOf(TIMED_ROUND_STARTS, round.startAt)) {
      add('INVALID_TIMED_ROUND_START', 'timedFinalRound.startAt', 'startAt must be listing_high or listing_high_plus_increment');
    }
    if (!isWhole(round.preparationGapMinutes, 0, MAX_MINUTES)) {
      add('INVALID_PREPARATION_GAP', 'timedFinalRound.preparationGapMinutes', `the preparation gap must be 0–${MAX_MINUTES} whole minutes`);
    }
    countdownViolations(
      round.countdownSeconds,
      round.warningSeconds,
      settings.timedRoundCountdownSeconds,
      settings.countdownWarningSeconds,
      'timedFinalRound.',
      add,
    );
  }

  // Tender evaluation.
  if (method === 'tender') {
    const evaluation = terms.evaluation;
    if (evaluation === undefined) {
      add('EVALUATION_REQUIRED', 'evaluation', 'a tender needs an evaluation method (highest_price or weighted_score)');
    } else if (!oneOf(EVALUATION_METHODS, evaluation.method)) {
      add('INVALID_EVALUATION_METHOD', 'evaluation.method', 'the evaluation method must be highest_price or weighted_score');
    } else if (evaluation.method === 'weighted_score') {
      const size = evaluation.panelSize;
      if (!isWhole(size, settings.minEvaluationPanelSize, 1000) || size % 2 === 0) {
        add(
          'INVALID_PANEL_SIZE',
          'evaluation.panelSize',
          `a weighted-score evaluation needs a panel of an odd number of at least ${settings.minEvaluationPanelSize} members`,
        );
      }
    }
  } else if (terms.evaluation !== undefined) {
    add('EVALUATION_TENDER_ONLY', 'evaluation', 'only a tender (招标) has an evaluation method');
  }

  // Eligibility.
  const eligibility = terms.eligibility;
  if (eligibility === undefined || eligibility === null || typeof eligibility !== 'object') {
    add('ELIGIBILITY_REQUIRED', 'eligibility', 'the terms must say who may bid');
  } else {
    if (typeof eligibility.jointBidsAllowed !== 'boolean') {
      add('INVALID_JOINT_BIDS', 'eligibility.jointBidsAllowed', 'jointBidsAllowed must be true or false');
    }
    if (!oneOf(REVIEW_MODES, eligibility.review)) {
      add('INVALID_REVIEW_MODE', 'eligibility.review', 'review must be pre_review or post_review');
    }
    if (typeof eligibility.exclusions !== 'string' || eligibility.exclusions.length > MAX_EXCLUSIONS_LENGTH) {
      add('INVALID_EXCLUSIONS', 'eligibility.exclusions', `exclusions must be a text of at most ${MAX_EXCLUSIONS_LENGTH} characters`);
    }
  }

  // Countdown and bidders.
  countdownViolations(
    terms.countdownSeconds,
    terms.warningSeconds,
    settings.auctionCountdownSeconds,
    settings.countdownWarningSeconds,
    '',
    add,
  );
  if (terms.minBidders !== undefined && !isWhole(terms.minBidders, 1, 1000)) {
    add('INVALID_MIN_BIDDERS', 'minBidders', 'the fewest bidders for a sale must be a whole number, at least 1');
  }
  return out;
}

/** The start price as a total in 元: itself, or (per ㎡, per 建筑㎡) × the parcels' measure; undefined when unknown. */
function startTotalOf(terms: LotTerms, parcels: ReadonlyArray<SaleParcel> | undefined, add: (code: string, field: string, message: string) => void): Money | undefined {
  if (terms.priceUnit === 'total') return terms.startPrice;
  if (!oneOf(PRICE_UNITS, terms.priceUnit) || parcels === undefined) return undefined;
  try {
    return totalPriceOf(terms.startPrice, terms.priceUnit, parcels, 'startPrice');
  } catch (e) {
    if (!(e instanceof DomainError)) throw e;
    add(e.code, e.field === 'startPrice' ? 'startPrice' : 'priceUnit', e.message);
    return undefined;
  }
}

function capRuleViolations(rule: CapRule, add: (code: string, field: string, message: string) => void): void {
  switch (rule.mode) {
    case 'build_in_area':
      if (!Area.isArea(rule.startArea) || rule.startArea.isNegative()) {
        add('INVALID_START_AREA', 'capRule.startArea', 'the start area of 竞配建 must be zero or more square metres');
      }
      if (!Area.isArea(rule.areaStep) || !rule.areaStep.gt(Area.zero())) {
        add('INVALID_AREA_STEP', 'capRule.areaStep', 'the area step of 竞配建 must be greater than zero');
      }
      optionalCountdown(rule.countdownSeconds, add);
      return;
    case 'self_held_share': {
      const startOk = Ratio.isRatio(rule.startShare) && !rule.startShare.isNegative() && rule.startShare.lt(Ratio.one());
      if (!startOk) {
        add('INVALID_START_SHARE', 'capRule.startShare', 'the start share of 竞自持 must be at least 0 and below 100%');
      }
      const stepOk = Ratio.isRatio(rule.shareStep) && rule.shareStep.gt(Ratio.zero());
      if (!stepOk) {
        add('INVALID_SHARE_STEP', 'capRule.shareStep', 'the share step of 竞自持 must be greater than zero');
      } else if (startOk && rule.startShare.add(rule.shareStep).gt(Ratio.one())) {
        add('INVALID_SHARE_STEP', 'capRule.shareStep', 'one step above the start share must not exceed 100%');
      }
      optionalCountdown(rule.countdownSeconds, add);
      return;
    }
    case 'lottery':
      if (!isWhole(rule.optInWindowMinutes, 1, MAX_MINUTES)) {
        add('INVALID_OPT_IN_WINDOW', 'capRule.optInWindowMinutes', `the opt-in window of 摇号 must be 1–${MAX_MINUTES} whole minutes`);
      }
      return;
    case 'one_sealed_price': {
      if (!isMoney(rule.guidePrice) || !rule.guidePrice.isPositive()) {
        add('INVALID_GUIDE_PRICE', 'capRule.guidePrice', 'the guide price of 一次报价 must be greater than zero');
      }
      const lowerOk = Ratio.isRatio(rule.bandLower) && !rule.bandLower.isNegative();
      if (!lowerOk) add('INVALID_PRICE_BAND', 'capRule.bandLower', 'the lower edge of the band must be 0% or more above the guide price');
      const upperOk = Ratio.isRatio(rule.bandUpper);
      if (!upperOk) add('INVALID_PRICE_BAND', 'capRule.bandUpper', 'the upper edge of the band must be a percentage');
      if (lowerOk && upperOk && !rule.bandUpper.gt(rule.bandLower)) {
        add('INVALID_PRICE_BAND', 'capRule.bandUpper', 'the upper edge of the band must be above the lower edge');
      }
      return;
    }
    default: {
      const mode: unknown = (rule as { mode?: unknown }).mode;
      add('INVALID_CAP_MODE', 'capRule.mode', `unknown cap mode "${String(mode)}"; use ${CAP_MODES.join(', ')}`);
    }
  }
}

function optionalCountdown(seconds: number | undefined, add: (code: string, field: string, message: string) => void): void {
  if (seconds !== undefined && !isWhole(seconds, 1, MAX_SECONDS)) {
    add('INVALID_COUNTDOWN', 'capRule.countdownSeconds', `a countdown must be 1–${MAX_SECONDS} whole seconds`);
  }
}

function countdownViolations(
  seconds: number | undefined,
  warnings: readonly number[] | undefined,
  defaultSeconds: number,
  defaultWarnings: readonly number[],
  prefix: string,
  add: (code: string, field: string, message: string) => void,
): void {
  const secondsOk = seconds === undefined || isWhole(seconds, 1, MAX_SECONDS);
  if (!secondsOk) add('INVALID_COUNTDOWN', `${prefix}countdownSeconds`, `a countdown must be 1–${MAX_SECONDS} whole seconds`);
  if (warnings !== undefined && !isDescendingPositiveIntegers(warnings)) {
    add('INVALID_WARNINGS', `${prefix}warningSeconds`, 'warnings must be whole seconds ≥ 1 in strictly descending order');
    return;
  }
  // Only check warnings against the countdown when at least one of the two was set on the lot.
  if (!secondsOk || (seconds === undefined && warnings === undefined)) return;
  const countdown = seconds ?? defaultSeconds;
  const list = warnings ?? defaultWarnings;
  if (list.length > 0 && list[0] > countdown) {
    add('INVALID_WARNINGS', `${prefix}warningSeconds`, `a warning at ${list[0]} s cannot come before a ${countdown} s countdown starts`);
  }
}

/**
 * Throws `DomainErrors('LOT_TERMS_INVALID', …, errors)` listing every violation of
 * {@link lotTermsViolations}; returns nothing when the terms are valid.
 */
export function validateLotTerms(terms: LotTerms, settings: ListingSettingsOverrides = {}, fieldPrefix = ''): void {
  const errors = lotTermsViolations(terms, settings, fieldPrefix);
  if (errors.length > 0) {
    throw new DomainErrors('LOT_TERMS_INVALID', `the lot terms break ${errors.length} rule(s)`, errors);
  }
}

/** Validates the lots of one announcement together; fields are `lots[i].…`. */
export function validateAnnouncementLotTerms(lots: readonly LotTerms[], settings: ListingSettingsOverrides = {}): void {
  const errors = lots.flatMap((terms, i) => lotTermsViolations(terms, settings, `lots[${i}]`));
  if (lots.length === 0) errors.push({ code: 'LOTS_REQUIRED', message: 'an announcement sells at least one lot', field: 'lots' });
  if (errors.length > 0) {
    throw new DomainErrors('LOT_TERMS_INVALID', `the lot terms break ${errors.length} rule(s)`, errors);
  }
}

/** Ratios of the settings have at most 4 places: × 10 000 makes them whole. */
const RATIO_DENOMINATOR = 10_000n;

/**
 * The smallest deposit in fen that is not below `start × ratio` (the exact product, no rounding: a
 * deposit is compared with the exact minimum, so 20% of 0.07 needs 0.02). Integer arithmetic:
 * the ratio has at most 4 places.
 */
function smallestDepositFen(startPrice: Money, ratio: Ratio): bigint {
  const ratioUnits = BigInt(ratio.toDecimal().times(RATIO_DENOMINATOR.toString()).toFixed(0));
  const product = startPrice.toFen() * ratioUnits;
  return product <= 0n ? 0n : (product + RATIO_DENOMINATOR - 1n) / RATIO_DENOMINATOR;
}

/** The smallest deposit the rules allow: start × minimum ratio (20%), to the fen, never below the exact product. */
export function minimumDeposit(startPrice: Money, settings: ListingSettingsOverrides = {}): Money {
  return Money.fromFen(smallestDepositFen(startPrice, minDepositRatioOf(resolveListingSettings(settings))));
}

/** The fewest qualified bidders for a sale: the lot's own number, else the setting for its method. */
export function effectiveMinBidders(terms: Pick<LotTerms, 'method' | 'minBidders'>, settings: ListingSettingsOverrides = {}): number {
  if (terms.minBidders !== undefined) return terms.minBidders;
  const s: ListingSettings = resolveListingSettings(settings);
  return terms.method === 'listing' ? s.minBiddersListing : terms.method === 'auction' ? s.minBiddersAuction : s.minBiddersTender;
}

export interface EffectiveCountdowns {
  /** Auction rounds (auction only). */
  readonly auctionRoundSeconds?: number;
  /** The timed final round (listing with the round enabled only). */
  readonly timedRoundSeconds?: number;
  /** 竞配建 / 竞自持 rounds: the cap rule's own, else the countdown of the round the lot came from. */
  readonly capRoundSeconds?: number;
  readonly warningSeconds: readonly number[];
  readonly timedRoundWarningSeconds?: readonly number[];
}

/** The countdowns a lot runs with, the lot's terms over the settings. */
export function effectiveCountdowns(terms: LotTerms, settings: ListingSettingsOverrides = {}): EffectiveCountdowns {
  const s = resolveListingSettings(settings);
  const roundSeconds = terms.countdownSeconds ?? s.auctionCountdownSeconds;
  const warningSeconds = terms.warningSeconds ?? s.countdownWarningSeconds;
  const timed = terms.method === 'listing' && terms.timedFinalRound?.enabled === true ? terms.timedFinalRound : undefined;
  const timedRoundSeconds = timed ? (timed.countdownSeconds ?? s.timedRoundCountdownSeconds) : undefined;
  const rule = terms.capRule;
  const ownCap = rule && (rule.mode === 'build_in_area' || rule.mode === 'self_held_share') ? rule.countdownSeconds : undefined;
  const capRoundSeconds =
    rule && (rule.mode === 'build_in_area' || rule.mode === 'self_held_share')
      ? (ownCap ?? (terms.method === 'auction' ? roundSeconds : (timedRoundSeconds ?? roundSeconds)))
      : undefined;
  return {
    auctionRoundSeconds: terms.method === 'auction' ? roundSeconds : undefined,
    timedRoundSeconds,
    capRoundSeconds,
    warningSeconds,
    timedRoundWarningSeconds: timed ? (timed.warningSeconds ?? s.countdownWarningSeconds) : undefined,
  };
}
