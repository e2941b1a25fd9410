import { DomainError } from '@app/common/domain-error';
import type { IsoDate } from '@app/calendar/domain/calendar-day';
import { officialDayOverrides } from '@app/calendar/domain/official-holidays';
import { addWorkingDays } from '@app/calendar/domain/working-days';
import {
  APPLICATION_STATES,
  APPLICATION_TRANSITION_NAMES,
  APPLICATION_TRANSITIONS,
  availableApplicationTransitions,
  FINAL_APPLICATION_STATES,
  isFinalApplicationState,
  isReviewOverdue,
  reviewDueAt,
  shouldQualifyAutomatically,
  transitionApplication,
  type ApplicationState,
  type ApplicationTransitionContext,
  type ApplicationTransitionName,
  type ReviewMode,
} from './review';

function errorOf(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a DomainError');
}

function walk(mode: ReviewMode, names: readonly ApplicationTransitionName[], extra: Partial<ApplicationTransitionContext> = {}): ApplicationState {
  return names.reduce<ApplicationState>(
    (state, name) => transitionApplication(state, name, { reviewMode: mode, reason: 'r', depositFullyPaidInTime: true, ...extra }).state,
    'draft',
  );
}

/** Weekends off, nothing else: the n-th Monday–Friday after `isoDate` (isoDate not counted). */
function addWeekdays(isoDate: string, n: number): string {
  let t = Date.parse(`${isoDate}T00:00:00Z`);
  let left = n;
  while (left > 0) {
    t += 86_400_000;
    const dow = new Date(t).getUTCDay();
    if (dow !== 0 && dow !== 6) left--;
  }
  if (n === 0) {
    while ([0, 6].includes(new Date(t).getUTCDay())) t += 86_400_000;
  }
  return new Date(t).toISOString().slice(0, 10);
}

describe('application states: the paths of DOMAIN.md §4', () => {
  it('pre-review: draft → submitted → under_review → approved → awaiting_deposit → qualified', () => {
    expect(walk('pre_review', ['submit', 'start_review', 'approve', 'open_deposit', 'qualify'])).toBe('qualified');
  });

  it('pre-review: the reviewer may reject, which is final', () => {
    expect(walk('pre_review', ['submit', 'start_review', 'reject'])).toBe('rejected');
    expect(availableApplicationTransitions('rejected', 'pre_review')).toEqual([]);
  });

  it('post-review: draft → submitted → awaiting_deposit → qualified, with no review step before the sale', () => {
    expect(walk('post_review', ['submit', 'open_deposit', 'qualify'])).toBe('qualified');
  });

  it('pre-review issues the deposit account only after approval', () => {
    const e = errorOf(() => transitionApplication('submitted', 'open_deposit', { reviewMode: 'pre_review' }));
    expect(e).toMatchObject({ code: 'INVALID_STATE_TRANSITION', field: 'state', details: { from: 'submitted', transition: 'open_deposit' } });
  });

  it('post-review has no review transitions: start_review, approve and reject do not exist there', () => {
    for (const name of ['start_review', 'approve', 'reject'] as const) {
      const e = errorOf(() => transitionApplication('submitted', name, { reviewMode: 'post_review', reason: 'r' }));
      expect(e.code).toBe('INVALID_STATE_TRANSITION');
      expect(e.message).toContain('does not exist in post-review');
    }
  });

  it('every state the table names is a known state, and final states have no way out', () => {
    for (const name of APPLICATION_TRANSITION_NAMES) {
      const t = APPLICATION_TRANSITIONS[name];
      for (const s of [...t.from.pre_review, ...t.from.post_review, t.to]) expect(APPLICATION_STATES).toContain(s);
    }
    for (const state of FINAL_APPLICATION_STATES) {
      expect(isFinalApplicationState(state)).toBe(true);
      expect(availableApplicationTransitions(state, 'pre_review')).toEqual([]);
      expect(availableApplicationTransitions(state, 'post_review')).toEqual([]);
    }
  });
});

describe('transitionApplication guards', () => {
  it('qualify requires the full deposit to have arrived in time (DEPOSIT_NOT_PAID)', () => {
    for (const reviewMode of ['pre_review', 'post_review'] as const) {
      expect(errorOf(() => transitionApplication('awaiting_deposit', 'qualify', { reviewMode }))).toMatchObject({
        code: 'DEPOSIT_NOT_PAID',
        field: 'deposit',
      });
      expect(errorOf(() => transitionApplication('awaiting_deposit', 'qualify', { reviewMode, depositFullyPaidInTime: false })).code).toBe(
        'DEPOSIT_NOT_PAID',
      );
    }
  });

  it('reject and disqualify require a reason (blank is no reason), which is returned trimmed', () => {
    expect(errorOf(() => transitionApplication('under_review', 'reject', { reviewMode: 'pre_review' }))).toMatchObject({
      code: 'REASON_REQUIRED',
      field: 'reason',
    });
    expect(errorOf(() => transitionApplication('qualified', 'disqualify', { reviewMode: 'post_review', reason: '  ' })).code).toBe(
      'REASON_REQUIRED',
    );
    expect(transitionApplication('under_review', 'reject', { reviewMode: 'pre_review', reason: ' 营业执照已过期 ' })).toEqual({
      state: 'rejected',
      reason: '营业执照已过期',
    });
  });

  it('withdraw is possible in every state before qualification and needs no reason', () => {
    for (const state of ['draft', 'submitted', 'under_review', 'approved', 'awaiting_deposit'] as const) {
      expect(transitionApplication(state, 'withdraw', { reviewMode: 'pre_review' })).toEqual({ state: 'withdrawn' });
    }
    expect(transitionApplication('awaiting_deposit', 'withdraw', { reviewMode: 'post_review', reason: 'changed plans' })).toEqual({
      state: 'withdrawn',
      reason: 'changed plans',
    });
  });

  it('a qualified bidder cannot withdraw', () => {
    for (const reviewMode of ['pre_review', 'post_review'] as const) {
      expect(errorOf(() => transitionApplication('qualified', 'withdraw', { reviewMode })).code).toBe('INVALID_STATE_TRANSITION');
    }
  });

  it('a qualified bidder can still be disqualified (post-review documents are checked after the sale)', () => {
    expect(transitionApplication('qualified', 'disqualify', { reviewMode: 'post_review', reason: '资格后审不通过' }).state).toBe(
      'disqualified',
    );
    expect(transitionApplication('qualified', 'disqualify', { reviewMode: 'pre_review', reason: '列入黑名单' }).state).toBe('disqualified');
  });

  it('a draft cannot be disqualified, only withdrawn', () => {
    expect(errorOf(() => transitionApplication('draft', 'disqualify', { reviewMode: 'pre_review', reason: 'r' })).code).toBe(
      'INVALID_STATE_TRANSITION',
    );
  });

  it('refuses unknown states, transition names and review modes', () => {
    expect(errorOf(() => transitionApplication('lost' as ApplicationState, 'submit', { reviewMode: 'pre_review' })).code).toBe(
      'INVALID_STATE_TRANSITION',
    );
    expect(errorOf(() => transitionApplication('draft', 'explode' as ApplicationTransitionName, { reviewMode: 'pre_review' })).code).toBe(
      'INVALID_STATE_TRANSITION',
    );
    expect(errorOf(() => transitionApplication('draft', 'submit', { reviewMode: 'both' as ReviewMode })).code).toBe(
      'INVALID_STATE_TRANSITION',
    );
  });

  it('every transition not in the table is refused, in both modes', () => {
    for (const mode of ['pre_review', 'post_review'] as const) {
      for (const state of APPLICATION_STATES) {
        for (const name of APPLICATION_TRANSITION_NAMES) {
          const allowed = APPLICATION_TRANSITIONS[name].from[mode].includes(state);
          const ctx = { reviewMode: mode, reason: 'r', depositFullyPaidInTime: true };
          if (allowed) expect(transitionApplication(state, name, ctx).state).toBe(APPLICATION_TRANSITIONS[name].to);
          else expect(errorOf(() => transitionApplication(state, name, ctx)).code).toBe('INVALID_STATE_TRANSITION');
        }
      }
    }
  });
});

describe('shouldQualifyAutomatically', () => {
  it('is true only for an application awaiting its deposit once the full deposit arrived in time', () => {
    expect(shouldQualifyAutomatically('awaiting_deposit', true)).toBe(true);
    expect(shouldQualifyAutomatically('awaiting_deposit', false)).toBe(false);
    expect(shouldQualifyAutomatically('submitted', true)).toBe(false);
    expect(shouldQualifyAutomatically('qualified', true)).toBe(false);
  });
});

describe('reviewDueAt: 2 working days by default', () => {
  it('a review submitted on Friday afternoon is due by the end of Tuesday (Shanghai)', () => {
    const due = reviewDueAt(new Date('2025-10-17T07:00:00Z'), undefined, addWeekdays); // Fri 15:00 Shanghai
    expect(due.toISOString()).toBe('2025-10-21T16:00:00.000Z'); // Wed 00:00 Shanghai
  });

  it('counts from the Shanghai calendar day: 23:30 Monday in Shanghai is still Monday', () => {
    const due = reviewDueAt(new Date('2025-10-13T15:30:00Z'), 2, addWeekdays); // Mon 23:30 Shanghai
    expect(due.toISOString()).toBe('2025-10-15T16:00:00.000Z'); // end of Wed
    const early = reviewDueAt(new Date('2025-10-13T16:30:00Z'), 2, addWeekdays); // Tue 00:30 Shanghai
    expect(early.toISOString()).toBe('2025-10-16T16:00:00.000Z'); // end of Thu
  });

  it('takes the number of working days as an argument and passes it to the calendar', () => {
    const calls: [string, number][] = [];
    const fn = (d: string, n: number): string => {
      calls.push([d, n]);
      return addWeekdays(d, n);
    };
    expect(reviewDueAt(new Date('2025-10-13T02:00:00Z'), 5, fn).toISOString()).toBe('2025-10-20T16:00:00.000Z');
    expect(calls).toEqual([['2025-10-13', 5]]);
  });

  it('skips official holidays with the calendar context: submitted 30 Sept 2025, due end of 10 Oct', () => {
    const overrides = officialDayOverrides();
    const fn = (d: string, n: number): string => addWorkingDays(d as IsoDate, n, overrides);
    expect(reviewDueAt(new Date('2025-09-30T07:00:00Z'), 2, fn).toISOString()).toBe('2025-10-10T16:00:00.000Z');
  });

  it('refuses a negative number of days, an invalid date, or a calendar function returning junk', () => {
    expect(errorOf(() => reviewDueAt(new Date('2025-10-13T02:00:00Z'), -1, addWeekdays)).code).toBe('INVALID_SETTING_VALUE');
    expect(() => reviewDueAt(new Date('x'), 2, addWeekdays)).toThrow(RangeError);
    expect(() => reviewDueAt(new Date('2025-10-13T02:00:00Z'), 2, () => 'Tuesday')).toThrow(RangeError);
  });
});

describe('isReviewOverdue', () => {
  const dueAt = new Date('2025-10-21T16:00:00Z');
  const before = new Date(dueAt.getTime() - 1);

  it('is true for a pending pre-review from the due moment on', () => {
    for (const state of ['submitted', 'under_review'] as const) {
      expect(isReviewOverdue({ state, reviewMode: 'pre_review', dueAt, now: dueAt })).toBe(true);
      expect(isReviewOverdue({ state, reviewMode: 'pre_review', dueAt, now: before })).toBe(false);
    }
  });

  it('is false once the review is decided, and for post-review applications', () => {
    const late = new Date(dueAt.getTime() + 86_400_000);
    for (const state of ['approved', 'rejected', 'awaiting_deposit', 'withdrawn'] as const) {
      expect(isReviewOverdue({ state, reviewMode: 'pre_review', dueAt, now: late })).toBe(false);
    }
    expect(isReviewOverdue({ state: 'submitted', reviewMode: 'post_review', dueAt, now: late })).toBe(false);
  });
});
