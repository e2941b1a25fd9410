import { Area } from '@app/money/area';
import { Decimal } from '@app/money/decimal';
import { Money } from '@app/money/money';
import type { LotPhase } from '@app/listing/domain/lot-phase';
import type { CapMode } from '@app/listing/domain/lot-terms';

/**
 * What a simulated bidder does next (the demo's live lot and practice lots, 模拟竞价). Pure: the
 * service (simulated-bidders.service.ts) reads the lot, asks this once per move and sends the answer
 * through the same TradingService path as a real bidder's; the engine judges it like any other bid.
 *
 * The bidders behave like cautious people, not like a script that always wins:
 * - on a listing board they put up a few quotes in all (`listingQuotesMax`) and leave the rest to the
 *   timed final round;
 * - in a price round the one whose turn it is (rotating with `step`) bids the lowest next price, if it
 *   does not lead already and the price is within its private limit; when nobody is willing they stop
 *   and the countdown runs out;
 * - at a 竞配建 cap they offer one more step of floor area up to their own area limit; at a 摇号 cap each
 *   opts in; in a tender each submits one sealed price between the start price and its limit.
 */

export interface SimulatedSeat {
  readonly applicationId: string;
  readonly bidderNumber: string;
  /** The highest price it bids, in the lot's unit. */
  readonly limit: Money;
  /** At a 竞配建 cap: the largest floor area it offers. */
  readonly areaLimit?: Area | null;
}

export interface SimulatedView {
  readonly phase: LotPhase;
  readonly leaderNumber: string | null;
  readonly minimumNextPrice: Money | null;
  readonly capMode: CapMode | null;
  readonly leadingArea: Area | null;
  /** 竞配建: the step of floor area from the lot's terms. */
  readonly areaStep: Area | null;
  readonly startPrice: Money;
  /** Tender: the bidder numbers that have already submitted a sealed price. */
  readonly sealedSubmitted: readonly string[];
}

export interface SimulatedProgress {
  /** The driver's move number on this lot (0, 1, 2 …). */
  readonly step: number;
  readonly listingQuotes: number;
  readonly listingQuotesMax: number;
}

export type SimulatedMove =
  | { readonly kind: 'price'; readonly seat: SimulatedSeat; readonly price: Money }
  | { readonly kind: 'area'; readonly seat: SimulatedSeat; readonly area: Area }
  | { readonly kind: 'opt_in'; readonly seat: SimulatedSeat }
  | { readonly kind: 'sealed'; readonly seat: SimulatedSeat; readonly price: Money };

const FINISHED: readonly LotPhase[] = ['closed_sold', 'closed_unsold', 'terminated'];

/** Nothing is left to drive on a lot in one of these phases. */
export function simulationFinished(phase: LotPhase): boolean {
  return FINISHED.includes(phase);
}

/** The client bid id of a move: the same move repeated after a crash is answered as a retry. */
export function simulatedClientBidId(step: number): string {
  return `sim-${step}`;
}

/**
 * The next move of the simulated bidders, or null when none of them acts now. `fraction` ∈ [0, 1) is
 * the only chance involved (a sealed price's place between the start price and the limit).
 */
export function nextSimulatedMove(view: SimulatedView, seats: readonly SimulatedSeat[], progress: SimulatedProgress, fraction: number): SimulatedMove | null {
  if (seats.length === 0) return null;
  const turn = <T>(list: readonly T[]): T => list[progress.step % list.length]!;
  switch (view.phase) {
    case 'listing':
    case 'timed_round':
    case 'auction_round': {
      if (view.phase === 'listing' && progress.listingQuotes >= progress.listingQuotesMax) return null;
      const next = view.minimumNextPrice;
      if (!next) return null;
      const willing = seats.filter((s) => s.bidderNumber !== view.leaderNumber && next.lte(s.limit));
      return willing.length > 0 ? { kind: 'price', seat: turn(willing), price: next } : null;
    }
    case 'cap_round': {
      if (view.capMode === 'lottery') return { kind: 'opt_in', seat: turn(seats) };
      if (view.capMode === 'build_in_area' && view.leadingArea && view.areaStep) {
        const area = view.leadingArea.add(view.areaStep);
        const willing = seats.filter((s) => s.bidderNumber !== view.leaderNumber && s.areaLimit && area.lte(s.areaLimit));
        return willing.length > 0 ? { kind: 'area', seat: turn(willing), area } : null;
      }
      return null;
    }
    case 'sealed_bidding': {
      const waiting = seats.filter((s) => !view.sealedSubmitted.includes(s.bidderNumber) && view.startPrice.lte(s.limit));
      if (waiting.length === 0) return null;
      const seat = turn(waiting);
      return { kind: 'sealed', seat, price: sealedPriceBetween(view.startPrice, seat.limit, fraction) };
    }
    default:
      return null;
  }
}

/** A price between `low` and `high` at `fraction`, rounded down to whole 元 and never below `low`. */
export function sealedPriceBetween(low: Money, high: Money, fraction: number): Money {
  const f = Math.min(Math.max(fraction, 0), 0.999999);
  const span = high.toDecimal().minus(low.toDecimal());
  const price = Money.of(low.toDecimal().plus(span.times(new Decimal(f.toFixed(6)))).toDecimalPlaces(0, Decimal.ROUND_DOWN).toFixed(2));
  return price.lt(low) ? low : price;
}

/** The pause before the next move, ms: uniform between the lot's bounds. */
export function simulatedDelayMs(minMs: number, maxMs: number, fraction: number): number {
  return minMs + Math.floor(Math.min(Math.max(fraction, 0), 0.999999) * (maxMs - minMs + 1));
}
