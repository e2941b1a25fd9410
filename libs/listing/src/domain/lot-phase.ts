import { DomainError } from '@app/common/domain-error';
import { resolveListingSettings, type ListingSettingsOverrides } from './listing-settings';
import type { TradingMethod } from './lot-terms';

/**
 * The phase of a lot (DESIGN.md §6), one table-driven state machine; nothing else writes `phase`.
 *
 *   listing:  draft → published → applying → listing → (timed_round | cap_round) → closed_sold | closed_unsold
 *                                                      timed_round → cap_round
 *   auction:  draft → published → applying → auction_round → (cap_round) → closed_sold | closed_unsold
 *   tender:   draft → published → applying → sealed_bidding → opening → closed_sold | closed_unsold
 *   any:      applying → closed_unsold                   (too few qualified bidders, nobody applied)
 *   trading phases ─freeze→ frozen ─resume_from_freeze→ the phase it left
 *   open phases ─suspend→ suspended ─resume_from_suspension→ the phase it left
 *   every phase but the closed ones ─terminate→ terminated
 *
 * Decisions:
 * - *Open* phases are those of a public sale in progress: published … opening, and frozen. `draft`
 *   (not public yet) and `suspended` are neither open nor closed; `closed_sold`, `closed_unsold` and
 *   `terminated` are closed (final).
 * - *Trading* phases (where bids, quotes or sealed bids arrive or are opened) can be frozen: listing,
 *   timed_round, auction_round, cap_round, sealed_bidding, opening.
 * - A frozen lot may be suspended (the suspension remembers `frozen`, the freeze still remembers its
 *   phase, so two resumptions bring it back) or terminated; it cannot close before it resumes.
 * - freeze, suspend and terminate need a reason, and within the last `protectedFinalMinutes` (60)
 *   before the phase's deadline a supervisor's approval (`context.supervisorApproved`).
 * - A freeze longer than `freezeDirectResumeMinutes` (60) resumes only after a notice published at
 *   least `freezeResumptionNoticeHours` (24 h) before (`context.resumptionNoticeAt`). The frozen time
 *   is added to the deadline with {@link deadlineAfterFreeze}.
 * - The 5-day notice of a suspension's resumption is checked on the announcement
 *   (announcement-lifecycle.ts), which suspends and resumes all its lots together.
 */

export const LOT_PHASES = [
  'draft',
  'published',
  'applying',
  'listing',
  'timed_round',
  'auction_round',
  'cap_round',
  'sealed_bidding',
  'opening',
  'frozen',
  'suspended',
  'closed_sold',
  'closed_unsold',
  'terminated',
] as const;
export type LotPhase = (typeof LOT_PHASES)[number];

export const TRADING_PHASES: readonly LotPhase[] = Object.freeze([
  'listing',
  'timed_round',
  'auction_round',
  'cap_round',
  'sealed_bidding',
  'opening',
]);
export const OPEN_PHASES: readonly LotPhase[] = Object.freeze(['published', 'applying', ...TRADING_PHASES, 'frozen']);
export const CLOSED_PHASES: readonly LotPhase[] = Object.freeze(['closed_sold', 'closed_unsold', 'terminated']);

export const LOT_TRANSITION_NAMES = [
  'publish',
  'open_applications',
  'open_listing',
  'open_auction',
  'open_sealed_bidding',
  'start_timed_round',
  'reach_cap',
  'open_bids',
  'close_sold',
  'close_unsold',
  'freeze',
  'resume_from_freeze',
  'suspend',
  'resume_from_suspension',
  'terminate',
] as const;
export type LotTransitionName = (typeof LOT_TRANSITION_NAMES)[number];

/** Where a transition goes: a fixed phase, or back to the phase remembered on entering frozen / suspended. */
export type LotTransitionTarget = LotPhase | 'phase_before_freeze' | 'phase_before_suspension';

export interface LotTransition {
  readonly name: LotTransitionName;
  readonly from: readonly LotPhase[];
  readonly to: LotTransitionTarget;
  /** The methods it applies to. */
  readonly methods: readonly TradingMethod[];
  readonly reasonRequired: boolean;
  /** Needs a supervisor's approval within the protected final minutes before the deadline. */
  readonly protectedNearDeadline: boolean;
  readonly description: string;
}

const ALL_METHODS: readonly TradingMethod[] = ['auction', 'listing', 'tender'];
const NON_CLOSED: readonly LotPhase[] = LOT_PHASES.filter((p) => !CLOSED_PHASES.includes(p));
const CLOSABLE: readonly LotPhase[] = ['listing', 'timed_round', 'auction_round', 'cap_round', 'opening'];

function rule(
  name: LotTransitionName,
  from: readonly LotPhase[],
  to: LotTransitionTarget,
  methods: readonly TradingMethod[],
  description: string,
  flags: { reason?: boolean; protectedNearDeadline?: boolean } = {},
): LotTransition {
  return Object.freeze({
    name,
    from: Object.freeze([...from]),
    to,
    methods: Object.freeze([...methods]),
    reasonRequired: flags.reason ?? false,
    protectedNearDeadline: flags.protectedNearDeadline ?? false,
    description,
  });
}

export const LOT_TRANSITIONS: Readonly<Record<LotTransitionName, LotTransition>> = Object.freeze({
  publish: rule('publish', ['draft'], 'published', ALL_METHODS, 'published with its announcement (出让公告)'),
  open_applications: rule('open_applications', ['published'], 'applying', ALL_METHODS, 'application window opens'),
  open_listing: rule('open_listing', ['applying'], 'listing', ['listing'], 'listing board opens (挂牌)'),
  open_auction: rule('open_auction', ['applying'], 'auction_round', ['auction'], 'auction starts (拍卖)'),
  open_sealed_bidding: rule('open_sealed_bidding', ['applying'], 'sealed_bidding', ['tender'], 'sealed bids accepted (投标)'),
  start_timed_round: rule('start_timed_round', ['listing'], 'timed_round', ['listing'], 'timed final round (限时竞价)'),
  reach_cap: rule(
    'reach_cap',
    ['listing', 'timed_round', 'auction_round'],
    'cap_round',
    ['listing', 'auction'],
    'price cap (最高限价) reached: the cap mode takes over',
  ),
  open_bids: rule('open_bids', ['sealed_bidding'], 'opening', ['tender'], 'public opening of the sealed bids (开标)'),
  close_sold: rule('close_sold', CLOSABLE, 'closed_sold', ALL_METHODS, 'sold (成交)'),
  close_unsold: rule('close_unsold', ['applying', ...CLOSABLE], 'closed_unsold', ALL_METHODS, 'unsold (流拍)'),
  freeze: rule('freeze', TRADING_PHASES, 'frozen', ALL_METHODS, 'technical freeze (暂停)', {
    reason: true,
    protectedNearDeadline: true,
  }),
  resume_from_freeze: rule('resume_from_freeze', ['frozen'], 'phase_before_freeze', ALL_METHODS, 'resumes after a freeze'),
  suspend: rule('suspend', OPEN_PHASES, 'suspended', ALL_METHODS, 'suspension (中止)', { reason: true, protectedNearDeadline: true }),
  resume_from_suspension: rule(
    'resume_from_suspension',
    ['suspended'],
    'phase_before_suspension',
    ALL_METHODS,
    'resumes after a suspension',
  ),
  terminate: rule('terminate', NON_CLOSED, 'terminated', ALL_METHODS, 'termination (终止)', { reason: true, protectedNearDeadline: true }),
});

/** The phase of a lot together with what it must remember to resume. */
export interface LotPhaseState {
  readonly phase: LotPhase;
  /** Set while frozen (and while suspended from frozen). */
  readonly phaseBeforeFreeze?: LotPhase;
  /** When the freeze began; set with phaseBeforeFreeze. */
  readonly frozenAt?: Date;
  /** Set while suspended. */
  readonly phaseBeforeSuspension?: LotPhase;
}

export interface LotTransitionContext {
  readonly method: TradingMethod;
  /** The server's (database's) clock. */
  readonly now: Date;
  /** Required by freeze, suspend and terminate. */
  readonly reason?: string;
  /** The current phase's deadline, if it has one: the protected final minutes count back from it. */
  readonly deadline?: Date;
  /** A supervisor approved this action (the service checks who, see announcement-lifecycle.ts). */
  readonly supervisorApproved?: boolean;
  /** When the resumption of a long freeze was announced. */
  readonly resumptionNoticeAt?: Date;
  readonly settings?: ListingSettingsOverrides;
}

export function isLotPhase(value: unknown): value is LotPhase {
  return typeof value === 'string' && (LOT_PHASES as readonly string[]).includes(value);
}

export function isLotTransitionName(value: unknown): value is LotTransitionName {
  return typeof value === 'string' && (LOT_TRANSITION_NAMES as readonly string[]).includes(value);
}

/** A public sale in progress: published … opening, or frozen. */
export function isOpenPhase(phase: LotPhase): boolean {
  return OPEN_PHASES.includes(phase);
}

/** Final: closed_sold, closed_unsold, terminated. */
export function isClosedPhase(phase: LotPhase): boolean {
  return CLOSED_PHASES.includes(phase);
}

/** Bids, quotes or sealed bids are taken or opened. */
export function isTradingPhase(phase: LotPhase): boolean {
  return TRADING_PHASES.includes(phase);
}

/** The transitions open from `phase` for a lot sold by `method`, in table order. */
export function availableLotTransitions(phase: LotPhase, method: TradingMethod): readonly LotTransition[] {
  return LOT_TRANSITION_NAMES.map((name) => LOT_TRANSITIONS[name]).filter((t) => t.from.includes(phase) && t.methods.includes(method));
}

function invalid(from: string, name: string, method: string, message: string): DomainError {
  return new DomainError('INVALID_STATE_TRANSITION', message, 'phase', { from, transition: name, method });
}

const MS_PER_MINUTE = 60_000;
const MS_PER_HOUR = 3_600_000;

/**
 * The state after `name`, or a DomainError:
 * INVALID_STATE_TRANSITION (field `phase`) for a transition the table does not allow from this phase
 * or for this method; REASON_REQUIRED (field `reason`); SUPERVISOR_APPROVAL_REQUIRED (field
 * `supervisorApproved`) within the protected final minutes; RESUMPTION_NOTICE_TOO_SHORT (field
 * `resumptionNoticeAt`) for a long freeze resumed without its notice.
 */
export function transitionLot(current: LotPhaseState, name: LotTransitionName, context: LotTransitionContext): LotPhaseState {
  if (!isLotTransitionName(name)) {
    throw invalid(current.phase, String(name), context.method, `there is no lot transition "${String(name)}"`);
  }
  const t = LOT_TRANSITIONS[name];
  if (!t.methods.includes(context.method)) {
    throw invalid(current.phase, name, context.method, `${name} does not apply to a lot sold by ${context.method}`);
  }
  if (!t.from.includes(current.phase)) {
    throw invalid(current.phase, name, context.method, `a lot in phase ${current.phase} cannot ${name.replace(/_/g, ' ')}`);
  }
  if (t.reasonRequired && (context.reason === undefined || context.reason.trim() === '')) {
    throw new DomainError('REASON_REQUIRED', `${name} needs a reason`, 'reason');
  }
  const settings = resolveListingSettings(context.settings);
  if (t.protectedNearDeadline && context.deadline !== undefined && context.supervisorApproved !== true) {
    const remaining = context.deadline.getTime() - context.now.getTime();
    if (remaining <= settings.protectedFinalMinutes * MS_PER_MINUTE) {
      throw new DomainError(
        'SUPERVISOR_APPROVAL_REQUIRED',
        `${name} within the last ${settings.protectedFinalMinutes} minutes before the deadline needs a supervisor's approval`,
        'supervisorApproved',
      );
    }
  }

  switch (t.to) {
    case 'phase_before_freeze': {
      const back = current.phaseBeforeFreeze;
      if (back === undefined || !isLotPhase(back) || current.frozenAt === undefined) {
        throw invalid(current.phase, name, context.method, 'the frozen lot does not record the phase it left or when');
      }
      checkFreezeResumption(current.frozenAt, context.now, context.resumptionNoticeAt, context.settings);
      return withoutUndefined({ phase: back, phaseBeforeSuspension: current.phaseBeforeSuspension });
    }
    case 'phase_before_suspension': {
      const back = current.phaseBeforeSuspension;
      if (back === undefined || !isLotPhase(back)) {
        throw invalid(current.phase, name, context.method, 'the suspended lot does not record the phase it left');
      }
      return withoutUndefined({ phase: back, phaseBeforeFreeze: current.phaseBeforeFreeze, frozenAt: current.frozenAt });
    }
    case 'frozen':
      return withoutUndefined({ phase: 'frozen', phaseBeforeFreeze: current.phase, frozenAt: context.now });
    case 'suspended':
      return withoutUndefined({
        phase: 'suspended',
        phaseBeforeSuspension: current.phase,
        phaseBeforeFreeze: current.phaseBeforeFreeze,
        frozenAt: current.frozenAt,
      });
    default:
      return { phase: t.to };
  }
}

function withoutUndefined(state: LotPhaseState): LotPhaseState {
  const out: { -readonly [K in keyof LotPhaseState]: LotPhaseState[K] } = { phase: state.phase };
  if (state.phaseBeforeFreeze !== undefined) out.phaseBeforeFreeze = state.phaseBeforeFreeze;
  if (state.frozenAt !== undefined) out.frozenAt = state.frozenAt;
  if (state.phaseBeforeSuspension !== undefined) out.phaseBeforeSuspension = state.phaseBeforeSuspension;
  return out;
}

/**
 * DOMAIN.md §3: a freeze fixed within `freezeDirectResumeMinutes` (60) resumes directly; a longer one
 * only after a resumption notice published at least `freezeResumptionNoticeHours` (24) before `now`.
 * Throws RESUMPTION_NOTICE_TOO_SHORT (field `resumptionNoticeAt`).
 */
export function checkFreezeResumption(
  frozenAt: Date,
  now: Date,
  resumptionNoticeAt: Date | undefined,
  settingsOverrides: ListingSettingsOverrides = {},
): void {
  const s = resolveListingSettings(settingsOverrides);
  if (now.getTime() - frozenAt.getTime() <= s.freezeDirectResumeMinutes * MS_PER_MINUTE) return;
  const noticeOk =
    resumptionNoticeAt !== undefined &&
    resumptionNoticeAt.getTime() >= frozenAt.getTime() &&
    now.getTime() - resumptionNoticeAt.getTime() >= s.freezeResumptionNoticeHours * MS_PER_HOUR;
  if (!noticeOk) {
    throw new DomainError(
      'RESUMPTION_NOTICE_TOO_SHORT',
      `a freeze longer than ${s.freezeDirectResumeMinutes} minutes resumes only ${s.freezeResumptionNoticeHours} hours after a resumption notice`,
      'resumptionNoticeAt',
    );
  }
}

/** The deadline moved by the frozen time: `deadline + (resumedAt − frozenAt)`. */
export function deadlineAfterFreeze(deadline: Date, frozenAt: Date, resumedAt: Date): Date {
  const frozenFor = Math.max(0, resumedAt.getTime() - frozenAt.getTime());
  return new Date(deadline.getTime() + frozenFor);
}
