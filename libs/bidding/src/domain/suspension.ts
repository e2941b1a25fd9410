import { DomainError } from '@app/common/domain-error';
import { deadlineAfterFreeze } from '@app/listing/domain/lot-phase';
import { isPastDeadline } from './bid-rules';
import type { ScheduleResumption, Suspend } from './commands';
import { accepted, phaseAfter, type Accepted, type Decision } from './decision';
import type { EngineEvent } from './events';
import { assertInstant, reject, type RejectionCode } from './rejections';
import { isClosed, patchState, stripUndefined, type LotTradingState } from './trading-state';

/**
 * The announcement's suspension (中止, DOMAIN.md §3) reaching a lot in trading. The listing context
 * suspends and resumes whole announcements with a supervisor's approval; for a lot whose trading has
 * opened it hands the step to the engine, so the lot stops exactly as in a freeze and the chain says so.
 *
 * - **Suspend**: from a trading phase, or from `frozen` (the freeze is kept underneath). The clock stops:
 *   bids, area and share bids, opt-ins and sealed values are rejected LOT_SUSPENDED, and a tick neither
 *   closes nor warns, even when the deadline passes meanwhile. Event `phase:changed` to `suspended`
 *   with the reason. A lot whose deadline has already passed cannot be suspended (PHASE_CLOSED): the
 *   service ticks it first, so a close that was due happens before the suspension.
 * - **Schedule the resumption**: the announcement's resumption notice names when trading resumes
 *   (`resumesAt`, at least `resumptionNoticeDays` ahead). The lot stays suspended until the clock's
 *   first tick from then; no event until it resumes. A new suspension before that cancels it.
 * - **Resumption** (by the clock): back to the phase the suspension interrupted, the suspended time
 *   (`now − suspendedAt`, by the database clock) added to the deadline — and to a timed round's or a
 *   tender's opening still ahead — as {@link deadlineAfterFreeze} does for a freeze; events
 *   `phase:changed` and `deadline:extended` (`frozenMs` = the suspended time). A lot suspended while
 *   frozen returns to `frozen` with its deadline untouched: resuming the freeze later adds the whole
 *   time since the freeze, suspension included, once.
 */

const MAPPED: Readonly<Record<string, RejectionCode>> = {
  REASON_REQUIRED: 'REASON_REQUIRED',
  SUPERVISOR_APPROVAL_REQUIRED: 'SUPERVISOR_APPROVAL_REQUIRED',
  INVALID_STATE_TRANSITION: 'WRONG_PHASE',
};

export function decideSuspend(state: LotTradingState, command: Suspend, now: Date): Decision {
  if (isClosed(state)) return reject('LOT_CLOSED', 'the lot is closed');
  if (typeof command.reason !== 'string' || command.reason.trim() === '') return reject('REASON_REQUIRED', 'a suspension needs a reason', 'reason');
  const reason = command.reason.trim();
  if (state.phase === 'suspended' && state.suspended !== undefined) {
    // Suspended again before the announced resumption: the lot stays suspended, the resumption is off.
    return accepted(state.suspended.resumesAt === undefined ? state : patchState(state, { suspended: stripUndefined({ ...state.suspended, resumesAt: undefined }) }));
  }
  if (state.phase !== 'frozen' && isPastDeadline(now, state.deadline)) return reject('PHASE_CLOSED', 'the deadline has passed: the lot is closing and cannot be suspended');
  try {
    phaseAfter(state, 'suspend', now, { reason, deadline: state.deadline, supervisorApproved: command.supervisorApproved === true });
  } catch (e) {
    if (e instanceof DomainError && MAPPED[e.code] !== undefined) {
      return reject(MAPPED[e.code], e.message, e.code === 'INVALID_STATE_TRANSITION' ? undefined : e.field);
    }
    throw e;
  }
  const next = patchState(state, { phase: 'suspended', suspended: { from: state.phase, at: now, reason } });
  const event: EngineEvent = stripUndefined({ type: 'phase:changed' as const, at: now, from: state.phase, to: 'suspended' as const, deadline: state.deadline, reason });
  return accepted(next, [event]);
}

export function decideScheduleResumption(state: LotTradingState, command: ScheduleResumption, now: Date): Decision {
  if (isClosed(state)) return reject('LOT_CLOSED', 'the lot is closed');
  const suspended = state.suspended;
  if (state.phase !== 'suspended' || suspended === undefined) return reject('NOT_SUSPENDED', 'the lot is not suspended');
  assertInstant(command.resumesAt, 'resumesAt');
  const next = patchState(state, { suspended: { ...suspended, resumesAt: command.resumesAt } });
  return command.resumesAt.getTime() <= now.getTime() ? resumeFromSuspension(next, now) : accepted(next);
}

/** The clock's step for a suspended lot: the resumption once its announced time has come, else nothing. */
export function resumptionDue(state: LotTradingState, now: Date): Accepted | null {
  const resumesAt = state.suspended?.resumesAt;
  return state.phase === 'suspended' && resumesAt !== undefined && now.getTime() >= resumesAt.getTime() ? resumeFromSuspension(state, now) : null;
}

function resumeFromSuspension(state: LotTradingState, now: Date): Accepted {
  const suspended = state.suspended;
  if (suspended === undefined) throw new DomainError('INVALID_STATE', 'a suspended lot without its suspension', 'suspended');
  const back = phaseAfter(state, 'resume_from_suspension', now).phase;
  if (back === 'frozen') {
    // The freeze's own resumption adds the time since the freeze began, this suspension included.
    return accepted(patchState(state, { phase: back, suspended: undefined }), [
      stripUndefined({ type: 'phase:changed' as const, at: now, from: 'suspended' as const, to: back, deadline: state.deadline }),
    ]);
  }
  const shift = (at: Date | undefined): Date | undefined => (at === undefined ? undefined : deadlineAfterFreeze(at, suspended.at, now));
  const shiftIfAhead = (at: Date | undefined): Date | undefined => (at !== undefined && at.getTime() > suspended.at.getTime() ? shift(at) : at);
  const deadline = shift(state.deadline);
  const next = patchState(state, {
    phase: back,
    suspended: undefined,
    deadline,
    opensAt: shiftIfAhead(state.opensAt),
    openingAt: shiftIfAhead(state.openingAt),
  });
  const events: EngineEvent[] = [stripUndefined({ type: 'phase:changed' as const, at: now, from: 'suspended' as const, to: back, deadline })];
  if (state.deadline !== undefined && deadline !== undefined) {
    events.push({ type: 'deadline:extended', at: now, previous: state.deadline, deadline, frozenMs: deadline.getTime() - state.deadline.getTime() });
  }
  return accepted(next, events);
}
