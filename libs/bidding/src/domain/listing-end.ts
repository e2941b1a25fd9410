import type { TimedFinalRoundTerms } from '@app/listing/domain/lot-terms';
import type { BidderNumber } from './rejections';
import type { PriceLead } from './trading-state';

/**
 * What happens when the listing period ends (DOMAIN.md §5, 挂牌), decided in this order:
 *
 * 1. fewer qualified bidders than the method's minimum (setting `minBiddersListing`, default 1, or the
 *    lot's `minBidders`) → unsold, `TOO_FEW_BIDDERS`; qualification continues during the listing, so
 *    for a listing this is judged at its end (an auction is judged when it opens);
 * 2. no valid quote → unsold, `NO_BIDS`;
 * 3. the timed final round is off, or fewer than two bidders want to continue → the highest quote
 *    wins if it meets the reserve (≥), the earlier quote on equal prices ({@link highestQuote});
 *    "want to continue" means: opted in (entry `opt_in`), or simply qualified (entry `all_qualified`,
 *    where no opt-in is asked);
 * 4. otherwise the timed final round. In it, if nobody bids the listing leader wins; at its end the
 *    highest price wins if it meets the reserve, else unsold `RESERVE_NOT_MET` ({@link timedRoundWinner}).
 *    The reserve applies to the listing leader's quote as to any winning price.
 */

export type ListingEndOutcome =
  | { readonly kind: 'unsold'; readonly reason: 'TOO_FEW_BIDDERS' | 'NO_BIDS' }
  | { readonly kind: 'award'; readonly lead: PriceLead }
  | { readonly kind: 'timed_round'; readonly listingHigh: PriceLead };

export interface ListingEndInput {
  readonly quotes: readonly PriceLead[];
  readonly qualified: readonly BidderNumber[];
  readonly minBidders: number;
  /** The lot's round terms when the round is enabled. */
  readonly timedFinalRound?: TimedFinalRoundTerms;
  readonly timedRoundOptIns: readonly BidderNumber[];
}

/** The highest quote; on equal prices the earlier one (then the earlier in the list). */
export function highestQuote(quotes: readonly PriceLead[]): PriceLead | undefined {
  let best: PriceLead | undefined;
  for (const q of quotes) {
    if (best === undefined || q.price.gt(best.price) || (q.price.eq(best.price) && q.at.getTime() < best.at.getTime())) best = q;
  }
  return best;
}

/** How many bidders want to continue into the timed round. */
export function biddersWantingToContinue(input: Pick<ListingEndInput, 'qualified' | 'timedFinalRound' | 'timedRoundOptIns'>): number {
  const round = input.timedFinalRound;
  if (round === undefined || !round.enabled) return 0;
  return round.entry === 'opt_in' ? input.timedRoundOptIns.length : input.qualified.length;
}

export function listingEndOutcome(input: ListingEndInput): ListingEndOutcome {
  if (input.qualified.length < input.minBidders) return { kind: 'unsold', reason: 'TOO_FEW_BIDDERS' };
  const high = highestQuote(input.quotes);
  if (high === undefined) return { kind: 'unsold', reason: 'NO_BIDS' };
  if (input.timedFinalRound?.enabled !== true || biddersWantingToContinue(input) < 2) return { kind: 'award', lead: high };
  return { kind: 'timed_round', listingHigh: high };
}

/** The timed round's winner candidate: the round's leader, else the listing leader. */
export function timedRoundWinner(roundLead: PriceLead | undefined, listingLeader: PriceLead | undefined): PriceLead | undefined {
  return roundLead ?? listingLeader;
}
