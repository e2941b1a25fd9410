import { createHash } from 'node:crypto';
import { DomainError } from '@app/common/domain-error';
import { Area } from '@app/money/area';
import { Decimal, divideHalfUp } from '@app/money/decimal';
import { Money } from '@app/money/money';
import { Ratio } from '@app/money/ratio';
import type { CapRule, IncrementPolicy } from '@app/listing/domain/lot-terms';
import { checkAscending } from './bid-rules';
import { addMilliseconds, restartCountdown } from './countdown';
import { assertBidderNumber, rejection, type BidderNumber, type Rejection } from './rejections';
import type { AreaLead, CapRoundState, PriceRoundPhase, ShareLead, TradingRules } from './trading-state';

/**
 * At the price cap (最高限价, DOMAIN.md §6). When an accepted price equals the cap, or one more increment
 * would exceed it, price bidding stops and the announced mode takes over.
 *
 * Decisions common to all modes:
 * - **The land price of the cap round** is the price at which price bidding stopped: the cap itself,
 *   or — only when the cap is not a whole increment above the last price — that last accepted price
 *   (no bidder is bound to a price it did not bid). The winner of the cap round pays it; the one
 *   sealed price mode is the exception, where the winner pays its own sealed price.
 * - **Who takes part**: the qualified bidders; when the cap was reached in an opt-in timed round,
 *   only that round's entrants (NOT_ENTERED for others).
 * - **The bidder whose bid reached the cap is bound by it**: it holds the start area / start share in
 *   竞配建 / 竞自持, it is an entrant of the lottery without opting in, and it wins at the cap price if
 *   nobody submits a sealed price. So a cap round always has a winner candidate.
 * - **The reserve** applies to the final price like everywhere else (≥).
 *
 * Modes:
 * - **竞配建 build_in_area**: bids on the floor area (㎡) of public rental housing, from `startArea` in
 *   steps of `areaStep` following the lot's increment policy (whole steps under `whole_multiple`),
 *   the countdown restarting on every accepted area; largest area wins. The increment's "largest jump"
 *   does not apply to areas.
 * - **竞自持 self_held_share**: the same with the share of floor area kept for rent (`startShare`,
 *   `shareStep`), never above 100% (SHARE_ABOVE_100_PERCENT).
 * - **摇号 lottery**: bidders opt in within the window (`optInWindowMinutes`); silence is a decline.
 *   One entrant wins directly. Otherwise a verifiable draw: the commitment `sha256(seed)` is published
 *   before the window closes (`CommitLotterySeed`, accepted any time from before trading until the
 *   window closes), the sorted entrants are published when it closes, then the seed is published with
 *   the draw and anyone recomputes the winner with {@link drawWinner}.
 * - **一次报价 one_sealed_price**: each eligible bidder submits one sealed price (tender.ts commitments)
 *   within `guidePrice × (1 + bandLower) … guidePrice × (1 + bandUpper)`, both edges included, during
 *   a window of `oneSealedPriceWindowMinutes` (engine setting, default 30). "Duplicates rejected":
 *   a second submission by the same bidder is rejected (ALREADY_SUBMITTED); two bidders' equal prices
 *   cannot be rejected at submission without revealing a sealed price to the second bidder, so both
 *   stand and the earlier submission wins if that price wins. At the opening the price closest to the
 *   average of all valid prices wins, a tie goes to the lower price ({@link closestToAverage}).
 */

const MS_PER_MINUTE = 60_000;

/** The state of a freshly started cap round and its deadline. */
export function startCapRound(input: {
  readonly rule: CapRule;
  readonly price: Money;
  readonly priceLeader: BidderNumber;
  readonly from: PriceRoundPhase;
  readonly eligible: readonly BidderNumber[];
  readonly rules: TradingRules;
  readonly now: Date;
}): { readonly capRound: CapRoundState; readonly deadline: Date } {
  const { rule, price, priceLeader, from, now, rules } = input;
  const eligible = input.eligible.includes(priceLeader) ? input.eligible : [...input.eligible, priceLeader].sort();
  const base = { price, priceLeader, from, eligible };
  switch (rule.mode) {
    case 'build_in_area':
      return {
        capRound: { ...base, mode: 'build_in_area', lead: { area: rule.startArea, bidderNumber: priceLeader, at: now } },
        deadline: restartCountdown(now, rules.capRoundSeconds),
      };
    case 'self_held_share':
      return {
        capRound: { ...base, mode: 'self_held_share', lead: { share: rule.startShare, bidderNumber: priceLeader, at: now } },
        deadline: restartCountdown(now, rules.capRoundSeconds),
      };
    case 'lottery':
      return {
        capRound: { ...base, mode: 'lottery', entrants: [priceLeader], windowClosed: false },
        deadline: addMilliseconds(now, rule.optInWindowMinutes * MS_PER_MINUTE),
      };
    case 'one_sealed_price':
      return {
        capRound: { ...base, mode: 'one_sealed_price', submissions: [], windowClosed: false },
        deadline: addMilliseconds(now, rules.oneSealedPriceWindowMinutes * MS_PER_MINUTE),
      };
  }
}

// ───────────────────────────── 竞配建 / 竞自持 ─────────────────────────────

/** An area bid against the leading area (field `area`). */
export function checkAreaBid(area: Area, lead: AreaLead, rule: Extract<CapRule, { mode: 'build_in_area' }>, policy: IncrementPolicy): Rejection | null {
  if (!Area.isArea(area)) throw new DomainError('INVALID_AREA', 'an area is an Area', 'area');
  const breach = checkAscending(area.toDecimal(), {
    start: rule.startArea.toDecimal(),
    current: lead.area.toDecimal(),
    step: rule.areaStep.toDecimal(),
    policy,
  });
  if (breach === null) return null;
  if (breach.kind === 'too_low') {
    return rejection('AREA_TOO_LOW', `the area must be at least ${Area.of(breach.minimum).formatSquareMetres()} (leading area + one step)`, 'area');
  }
  return rejection('NOT_MULTIPLE_OF_STEP', `the area must be the leading area plus a whole number of steps of ${rule.areaStep.formatSquareMetres()}`, 'area');
}

/** A share bid against the leading share (field `share`); never above 100%. */
export function checkShareBid(share: Ratio, lead: ShareLead, rule: Extract<CapRule, { mode: 'self_held_share' }>, policy: IncrementPolicy): Rejection | null {
  if (!Ratio.isRatio(share)) throw new DomainError('INVALID_SHARE', 'a share is a Ratio', 'share');
  const breach = checkAscending(share.toDecimal(), {
    start: rule.startShare.toDecimal(),
    current: lead.share.toDecimal(),
    step: rule.shareStep.toDecimal(),
    policy,
    maximum: Ratio.one().toDecimal(),
  });
  if (breach === null) return null;
  switch (breach.kind) {
    case 'above_maximum':
      return rejection('SHARE_ABOVE_100_PERCENT', 'the self-held share cannot exceed 100%', 'share');
    case 'too_low':
      return rejection('SHARE_TOO_LOW', `the share must be at least ${Ratio.of(breach.minimum).formatPercent()} (leading share + one step)`, 'share');
    default:
      return rejection('NOT_MULTIPLE_OF_STEP', `the share must be the leading share plus a whole number of steps of ${rule.shareStep.formatPercent()}`, 'share');
  }
}

// ───────────────────────────── 摇号 lottery ─────────────────────────────

const SEED_HEX = /^[0-9a-f]{64}$/;

function seedBytes(seedHex: string): Buffer {
  if (typeof seedHex !== 'string' || !SEED_HEX.test(seedHex)) {
    throw new DomainError('INVALID_SEED', 'a lottery seed is 32 random bytes as 64 lowercase hex digits', 'seedHex');
  }
  return Buffer.from(seedHex, 'hex');
}

export function isLotterySeed(value: unknown): value is string {
  return typeof value === 'string' && SEED_HEX.test(value);
}

/**
 * The commitment published before the window closes: lowercase hex `sha256(seed)`, the hash of the 32
 * seed bytes themselves (not of their hex text).
 */
export function lotteryCommitment(seedHex: string): string {
  return createHash('sha256').update(seedBytes(seedHex)).digest('hex');
}

/**
 * The winner's index in `entrants` (bidder numbers sorted ascending by code unit, as published,
 * without duplicates):
 *
 *     digest = sha256( seed bytes (32) ‖ UTF-8( entrants joined by "," ) )
 *     index  = digest read as a big-endian unsigned 256-bit integer, mod entrants.length
 *
 * E.g. in a shell: `printf '%s' "$SEED" | xxd -r -p > m; printf '001,004,007' >> m; sha256sum m`, then
 * the hex as an integer mod 3. The modulo bias is below 2⁻²⁴⁰ for any realistic number of entrants.
 */
export function drawWinner(seedHex: string, entrants: readonly BidderNumber[]): number {
  const seed = seedBytes(seedHex);
  if (!Array.isArray(entrants) || entrants.length === 0) throw new DomainError('NO_ENTRANTS', 'a draw needs at least one entrant', 'entrants');
  entrants.forEach((e, i) => {
    assertBidderNumber(e, `entrants[${i}]`);
    if (i > 0 && !(entrants[i - 1] < e)) {
      throw new DomainError('ENTRANTS_NOT_SORTED', 'entrants must be sorted ascending without duplicates', 'entrants');
    }
  });
  const digest = createHash('sha256').update(seed).update(Buffer.from(entrants.join(','), 'utf8')).digest('hex');
  return Number(BigInt(`0x${digest}`) % BigInt(entrants.length));
}

/** Anyone's check of a published draw: the seed matches the commitment and yields the announced index. */
export function verifyLotteryDraw(commitment: string, seedHex: string, entrants: readonly BidderNumber[], index: number): boolean {
  if (!isLotterySeed(seedHex) || lotteryCommitment(seedHex) !== commitment) return false;
  try {
    return drawWinner(seedHex, entrants) === index;
  } catch {
    return false;
  }
}

// ───────────────────────────── 一次报价 one sealed price ─────────────────────────────

/** The band, exact: guide × (1 + lower) … guide × (1 + upper), both included. */
export function sealedPriceBand(rule: Extract<CapRule, { mode: 'one_sealed_price' }>): { readonly lower: Decimal; readonly upper: Decimal } {
  const one = new Decimal('1');
  const guide = rule.guidePrice.toDecimal();
  return { lower: guide.times(one.plus(rule.bandLower.toDecimal())), upper: guide.times(one.plus(rule.bandUpper.toDecimal())) };
}

export function checkSealedPriceBand(price: Money, rule: Extract<CapRule, { mode: 'one_sealed_price' }>): Rejection | null {
  const { lower, upper } = sealedPriceBand(rule);
  const p = price.toDecimal();
  if (p.lt(lower) || p.gt(upper)) {
    return rejection(
      'OUT_OF_BAND',
      `the sealed price must lie between ${rule.bandLower.formatPercent()} and ${rule.bandUpper.formatPercent()} above the guide price ${rule.guidePrice.formatYuan()}`,
      'price',
    );
  }
  return null;
}

export interface RankedSealedPrice {
  readonly price: Money;
  readonly at: Date;
  readonly order: number;
}

/**
 * The price closest to the average of all `values`; a tie goes to the lower price; the same price
 * twice: the earlier submission. Exact: compares |n·p − Σ| so the average is never rounded.
 */
export function closestToAverage<T extends RankedSealedPrice>(values: readonly T[]): T | undefined {
  if (values.length === 0) return undefined;
  const n = new Decimal(String(values.length));
  const sum = values.reduce((acc, v) => acc.plus(v.price.toDecimal()), new Decimal('0'));
  let best: T | undefined;
  let bestDistance: Decimal | undefined;
  for (const v of values) {
    const distance = v.price.toDecimal().times(n).minus(sum).abs();
    const better =
      best === undefined ||
      bestDistance === undefined ||
      distance.lt(bestDistance) ||
      (distance.eq(bestDistance) &&
        (v.price.lt(best.price) ||
          (v.price.eq(best.price) && (v.at.getTime() < best.at.getTime() || (v.at.getTime() === best.at.getTime() && v.order < best.order)))));
    if (better) {
      best = v;
      bestDistance = distance;
    }
  }
  return best;
}

/** The average of the prices rounded half up to the fen, for display. */
export function averagePrice(prices: readonly Money[]): Money | undefined {
  if (prices.length === 0) return undefined;
  return Money.of(divideHalfUp(Money.sum(prices).toDecimal(), new Decimal(String(prices.length)), 2));
}
