import { DomainError } from '@app/common/domain-error';
import { Decimal } from '@app/money/decimal';
import { Money } from '@app/money/money';
import type { IncrementPolicy } from '@app/listing/domain/lot-terms';
import { rejection, type BidderNumber, type Rejection } from './rejections';

/**
 * The rules a single bid must pass (DOMAIN.md §5, §6), by name. Pure: each returns a rejection or null.
 *
 * **Ascending values** ({@link checkAscending}, used for prices, 竞配建 areas and 竞自持 shares):
 * - the first value is at least the start (`start`); every later one at least `current + step`;
 * - `at_least_one` (Fujian): any value from that minimum up;
 * - `whole_multiple` (Jiangsu): `current + k × step` for a whole k ≥ 1; the first value `start + k × step`
 *   for a whole k ≥ 0 (decision: the grid is anchored on the start price, so the first bid cannot
 *   break it either);
 * - optional largest jump of `maxJumpSteps` steps above the current value (for the first value: above
 *   the start, so the first bid lies in `start … start + maxJump × step`);
 * - optional inclusive maximum (the price cap; 100% for a share): a value may equal it, never exceed it.
 *
 * **Price cap** ({@link reachesCap}): when an accepted price equals the cap, or one more increment
 * would exceed it, price bidding stops and the cap mode starts.
 *
 * **Who may bid again** ({@link checkNotLeading}): the current leader may not raise its own bid
 * (ALREADY_LEADING). In Chinese auctions and listings a bidder only outbids others: raising one's own
 * standing bid would only push the price up against nobody (and is a known way to play a reserve).
 *
 * **Quiet period** ({@link inQuietPeriod}): with the setting on (N minutes, e.g. 60), no quotes in the
 * last N minutes of the listing, i.e. from `end − N min` (included) to the end.
 *
 * **Equal prices**: every accepted price is strictly higher than the one before (a bid equal to the
 * current price is below `current + increment`), so of two equal quotes the earlier stands and the
 * later is rejected PRICE_TOO_LOW. Functions that rank lists (listing-end.ts, tender.ts) break ties by
 * the earlier time all the same.
 *
 * **Withdrawal**: quotes cannot be withdrawn; there is no command that removes one.
 */

export interface AscendingRule {
  /** The lowest first value. */
  readonly start: Decimal;
  /** The current (highest) value, if any was accepted in this round. */
  readonly current?: Decimal;
  readonly step: Decimal;
  readonly policy: IncrementPolicy;
  readonly maxJumpSteps?: number;
  /** Inclusive upper limit (price cap, 100%). */
  readonly maximum?: Decimal;
}

export type AscendingBreach =
  | { readonly kind: 'above_maximum'; readonly maximum: Decimal }
  | { readonly kind: 'too_low'; readonly minimum: Decimal }
  | { readonly kind: 'not_multiple'; readonly base: Decimal; readonly step: Decimal }
  | { readonly kind: 'jump_too_large'; readonly maximum: Decimal };

/** The lowest acceptable next value: `start` for the first, `current + step` after. */
export function minimumNext(rule: Pick<AscendingRule, 'start' | 'current' | 'step'>): Decimal {
  return rule.current === undefined ? rule.start : rule.current.plus(rule.step);
}

/** The first rule `value` breaks, checked in this order: maximum, minimum, multiple, jump; null when it passes. */
export function checkAscending(value: Decimal, rule: AscendingRule): AscendingBreach | null {
  if (!rule.step.isPositive() || rule.step.isZero()) {
    throw new DomainError('INVALID_STEP', 'an increment or step must be greater than zero', 'step');
  }
  if (rule.maximum !== undefined && value.gt(rule.maximum)) return { kind: 'above_maximum', maximum: rule.maximum };
  const minimum = minimumNext(rule);
  if (value.lt(minimum)) return { kind: 'too_low', minimum };
  const base = rule.current ?? rule.start;
  if (rule.policy === 'whole_multiple' && !value.minus(base).mod(rule.step).isZero()) {
    return { kind: 'not_multiple', base, step: rule.step };
  }
  if (rule.maxJumpSteps !== undefined) {
    const maximum = base.plus(rule.step.times(String(rule.maxJumpSteps)));
    if (value.gt(maximum)) return { kind: 'jump_too_large', maximum };
  }
  return null;
}

export interface PriceBidContext {
  readonly startPrice: Money;
  readonly current?: Money;
  readonly increment: Money;
  readonly policy: IncrementPolicy;
  readonly maxJumpIncrements?: number;
  readonly cap?: Money;
}

function money(d: Decimal): string {
  return Money.of(d).formatYuan();
}

/** The price rules of DOMAIN.md §5–§6 for one price bid (field `price`). */
export function checkPriceBid(price: Money, ctx: PriceBidContext): Rejection | null {
  if (!Money.isMoney(price)) throw new DomainError('INVALID_PRICE', 'a price is Money', 'price');
  const breach = checkAscending(price.toDecimal(), {
    start: ctx.startPrice.toDecimal(),
    current: ctx.current?.toDecimal(),
    step: ctx.increment.toDecimal(),
    policy: ctx.policy,
    maxJumpSteps: ctx.maxJumpIncrements,
    maximum: ctx.cap?.toDecimal(),
  });
  if (breach === null) return null;
  switch (breach.kind) {
    case 'above_maximum':
      return rejection('ABOVE_CAP', `the price may reach the cap (最高限价) of ${money(breach.maximum)} but not exceed it`, 'price');
    case 'too_low':
      return rejection(
        'PRICE_TOO_LOW',
        ctx.current === undefined
          ? `the first bid must be at least the start price ${money(breach.minimum)}`
          : `the bid must be at least ${money(breach.minimum)} (current price + one increment)`,
        'price',
      );
    case 'not_multiple':
      return rejection(
        'NOT_MULTIPLE_OF_INCREMENT',
        `the bid must be ${money(breach.base)} plus a whole multiple of the increment ${money(breach.step)}`,
        'price',
      );
    case 'jump_too_large':
      return rejection(
        'JUMP_TOO_LARGE',
        `the bid may be at most ${money(breach.maximum)} (${String(ctx.maxJumpIncrements)} increments above the ${ctx.current === undefined ? 'start' : 'current'} price)`,
        'price',
      );
  }
}

/** Price bidding stops: the price equals the cap, or one more increment would exceed it. */
export function reachesCap(price: Money, increment: Money, cap: Money | undefined): boolean {
  if (cap === undefined) return false;
  return price.gte(cap) || price.add(increment).gt(cap);
}

/** ALREADY_LEADING: the current leader may not raise its own bid. */
export function checkNotLeading(bidder: BidderNumber, leader: BidderNumber | undefined): Rejection | null {
  return leader !== undefined && leader === bidder
    ? rejection('ALREADY_LEADING', 'you already hold the highest bid; a bidder may not outbid itself', 'bidderNumber')
    : null;
}

const MS_PER_MINUTE = 60_000;

/** In the last `quietMinutes` of the listing (`end − N min ≤ now`); never when the setting is 0. */
export function inQuietPeriod(now: Date, listingEnd: Date, quietMinutes: number): boolean {
  return quietMinutes > 0 && now.getTime() >= listingEnd.getTime() - quietMinutes * MS_PER_MINUTE;
}

/** A bid strictly after the deadline is late: the deadline instant itself still counts. */
export function isPastDeadline(now: Date, deadline: Date | undefined): boolean {
  return deadline !== undefined && now.getTime() > deadline.getTime();
}

const CLIENT_BID_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/** The client's retry id: 1–64 characters of `[A-Za-z0-9._:-]` (a UUID fits). */
export function checkClientBidId(id: unknown): Rejection | null {
  return typeof id === 'string' && CLIENT_BID_ID.test(id)
    ? null
    : rejection('INVALID_CLIENT_BID_ID', 'clientBidId must be 1–64 characters of A–Z, a–z, 0–9, ".", "_", ":", "-"', 'clientBidId');
}
