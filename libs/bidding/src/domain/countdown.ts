import type { Money } from '@app/money/money';
import type { TimedRoundEntry, TimedRoundStart } from '@app/listing/domain/lot-terms';
import type { BidderNumber } from './rejections';
import type { LotTradingState, PriceLead, TradingRules } from './trading-state';

/**
 * Countdowns (DOMAIN.md §5).
 *
 * - **Auction round** (default 60 s) and **timed final round** (default 240 s; Fujian 300 s): the
 *   deadline is `now + countdown` after every accepted bid (the countdown restarts); a rejected bid
 *   changes nothing. 竞配建 / 竞自持 rounds run the same way with the cap round's countdown.
 * - **Deadline semantics**: the deadline is the last instant a bid is accepted (`now ≤ deadline`); the
 *   first tick after it (`now > deadline`) ends the phase. A bid that reaches the server 1 ms after
 *   the deadline is rejected even if no tick ran yet.
 * - **Warnings** (default 60, 30, 10 s): a tick announces `countdown:warning` when the time left has
 *   fallen to a mark (`deadline − now ≤ mark`) that was not announced for the current deadline. If
 *   one tick crosses several marks (a slow clock), only the smallest is announced: announcing "60 s"
 *   when 5 s are left would mislead. A mark not shorter than the countdown itself is never announced
 *   (it would fire at every restart). A bid restarts the countdown and re-arms all marks; a freeze
 *   keeps them as they were (the time left is unchanged by a freeze).
 * - **Timed round schedule**: the round opens `preparationGapMinutes` after the listing end and its
 *   first deadline is the opening + the countdown. Everything is computed from the scheduled listing
 *   end, not from when the tick ran, so a late clock gives the same result.
 * - **Round start** (setting `startAt`): `listing_high` — the listing high and its leader stand as the
 *   round's current price and leader, so the first round bid is ≥ high + increment (following the
 *   increment policy) and the listing leader cannot bid first (ALREADY_LEADING);
 *   `listing_high_plus_increment` — the round opens at high + increment like a new start price that
 *   anyone entered may take (the listing leader too); the listing leader still wins if nobody bids.
 * - **Entry** (setting `entry`): `all_qualified` — every qualified bidder may bid in the round;
 *   `opt_in` — only those who opted in before the listing end, checked by the server (NOT_ENTERED).
 */

const MS_PER_SECOND = 1000;
const MS_PER_MINUTE = 60_000;

export function addMilliseconds(at: Date, ms: number): Date {
  return new Date(at.getTime() + ms);
}

/** The deadline after a restart: `now + seconds`. */
export function restartCountdown(now: Date, seconds: number): Date {
  return addMilliseconds(now, seconds * MS_PER_SECOND);
}

/** The mark to announce now, or undefined (see the file comment). */
export function warningDue(
  deadline: Date,
  now: Date,
  countdownSeconds: number,
  marks: readonly number[],
  lastAnnounced: number | undefined,
): number | undefined {
  const left = deadline.getTime() - now.getTime();
  if (left < 0) return undefined;
  let due: number | undefined;
  for (const mark of marks) {
    if (mark >= countdownSeconds) continue;
    if (lastAnnounced !== undefined && mark >= lastAnnounced) continue;
    if (left <= mark * MS_PER_SECOND && (due === undefined || mark < due)) due = mark;
  }
  return due;
}

/** The countdown length and warning marks of the running phase, if it runs a countdown. */
export function countdownOf(state: LotTradingState, rules: TradingRules): { seconds: number; marks: readonly number[] } | undefined {
  switch (state.phase) {
    case 'auction_round':
      return { seconds: rules.countdownSeconds, marks: rules.warningSeconds };
    case 'timed_round':
      return { seconds: rules.timedRoundSeconds, marks: rules.timedRoundWarningSeconds };
    case 'cap_round':
      return state.capRound?.mode === 'build_in_area' || state.capRound?.mode === 'self_held_share'
        ? { seconds: rules.capRoundSeconds, marks: rules.warningSeconds }
        : undefined;
    default:
      return undefined;
  }
}

/** When the timed round opens and its first deadline. */
export function timedRoundSchedule(listingEnd: Date, preparationGapMinutes: number, countdownSeconds: number): { opensAt: Date; deadline: Date } {
  const opensAt = addMilliseconds(listingEnd, preparationGapMinutes * MS_PER_MINUTE);
  return { opensAt, deadline: restartCountdown(opensAt, countdownSeconds) };
}

export interface TimedRoundOpening {
  /** The lowest first bid of the round when nobody leads it. */
  readonly roundStartPrice: Money;
  /** The round's current leader (listing_high: the listing leader). */
  readonly lead?: PriceLead;
  /** listing_high_plus_increment: the listing leader, who wins if nobody bids. */
  readonly fallbackLead?: PriceLead;
}

/** How the round starts from the listing's highest quote. */
export function timedRoundOpening(listingHigh: PriceLead, increment: Money, startAt: TimedRoundStart): TimedRoundOpening {
  return startAt === 'listing_high'
    ? { roundStartPrice: listingHigh.price, lead: listingHigh }
    : { roundStartPrice: listingHigh.price.add(increment), fallbackLead: listingHigh };
}

/** Who may bid in the timed round. */
export function mayBidInTimedRound(bidder: BidderNumber, entry: TimedRoundEntry, optIns: readonly BidderNumber[]): boolean {
  return entry === 'all_qualified' || optIns.includes(bidder);
}

/** The bidders of the timed round: every qualified bidder, or those who opted in. */
export function timedRoundEntrants(
  entry: TimedRoundEntry,
  qualified: readonly BidderNumber[],
  optIns: readonly BidderNumber[],
): readonly BidderNumber[] {
  return entry === 'all_qualified' ? qualified : optIns;
}
