import type { LotSnapshot, OwnApplication } from './api';

/** A qualified bidder may enter the room this long before trading opens (to see the board and its number ready). */
export const ENTRY_WINDOW_MS = 30 * 60_000;

type Phase = LotSnapshot['phase'];

/** Phases in which the room is live: bids are taken, counted or paused (a frozen lot resumes in the room). */
const TRADING: ReadonlySet<Phase> = new Set<Phase>(['listing', 'timed_round', 'auction_round', 'cap_round', 'sealed_bidding', 'opening', 'frozen']);
/** Phases before trading opens. */
const BEFORE: ReadonlySet<Phase> = new Set<Phase>(['published', 'applying']);

/**
 * What a row of "我的竞价" offers: `enter` the room (a qualified application whose lead is this bidder,
 * on a lot trading or opening within {@link ENTRY_WINDOW_MS}); `watch` the public live view (a joint
 * group's other members: only the lead bids, DESIGN.md §4); otherwise the `application` in the bidder area.
 */
export type MyLotAction = 'enter' | 'watch' | 'application';

export function isTrading(phase: Phase): boolean {
  return TRADING.has(phase);
}

export function isBeforeTrading(phase: Phase): boolean {
  return BEFORE.has(phase);
}

export function myLotAction(app: Pick<OwnApplication, 'status' | 'bidderNumber' | 'isLead'>, lot: Pick<LotSnapshot, 'phase' | 'opensAt'> | undefined, nowMs: number): MyLotAction {
  if (!lot || app.status !== 'qualified' || !app.bidderNumber) return 'application';
  const soon = isBeforeTrading(lot.phase) && lot.opensAt !== null && Date.parse(lot.opensAt) - nowMs <= ENTRY_WINDOW_MS;
  if (!isTrading(lot.phase) && !soon) return 'application';
  return app.isLead ? 'enter' : 'watch';
}
