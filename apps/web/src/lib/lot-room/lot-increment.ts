import type { LotSnapshot } from '@app/contracts';
import { addSteps } from '@web/lib/money';

const BIDDABLE: ReadonlyArray<LotSnapshot['phase']> = ['listing', 'timed_round', 'auction_round'];

/**
 * A room or watch joined before trading opened holds a snapshot without the increment (the engine sets
 * it at the opening, and no frame repeats it): the lot's own increment fills it, and with it the minimum
 * next price (the start price before the first bid, one increment above the current price after).
 */
export function withLotIncrement(view: LotSnapshot, increment: string | null, startPrice: string | null): LotSnapshot {
  if (view.increment !== null || increment === null) return view;
  const biddable = BIDDABLE.includes(view.phase);
  const minimumNextPrice = view.minimumNextPrice ?? (!biddable ? null : view.currentPrice ? addSteps(view.currentPrice, increment, 1) : startPrice);
  return { ...view, increment, minimumNextPrice };
}
