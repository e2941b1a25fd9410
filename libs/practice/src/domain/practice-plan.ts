import { DomainError } from '@app/common/domain-error';
import { Area } from '@app/money/area';
import { Money } from '@app/money/money';
import { Ratio } from '@app/money/ratio';

/**
 * A practice lot's plan (模拟竞价): its terms and its own clock, from what the caller chose, with
 * defaults that make a rehearsal take a few minutes. Pure: the service adds the database clock, the
 * region's deposit ratio and the randomness.
 *
 * Decisions:
 * - Everything that times the rehearsal is in the lot's own terms and schedule (a per-lot clock):
 *   listing board `listingSeconds` (default 90 s), then a timed final round with `countdownSeconds`
 *   (default 60 s) and warnings at 30 and 10 s (those shorter than the countdown); an auction opens
 *   after `opensInSeconds` (default 10 s) with a 45 s countdown; a tender takes sealed prices for
 *   `listingSeconds` and opens them at once. No region-wide setting is read or changed for it.
 * - A fictional total-price parcel (20 000 ㎡, plot ratio ≤ 2.5) gives the result a unit price and a
 *   floor price like a real one, without touching the register.
 * - The start price is a whole number of 万元, so the deposit (start × the region's minimum ratio, 4
 *   places) is exact to the fen; the deposit is shown and marked simulated, never paid.
 * - A cap mode (竞配建, 摇号) caps the price ten increments above the start: two simulated bidders
 *   are willing to go that far, so the rehearsal reaches it.
 * - At least two bidders make a sale (`minBidders`): a trainer's lot may have no human bidder yet.
 */

export const PRACTICE_METHODS = ['listing', 'auction', 'tender'] as const;
export type PracticeMethod = (typeof PRACTICE_METHODS)[number];

export const PRACTICE_CAP_MODES = ['build_in_area', 'lottery'] as const;
export type PracticeCapMode = (typeof PRACTICE_CAP_MODES)[number];

export const PRACTICE_LIMITS = Object.freeze({
  opensInSeconds: { min: 0, max: 600, default: 10 },
  listingSeconds: { min: 30, max: 1800, default: 90 },
  timedRoundSeconds: { min: 20, max: 600, default: 60 },
  auctionSeconds: { min: 20, max: 600, default: 45 },
  opponents: { min: 1, max: 3, default: 3 },
});

export const PRACTICE_DEFAULT_START_PRICE = '10000000.00';
/** The default increment: 2% of the start price. */
const DEFAULT_INCREMENT_RATIO = Ratio.of('0.0200');
const WARNINGS = [30, 10];
const TEN_THOUSAND = Money.of('10000.00');
export const PRACTICE_PARCEL = Object.freeze({ name: '模拟地块（非真实宗地）', area: '20000.00', plotRatioMax: '2.5000' });
/** 竞配建: the floor area bid starts at 0 ㎡ and goes up in steps of 100 ㎡. */
const AREA_STEP = Area.of('100.00');

export interface PracticeChoice {
  readonly method: PracticeMethod;
  readonly capMode?: PracticeCapMode;
  readonly startPrice?: Money;
  readonly increment?: Money;
  readonly opensInSeconds?: number;
  readonly listingSeconds?: number;
  readonly countdownSeconds?: number;
  readonly label?: string;
}

/** The terms as the lot stores them (decimals as strings), the shape listing validates. */
export interface PracticeTerms {
  method: PracticeMethod;
  startPrice: string;
  increment?: string;
  incrementPolicy?: string;
  deposit: string;
  priceUnit: 'total';
  hasReserve: false;
  priceCap?: string;
  capRule?: { mode: PracticeCapMode; startArea?: string; areaStep?: string; countdownSeconds?: number; optInWindowMinutes?: number };
  timedFinalRound?: { enabled: boolean; entry: string; startAt: string; preparationGapMinutes: number; countdownSeconds: number; warningSeconds: number[] };
  evaluation?: { method: string };
  eligibility: { jointBidsAllowed: boolean; review: string; exclusions: string };
  countdownSeconds?: number;
  warningSeconds?: number[];
  minBidders: number;
}

export interface PracticePlan {
  readonly title: string;
  readonly terms: PracticeTerms;
  readonly tradingStart: Date;
  readonly tradingEnd: Date | null;
  readonly openingAt: Date | null;
  /** The countdown a simulated bidder must beat (the round's), seconds. */
  readonly countdownSeconds: number;
  readonly startPrice: Money;
  readonly increment: Money | null;
  readonly priceCap: Money | null;
}

const METHOD_TITLES: Record<PracticeMethod, string> = { listing: '挂牌（限时竞价）', auction: '拍卖', tender: '招标' };
const CAP_TITLES: Record<PracticeCapMode, string> = { build_in_area: '·竞配建', lottery: '·摇号' };

function whole(value: number | undefined, name: keyof typeof PRACTICE_LIMITS, field: string): number {
  const limits = PRACTICE_LIMITS[name];
  if (value === undefined) return limits.default;
  if (!Number.isSafeInteger(value) || value < limits.min || value > limits.max) {
    throw new DomainError('INVALID_PRACTICE_TIMING', `${field} must be a whole number from ${limits.min} to ${limits.max}`, field, { min: limits.min, max: limits.max });
  }
  return value;
}

/** The plan of a practice lot opening `opensInSeconds` after `now` (the database clock). */
export function practicePlan(choice: PracticeChoice, now: Date, minDepositRatio: Ratio): PracticePlan {
  const method = choice.method;
  if (!(PRACTICE_METHODS as readonly string[]).includes(method)) throw new DomainError('INVALID_METHOD', `method must be one of ${PRACTICE_METHODS.join(', ')}`, 'method');
  if (choice.capMode !== undefined) {
    if (!(PRACTICE_CAP_MODES as readonly string[]).includes(choice.capMode)) throw new DomainError('INVALID_CAP_MODE', `capMode must be one of ${PRACTICE_CAP_MODES.join(', ')}`, 'capMode');
    if (method === 'tender') throw new DomainError('CAP_NOT_FOR_TENDER', 'a tender has no price cap', 'capMode');
  }
  const startPrice = choice.startPrice ?? Money.of(PRACTICE_DEFAULT_START_PRICE);
  if (!startPrice.isPositive() || startPrice.toFen() % TEN_THOUSAND.toFen() !== 0n) {
    throw new DomainError('INVALID_START_PRICE', 'the start price of a practice lot is a whole number of 万元 (a multiple of 10000.00)', 'startPrice');
  }
  if (method === 'tender' && choice.increment !== undefined) throw new DomainError('INCREMENT_NOT_FOR_TENDER', 'a tender has no increment', 'increment');
  const increment = method === 'tender' ? null : (choice.increment ?? startPrice.multiply(DEFAULT_INCREMENT_RATIO));
  if (increment && !increment.isPositive()) throw new DomainError('INVALID_INCREMENT', 'the increment must be greater than zero', 'increment');
  const opensIn = whole(choice.opensInSeconds, 'opensInSeconds', 'opensInSeconds');
  const boardSeconds = whole(choice.listingSeconds, 'listingSeconds', 'listingSeconds');
  const countdown = whole(choice.countdownSeconds, method === 'auction' ? 'auctionSeconds' : 'timedRoundSeconds', 'countdownSeconds');
  const warnings = WARNINGS.filter((w) => w < countdown);

  const tradingStart = new Date(now.getTime() + opensIn * 1000);
  const tradingEnd = method === 'auction' ? null : new Date(tradingStart.getTime() + boardSeconds * 1000);
  const priceCap = choice.capMode && increment ? startPrice.add(Money.of(increment.toDecimal().times('10').toFixed(2))) : null;
  const terms: PracticeTerms = {
    method,
    startPrice: startPrice.toString(),
    // Exact: a whole number of 万元 × a 4-place ratio has at most 2 places.
    deposit: startPrice.multiply(minDepositRatio).toString(),
    priceUnit: 'total',
    hasReserve: false,
    eligibility: { jointBidsAllowed: false, review: 'post_review', exclusions: '模拟竞价，仅供演练' },
    minBidders: 2,
  };
  if (increment) {
    terms.increment = increment.toString();
    terms.incrementPolicy = 'at_least_one';
  }
  if (method === 'listing') {
    terms.timedFinalRound = { enabled: true, entry: 'all_qualified', startAt: 'listing_high', preparationGapMinutes: 0, countdownSeconds: countdown, warningSeconds: warnings };
  }
  if (method === 'auction') {
    terms.countdownSeconds = countdown;
    terms.warningSeconds = warnings;
  }
  if (method === 'tender') terms.evaluation = { method: 'highest_price' };
  if (priceCap && choice.capMode) {
    terms.priceCap = priceCap.toString();
    terms.capRule =
      choice.capMode === 'build_in_area'
        ? { mode: 'build_in_area', startArea: '0.00', areaStep: AREA_STEP.toString(), countdownSeconds: countdown }
        : { mode: 'lottery', optInWindowMinutes: 1 };
  }
  const label = choice.label?.trim();
  return {
    title: `模拟竞价·${METHOD_TITLES[method]}${choice.capMode ? CAP_TITLES[choice.capMode] : ''}${label ? `·${label}` : ''}`,
    terms,
    tradingStart,
    tradingEnd,
    openingAt: method === 'tender' ? tradingEnd : null,
    countdownSeconds: countdown,
    startPrice,
    increment,
    priceCap,
  };
}

/**
 * The private limits of `count` simulated bidders: each between 3 and 15 increments above the start
 * (a tender: 3–15% above it), drawn with `random(n)` ∈ [0, n); with a cap, the first two go up to the
 * cap so the rehearsal reaches it. At a 竞配建 cap each also has a floor-area limit of 300–2 000 ㎡.
 */
export function simulatedLimits(plan: Pick<PracticePlan, 'startPrice' | 'increment' | 'priceCap'>, count: number, random: (maxExclusive: number) => number): Array<{ limit: Money; areaLimit: Area }> {
  const step = plan.increment ?? Money.of(plan.startPrice.toDecimal().times('0.01').toFixed(2));
  return Array.from({ length: count }, (_, i) => {
    let limit = plan.startPrice.add(Money.of(step.toDecimal().times(String(3 + random(13))).toFixed(2)));
    if (plan.priceCap && (i < 2 || limit.gt(plan.priceCap))) limit = plan.priceCap;
    const areaLimit = Area.of(AREA_STEP.toDecimal().times(String(3 + random(18))).toFixed(2));
    return { limit, areaLimit };
  });
}
