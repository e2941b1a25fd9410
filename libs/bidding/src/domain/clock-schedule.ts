import { countdownOf } from './countdown';
import { isClosed, type LotTradingState } from './trading-state';

/**
 * When the clock must next look at a lot (`lot.due_at`), so that every instance's closer can find
 * due lots with one indexed query (DESIGN.md §4, Time):
 *
 * - `applying`: the opening of trading;
 * - a running phase with a deadline: the first instant after it (`deadline + 1 ms`, since a bid at the
 *   deadline itself is still accepted), or earlier the next countdown warning mark not yet announced
 *   (`deadline − mark`), never before the phase opens (a timed round after its preparation gap);
 * - `opening` (a tender): the public opening;
 * - a lottery or one-sealed-price window that has closed: at once (the draw or the opening follows);
 * - a suspended lot: its announced resumption (undefined until announced);
 * - frozen or closed lots: never (undefined).
 *
 * A due time in the past means "now". The tick at that time always makes progress — it closes the
 * phase, or announces the mark, after which the next candidate is later — so the clock cannot spin.
 */
export function nextDueAt(state: LotTradingState): Date | undefined {
  if (isClosed(state) || state.phase === 'frozen') return undefined;
  switch (state.phase) {
    case 'suspended':
      return state.suspended?.resumesAt;
    case 'applying':
      return state.opensAt;
    case 'opening':
      return state.openingAt;
    default:
      break;
  }
  const deadline = state.deadline;
  if (deadline === undefined) return undefined;
  const cap = state.capRound;
  if (state.phase === 'cap_round' && cap !== undefined && (cap.mode === 'lottery' || cap.mode === 'one_sealed_price') && cap.windowClosed) {
    return deadline;
  }
  let due = deadline.getTime() + 1;
  const countdown = countdownOf(state, state.rules);
  if (countdown !== undefined) {
    const pending = countdown.marks.filter(
      (mark) => mark < countdown.seconds && (state.lastWarningSeconds === undefined || mark < state.lastWarningSeconds),
    );
    if (pending.length > 0) {
      let at = deadline.getTime() - Math.max(...pending) * 1000;
      if (state.opensAt !== undefined) at = Math.max(at, state.opensAt.getTime());
      due = Math.min(due, at);
    }
  }
  return new Date(due);
}
