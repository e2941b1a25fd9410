import { toShanghaiDate } from '@app/calendar/domain/calendar-day';
import { DomainError } from '@app/common/domain-error';
import { checkIntegerSetting, QUALIFICATION_DEFAULTS } from './qualification-settings';

/**
 * The state of an application (DOMAIN.md §4), one table-driven state machine; nothing else writes it.
 *
 *   pre-review  (资格前审): draft → submitted → under_review → approved → awaiting_deposit → qualified
 *                                                          ↘ rejected
 *   post-review (资格后审): draft → submitted → awaiting_deposit → qualified
 *   withdraw:   draft, submitted, under_review, approved, awaiting_deposit → withdrawn
 *   disqualify: submitted, under_review, approved, awaiting_deposit, qualified → disqualified
 *
 * Decisions:
 * - The review mode is a lot setting, passed in the context; a transition lists the states it leaves
 *   *per mode* (post-review has no under_review / approved, and its deposit account is issued right
 *   after submission; pre-review issues it only after approval).
 * - `qualify` needs `depositFullyPaidInTime` (from deposit-status.ts) in both modes: in post-review
 *   it is what qualifies the bidder, automatically ({@link shouldQualifyAutomatically}); in pre-review
 *   the documents were approved before the account was issued, so the deposit is all that is left.
 * - `reject` and `disqualify` need a reason (shown to the bidder and kept in the audit trail);
 *   `withdraw` takes an optional one. rejected, withdrawn and disqualified are final.
 * - `disqualify` is also open from `qualified`: in post-review the documents are checked after the
 *   sale, and any bidder may be found to have given false information or be blacklisted.
 * - Review deadline ({@link reviewDueAt}): the end (24:00, Asia/Shanghai) of the N-th working day
 *   (default 2) after the Shanghai calendar day of submission, the submission day not counted — a
 *   Friday afternoon submission is due by the end of Tuesday. "Working day" comes from the injected
 *   `addWorkingDaysFn` (the calendar context's `addWorkingDays` with its holiday table). China keeps
 *   UTC+8 all year, so the Shanghai day is computed with a fixed offset.
 */

export const APPLICATION_STATES = [
  'draft',
  'submitted',
  'under_review',
  'approved',
  'rejected',
  'awaiting_deposit',
  'qualified',
  'withdrawn',
  'disqualified',
] as const;
export type ApplicationState = (typeof APPLICATION_STATES)[number];

export const REVIEW_MODES = ['pre_review', 'post_review'] as const;
export type ReviewMode = (typeof REVIEW_MODES)[number];

export const FINAL_APPLICATION_STATES: readonly ApplicationState[] = Object.freeze(['rejected', 'withdrawn', 'disqualified']);

export const APPLICATION_TRANSITION_NAMES = [
  'submit',
  'start_review',
  'approve',
  'reject',
  'open_deposit',
  'qualify',
  'withdraw',
  'disqualify',
] as const;
export type ApplicationTransitionName = (typeof APPLICATION_TRANSITION_NAMES)[number];

export interface ApplicationTransition {
  readonly name: ApplicationTransitionName;
  /** The states it leaves, per review mode (empty: not in that mode). */
  readonly from: Readonly<Record<ReviewMode, readonly ApplicationState[]>>;
  readonly to: ApplicationState;
  readonly reasonRequired: boolean;
  readonly depositRequired: boolean;
  readonly description: string;
}

const BEFORE_QUALIFICATION: Readonly<Record<ReviewMode, readonly ApplicationState[]>> = {
  pre_review: ['draft', 'submitted', 'under_review', 'approved', 'awaiting_deposit'],
  post_review: ['draft', 'submitted', 'awaiting_deposit'],
};
const DISQUALIFIABLE: Readonly<Record<ReviewMode, readonly ApplicationState[]>> = {
  pre_review: ['submitted', 'under_review', 'approved', 'awaiting_deposit', 'qualified'],
  post_review: ['submitted', 'awaiting_deposit', 'qualified'],
};

function rule(
  name: ApplicationTransitionName,
  from: Partial<Record<ReviewMode, readonly ApplicationState[]>>,
  to: ApplicationState,
  description: string,
  flags: { reason?: boolean; deposit?: boolean } = {},
): ApplicationTransition {
  return Object.freeze({
    name,
    from: Object.freeze({
      pre_review: Object.freeze([...(from.pre_review ?? [])]),
      post_review: Object.freeze([...(from.post_review ?? [])]),
    }),
    to,
    reasonRequired: flags.reason ?? false,
    depositRequired: flags.deposit ?? false,
    description,
  });
}

export const APPLICATION_TRANSITIONS: Readonly<Record<ApplicationTransitionName, ApplicationTransition>> = Object.freeze({
  submit: rule('submit', { pre_review: ['draft'], post_review: ['draft'] }, 'submitted', 'the bidder submits the application (竞买申请)'),
  start_review: rule('start_review', { pre_review: ['submitted'] }, 'under_review', 'a reviewer takes up the documents (资格审查)'),
  approve: rule('approve', { pre_review: ['under_review'] }, 'approved', 'documents approved (审查通过)'),
  reject: rule('reject', { pre_review: ['under_review'] }, 'rejected', 'documents rejected (审查不通过)', { reason: true }),
  open_deposit: rule(
    'open_deposit',
    { pre_review: ['approved'], post_review: ['submitted'] },
    'awaiting_deposit',
    'the virtual deposit sub-account is issued (发放保证金账号)',
  ),
  qualify: rule(
    'qualify',
    { pre_review: ['awaiting_deposit'], post_review: ['awaiting_deposit'] },
    'qualified',
    'the full deposit arrived in time: qualified (竞买资格确认)',
    { deposit: true },
  ),
  withdraw: rule('withdraw', BEFORE_QUALIFICATION, 'withdrawn', 'the bidder withdraws before qualification (撤回申请)'),
  disqualify: rule('disqualify', DISQUALIFIABLE, 'disqualified', 'qualification refused or revoked (取消竞买资格)', { reason: true }),
});

export interface ApplicationTransitionContext {
  readonly reviewMode: ReviewMode;
  /** Required by reject and disqualify; optional for withdraw. */
  readonly reason?: string;
  /** `fullyPaidInTime` of the application's deposit status; required true by qualify. */
  readonly depositFullyPaidInTime?: boolean;
}

export interface ApplicationTransitionResult {
  readonly state: ApplicationState;
  /** The trimmed reason, when one was given. */
  readonly reason?: string;
}

export function isApplicationState(value: unknown): value is ApplicationState {
  return typeof value === 'string' && (APPLICATION_STATES as readonly string[]).includes(value);
}

export function isApplicationTransitionName(value: unknown): value is ApplicationTransitionName {
  return typeof value === 'string' && (APPLICATION_TRANSITION_NAMES as readonly string[]).includes(value);
}

export function isReviewMode(value: unknown): value is ReviewMode {
  return typeof value === 'string' && (REVIEW_MODES as readonly string[]).includes(value);
}

/** rejected, withdrawn, disqualified. */
export function isFinalApplicationState(state: ApplicationState): boolean {
  return FINAL_APPLICATION_STATES.includes(state);
}

/** The transitions open from `state` in `mode`, in table order. */
export function availableApplicationTransitions(state: ApplicationState, mode: ReviewMode): readonly ApplicationTransition[] {
  return APPLICATION_TRANSITION_NAMES.map((n) => APPLICATION_TRANSITIONS[n]).filter((t) => t.from[mode].includes(state));
}

function invalid(from: string, name: string, mode: string, message: string): DomainError {
  return new DomainError('INVALID_STATE_TRANSITION', message, 'state', { from, transition: name, reviewMode: mode });
}

/**
 * The state after `name`, or a DomainError: INVALID_STATE_TRANSITION (field `state`) for a transition
 * the table does not allow from this state in this mode, or an unknown state, name or mode;
 * REASON_REQUIRED (field `reason`); DEPOSIT_NOT_PAID (field `deposit`) for qualify without the full
 * deposit in time.
 */
export function transitionApplication(
  state: ApplicationState,
  name: ApplicationTransitionName,
  ctx: ApplicationTransitionContext,
): ApplicationTransitionResult {
  if (!isReviewMode(ctx.reviewMode)) {
    throw invalid(String(state), String(name), String(ctx.reviewMode), `there is no review mode "${String(ctx.reviewMode)}"`);
  }
  if (!isApplicationState(state)) {
    throw invalid(String(state), String(name), ctx.reviewMode, `there is no application state "${String(state)}"`);
  }
  if (!isApplicationTransitionName(name)) {
    throw invalid(state, String(name), ctx.reviewMode, `there is no application transition "${String(name)}"`);
  }
  const t = APPLICATION_TRANSITIONS[name];
  if (!t.from[ctx.reviewMode].includes(state)) {
    const modeNote = t.from.pre_review.length + t.from.post_review.length > 0 && t.from[ctx.reviewMode].length === 0;
    throw invalid(
      state,
      name,
      ctx.reviewMode,
      modeNote
        ? `${name.replace(/_/g, ' ')} does not exist in ${ctx.reviewMode.replace('_', '-')}`
        : `an application that is ${state.replace(/_/g, ' ')} cannot ${name.replace(/_/g, ' ')}`,
    );
  }
  const reason = typeof ctx.reason === 'string' && ctx.reason.trim() !== '' ? ctx.reason.trim() : undefined;
  if (t.reasonRequired && reason === undefined) {
    throw new DomainError('REASON_REQUIRED', `${name} needs a reason`, 'reason');
  }
  if (t.depositRequired && ctx.depositFullyPaidInTime !== true) {
    throw new DomainError(
      'DEPOSIT_NOT_PAID',
      'the application qualifies only once the full deposit has arrived before the deadline',
      'deposit',
    );
  }
  return reason === undefined ? { state: t.to } : { state: t.to, reason };
}

/**
 * Whether the service should run `qualify` now: the application awaits its deposit and the full
 * deposit arrived in time (post-review's automatic qualification; in pre-review the documents were
 * approved already).
 */
export function shouldQualifyAutomatically(state: ApplicationState, depositFullyPaidInTime: boolean): boolean {
  return state === 'awaiting_deposit' && depositFullyPaidInTime;
}

const MS_PER_HOUR = 3_600_000;
const SHANGHAI_OFFSET_MS = 8 * MS_PER_HOUR;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** 00:00 Asia/Shanghai of the day after `isoDate`. */
function endOfShanghaiDay(isoDate: string): Date {
  const midnightUtc = Date.parse(`${isoDate}T00:00:00Z`);
  return new Date(midnightUtc + 24 * MS_PER_HOUR - SHANGHAI_OFFSET_MS);
}

/**
 * When the review of an application submitted at `submittedAt` is due: the end (24:00 Shanghai, i.e.
 * 00:00 of the next day, exclusive) of `addWorkingDaysFn(submission day, workingDays)`. With the
 * calendar context: `(d, n) => addWorkingDays(d as IsoDate, n, overrides)`.
 */
export function reviewDueAt(
  submittedAt: Date,
  workingDays: number = QUALIFICATION_DEFAULTS.reviewWorkingDays,
  addWorkingDaysFn: (isoDate: string, n: number) => string,
): Date {
  if (!(submittedAt instanceof Date) || Number.isNaN(submittedAt.getTime())) throw new RangeError('submittedAt must be a valid Date');
  checkIntegerSetting('reviewWorkingDays', workingDays, 'workingDays');
  const dueDay = addWorkingDaysFn(toShanghaiDate(submittedAt), workingDays);
  if (typeof dueDay !== 'string' || !ISO_DATE.test(dueDay) || Number.isNaN(Date.parse(`${dueDay}T00:00:00Z`))) {
    throw new RangeError(`addWorkingDaysFn must return an ISO date, got ${String(dueDay)}`);
  }
  return endOfShanghaiDay(dueDay);
}

export interface ReviewOverdueInput {
  readonly state: ApplicationState;
  readonly reviewMode: ReviewMode;
  /** From {@link reviewDueAt}. */
  readonly dueAt: Date;
  readonly now: Date;
}

/**
 * True while a pre-review is still pending (submitted or under_review) at or after its due moment.
 * Post-review applications have no review before the sale, so they are never overdue here.
 */
export function isReviewOverdue(input: ReviewOverdueInput): boolean {
  const pending = input.reviewMode === 'pre_review' && (input.state === 'submitted' || input.state === 'under_review');
  return pending && input.now.getTime() >= input.dueAt.getTime();
}
