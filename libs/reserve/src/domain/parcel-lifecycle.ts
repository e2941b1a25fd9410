import { DomainError } from '@app/common/domain-error';

/**
 * The life of a reserve parcel (DOMAIN.md §2), as one table:
 *
 *   acquired ─take_into_reserve→ in_reserve ─start_development→ developing ─complete_development→ ready_for_supply
 *                                 in_reserve ─mark_ready→ ready_for_supply     (no 前期开发 needed)
 *   ready_for_supply ─list_for_sale→ listed ─mark_sold→ sold
 *   listed ─return_after_failed_sale→ ready_for_supply                       (流拍, unsold or terminated sale)
 *   acquired | in_reserve | developing | ready_for_supply | listed ─withdraw→ withdrawn
 *
 * Decisions:
 * - `mark_ready` lets a parcel that needs no preliminary development (already serviced land) skip
 *   `developing`; the reserve officer decides, no reason is required (the cost record shows no
 *   development entries, which says the same).
 * - `withdraw` is possible from every state before `sold`, `listed` included, as the handbook says.
 *   A listed parcel belongs to a live lot, so the application service must terminate the sale (listing
 *   context) before withdrawing it; this table only says the parcel itself may go.
 * - `sold` and `withdrawn` are final. A withdrawn parcel that comes back is a new acquisition.
 * - Transitions into and out of `listed` are performed by the trading system (the listing and bidding
 *   contexts, on publication and at the close), never by hand; the others by a reserve officer.
 */

export const PARCEL_STATES = [
  'acquired',
  'in_reserve',
  'developing',
  'ready_for_supply',
  'listed',
  'sold',
  'withdrawn',
] as const;
export type ParcelState = (typeof PARCEL_STATES)[number];

export const PARCEL_TRANSITION_NAMES = [
  'take_into_reserve',
  'start_development',
  'complete_development',
  'mark_ready',
  'list_for_sale',
  'return_after_failed_sale',
  'mark_sold',
  'withdraw',
] as const;
export type ParcelTransitionName = (typeof PARCEL_TRANSITION_NAMES)[number];

/** Who performs a transition: a reserve officer (储备中心) or the trading system (交易中心's contexts). */
export type ParcelActor = 'reserve_officer' | 'trading_system';

export interface ParcelTransition {
  readonly name: ParcelTransitionName;
  readonly from: readonly ParcelState[];
  readonly to: ParcelState;
  readonly reasonRequired: boolean;
  readonly performedBy: ParcelActor;
  readonly description: string;
}

function rule(
  name: ParcelTransitionName,
  from: readonly ParcelState[],
  to: ParcelState,
  performedBy: ParcelActor,
  reasonRequired: boolean,
  description: string,
): ParcelTransition {
  return Object.freeze({ name, from: Object.freeze([...from]), to, reasonRequired, performedBy, description });
}

export const PARCEL_TRANSITIONS: Readonly<Record<ParcelTransitionName, ParcelTransition>> = Object.freeze({
  take_into_reserve: rule('take_into_reserve', ['acquired'], 'in_reserve', 'reserve_officer', false, 'take into the reserve (纳入储备)'),
  start_development: rule('start_development', ['in_reserve'], 'developing', 'reserve_officer', false, 'start preliminary development (前期开发)'),
  complete_development: rule(
    'complete_development',
    ['developing'],
    'ready_for_supply',
    'reserve_officer',
    false,
    'development done, ready for supply (可供应)',
  ),
  mark_ready: rule('mark_ready', ['in_reserve'], 'ready_for_supply', 'reserve_officer', false, 'ready for supply without development'),
  list_for_sale: rule('list_for_sale', ['ready_for_supply'], 'listed', 'trading_system', false, 'listed in a sale announcement (出让公告)'),
  return_after_failed_sale: rule(
    'return_after_failed_sale',
    ['listed'],
    'ready_for_supply',
    'trading_system',
    true,
    'back to supply after an unsold (流拍) or terminated sale',
  ),
  mark_sold: rule('mark_sold', ['listed'], 'sold', 'trading_system', false, 'sold (成交)'),
  withdraw: rule(
    'withdraw',
    ['acquired', 'in_reserve', 'developing', 'ready_for_supply', 'listed'],
    'withdrawn',
    'reserve_officer',
    true,
    'withdrawn from the reserve',
  ),
});

export function isParcelState(value: unknown): value is ParcelState {
  return typeof value === 'string' && (PARCEL_STATES as readonly string[]).includes(value);
}

export function isParcelTransitionName(value: unknown): value is ParcelTransitionName {
  return typeof value === 'string' && (PARCEL_TRANSITION_NAMES as readonly string[]).includes(value);
}

/** No transition leaves this state. */
export function isFinalParcelState(state: ParcelState): boolean {
  return availableTransitions(state).length === 0;
}

/** The transitions open from `state` (optionally only those `actor` performs), in table order. */
export function availableTransitions(state: ParcelState, actor?: ParcelActor): readonly ParcelTransition[] {
  return PARCEL_TRANSITION_NAMES.map((name) => PARCEL_TRANSITIONS[name]).filter(
    (t) => t.from.includes(state) && (actor === undefined || t.performedBy === actor),
  );
}

export interface TransitionInput {
  /** Why; required by the transitions marked `reasonRequired`, kept in the parcel's history. */
  reason?: string;
}

/**
 * The state after `name`, or a DomainError: INVALID_STATE_TRANSITION (field `state`) when `name` is not
 * open from `state`, REASON_REQUIRED (field `reason`) when it needs a reason and got none or only
 * blanks. Both arguments are checked at run time too, since they may come from a request.
 */
export function transition(state: ParcelState, name: ParcelTransitionName, input: TransitionInput = {}): ParcelState {
  if (!isParcelTransitionName(name)) {
    throw new DomainError('UNKNOWN_TRANSITION', `unknown parcel transition ${JSON.stringify(String(name))}`, 'transition', {
      allowed: [...PARCEL_TRANSITION_NAMES],
    });
  }
  const t = PARCEL_TRANSITIONS[name];
  if (!isParcelState(state) || !t.from.includes(state)) {
    throw new DomainError('INVALID_STATE_TRANSITION', `cannot ${name} a parcel that is ${String(state)}`, 'state', {
      state,
      transition: name,
      allowedFrom: [...t.from],
    });
  }
  if (t.reasonRequired && (typeof input.reason !== 'string' || input.reason.trim() === '')) {
    throw new DomainError('REASON_REQUIRED', `a reason is required to ${name} a parcel`, 'reason', { transition: name });
  }
  return t.to;
}
