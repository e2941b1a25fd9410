import { transitionLot, type LotPhaseState, type LotTransitionContext, type LotTransitionName } from '@app/listing/domain/lot-phase';
import type { EngineEvent } from './events';
import { reject, type Rejected } from './rejections';
import type { LotTradingState } from './trading-state';

/** An applied command: the next state and the events to store, in order (possibly none). */
export interface Accepted {
  readonly state: LotTradingState;
  readonly events: EngineEvent[];
}

export type Decision = Accepted | Rejected;

export function isRejected(decision: Decision): decision is Rejected {
  return 'rejection' in decision;
}

export function accepted(state: LotTradingState, events: EngineEvent[] = []): Accepted {
  return { state, events };
}

/** The common guard of trading commands: LOT_CLOSED, LOT_FROZEN, LOT_SUSPENDED. */
export function lotGuard(state: LotTradingState): Rejected | null {
  if (state.phase === 'closed_sold' || state.phase === 'closed_unsold' || state.phase === 'terminated') {
    return reject('LOT_CLOSED', 'the lot is closed');
  }
  if (state.phase === 'frozen') return reject('LOT_FROZEN', 'trading is frozen (暂停); it resumes with the frozen time added to the deadline');
  if (state.phase === 'suspended') return reject('LOT_SUSPENDED', 'the sale is suspended (中止); it resumes as announced, with the suspended time added to the deadline');
  return null;
}

/**
 * The lot's phase after `name`, through the one table-driven state machine of the listing context
 * (DESIGN.md §6: nothing else writes `phase`). A DomainError from it is a programming error of the
 * engine, except where the caller (freeze / resume) turns the expected ones into rejections.
 */
export function phaseAfter(
  state: LotTradingState,
  name: LotTransitionName,
  now: Date,
  extra: Pick<LotTransitionContext, 'reason' | 'deadline' | 'supervisorApproved' | 'resumptionNoticeAt'> = {},
): LotPhaseState {
  const current: LotPhaseState = {
    phase: state.phase,
    ...(state.frozen !== undefined ? { phaseBeforeFreeze: state.frozen.from, frozenAt: state.frozen.at } : {}),
    ...(state.suspended !== undefined ? { phaseBeforeSuspension: state.suspended.from } : {}),
  };
  return transitionLot(current, name, {
    method: state.terms.method,
    now,
    ...extra,
    settings: {
      protectedFinalMinutes: state.rules.protectedFinalMinutes,
      freezeDirectResumeMinutes: state.rules.freezeDirectResumeMinutes,
      freezeResumptionNoticeHours: state.rules.freezeResumptionNoticeHours,
    },
  });
}
