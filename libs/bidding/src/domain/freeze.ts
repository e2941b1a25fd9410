import { DomainError } from '@app/common/domain-error';
import { Money } from '@app/money/money';
import { deadlineAfterFreeze } from '@app/listing/domain/lot-phase';
import { isPastDeadline } from './bid-rules';
import type { ChangeIncrement, Freeze, Resume } from './commands';
import { accepted, lotGuard, phaseAfter, type Decision } from './decision';
import type { EngineEvent } from './events';
import { assertInstant, reject, type RejectionCode } from './rejections';
import { effectivePhase, patchState, stripUndefined, type LotTradingState } from './trading-state';

/**
 * Staff actions during trading (DOMAIN.md §3, §5).
 *
 * - **Freeze** (技术性暂停) needs a reason and, within the last `protectedFinalMinutes` (60) before the
 *   running phase's deadline, a supervisor's approval (the lot state machine's rule; for a 60 s
 *   auction countdown that is always the case). The clock stops: bids are rejected LOT_FROZEN, ticks
 *   neither close nor warn. A lot whose deadline has already passed cannot be frozen (it is closing:
 *   PHASE_CLOSED). Only trading phases can be frozen (WRONG_PHASE otherwise).
 * - **Resume**: a freeze longer than `freezeDirectResumeMinutes` (60) resumes only
 *   `freezeResumptionNoticeHours` (24 h) after a resumption notice. The frozen time is added to the
 *   deadline ({@link deadlineAfterFreeze}) — and to a timed round's opening or a tender's opening
 *   still ahead — so the time left is what it was; events `phase:changed` and `deadline:extended`.
 * - **Increment change**: in a price round (listing, timed round, auction round), frozen or not, with a
 *   reason; a new increment must be positive (INVALID_INCREMENT) and, with a cap, must leave one more
 *   increment within it (INCREMENT_EXCEEDS_CAP: a staff action never ends price bidding by itself).
 *   Event `increment:changed`; the next bid follows the new increment.
 */

const MAPPED: Readonly<Record<string, RejectionCode>> = {
  REASON_REQUIRED: 'REASON_REQUIRED',
  SUPERVISOR_APPROVAL_REQUIRED: 'SUPERVISOR_APPROVAL_REQUIRED',
  RESUMPTION_NOTICE_TOO_SHORT: 'RESUMPTION_NOTICE_TOO_SHORT',
  INVALID_STATE_TRANSITION: 'WRONG_PHASE',
};

/** Runs a state-machine step, turning its expected refusals into rejections. */
function attempt<T>(fn: () => T): { value: T } | { code: RejectionCode; message: string; field?: string } {
  try {
    return { value: fn() };
  } catch (e) {
    if (e instanceof DomainError && MAPPED[e.code] !== undefined) {
      return { code: MAPPED[e.code], message: e.message, field: e.code === 'INVALID_STATE_TRANSITION' ? undefined : e.field };
    }
    throw e;
  }
}

function isBlank(text: unknown): boolean {
  return typeof text !== 'string' || text.trim() === '';
}

export function decideFreeze(state: LotTradingState, command: Freeze, now: Date): Decision {
  const guard = lotGuard(state);
  if (guard) return guard;
  if (isBlank(command.reason)) return reject('REASON_REQUIRED', 'a freeze needs a reason', 'reason');
  if (isPastDeadline(now, state.deadline)) return reject('PHASE_CLOSED', 'the deadline has passed: the lot is closing and cannot be frozen');
  const result = attempt(() =>
    phaseAfter(state, 'freeze', now, {
      reason: command.reason,
      deadline: state.deadline,
      supervisorApproved: command.supervisorApproved === true,
    }),
  );
  if (!('value' in result)) return reject(result.code, result.message, result.field);
  const next = patchState(state, { phase: 'frozen', frozen: { from: state.phase, at: now, reason: command.reason.trim() } });
  const event: EngineEvent = stripUndefined({
    type: 'phase:changed' as const,
    at: now,
    from: state.phase,
    to: 'frozen' as const,
    deadline: state.deadline,
    reason: command.reason.trim(),
  });
  return accepted(next, [event]);
}

export function decideResume(state: LotTradingState, command: Resume, now: Date): Decision {
  if (state.phase === 'closed_sold' || state.phase === 'closed_unsold' || state.phase === 'terminated') {
    return reject('LOT_CLOSED', 'the lot is closed');
  }
  if (state.phase === 'suspended') return reject('LOT_SUSPENDED', 'the sale is suspended; its resumption comes first');
  const frozen = state.frozen;
  if (state.phase !== 'frozen' || frozen === undefined) return reject('NOT_FROZEN', 'the lot is not frozen');
  if (command.resumptionNoticeAt !== undefined) assertInstant(command.resumptionNoticeAt, 'resumptionNoticeAt');
  const result = attempt(() => phaseAfter(state, 'resume_from_freeze', now, { resumptionNoticeAt: command.resumptionNoticeAt }));
  if (!('value' in result)) return reject(result.code, result.message, result.field);
  const back = result.value.phase;
  const shift = (at: Date | undefined): Date | undefined => (at === undefined ? undefined : deadlineAfterFreeze(at, frozen.at, now));
  const shiftIfAhead = (at: Date | undefined): Date | undefined => (at !== undefined && at.getTime() > frozen.at.getTime() ? shift(at) : at);
  const deadline = shift(state.deadline);
  const next = patchState(state, {
    phase: back,
    frozen: undefined,
    deadline,
    opensAt: shiftIfAhead(state.opensAt),
    openingAt: shiftIfAhead(state.openingAt),
  });
  const events: EngineEvent[] = [stripUndefined({ type: 'phase:changed' as const, at: now, from: 'frozen' as const, to: back, deadline })];
  if (state.deadline !== undefined && deadline !== undefined) {
    events.push({
      type: 'deadline:extended',
      at: now,
      previous: state.deadline,
      deadline,
      frozenMs: deadline.getTime() - state.deadline.getTime(),
    });
  }
  return accepted(next, events);
}

export function decideChangeIncrement(state: LotTradingState, command: ChangeIncrement, now: Date): Decision {
  if (state.phase === 'closed_sold' || state.phase === 'closed_unsold' || state.phase === 'terminated') {
    return reject('LOT_CLOSED', 'the lot is closed');
  }
  if (state.phase === 'suspended') return reject('LOT_SUSPENDED', 'the sale is suspended');
  const phase = effectivePhase(state);
  if (phase !== 'listing' && phase !== 'timed_round' && phase !== 'auction_round') {
    return reject('WRONG_PHASE', 'the increment can be changed only during price bidding');
  }
  if (state.phase !== 'frozen' && isPastDeadline(now, state.deadline)) return reject('PHASE_CLOSED', 'the deadline has passed');
  if (isBlank(command.reason)) return reject('REASON_REQUIRED', 'an increment change needs a reason', 'reason');
  if (!Money.isMoney(command.increment)) throw new DomainError('INVALID_INCREMENT', 'the increment is Money', 'increment');
  if (!command.increment.isPositive()) return reject('INVALID_INCREMENT', 'the increment must be greater than zero', 'increment');
  const cap = state.terms.priceCap;
  if (cap !== undefined && state.lead !== undefined && state.lead.price.add(command.increment).gt(cap)) {
    return reject(
      'INCREMENT_EXCEEDS_CAP',
      `one increment of ${command.increment.formatYuan()} above the current price would exceed the cap ${cap.formatYuan()}`,
      'increment',
    );
  }
  const previous = state.increment;
  if (previous === undefined) throw new DomainError('INVALID_STATE', 'a price round without an increment', 'increment');
  return accepted(patchState(state, { increment: command.increment }), [
    { type: 'increment:changed', at: now, previous, increment: command.increment, reason: command.reason.trim() },
  ]);
}
