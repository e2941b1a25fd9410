import { DomainError, DomainErrors } from '@app/common/domain-error';
import { daysBetween, toShanghaiDate } from '@app/calendar/domain/calendar-day';
import { resolveListingSettings, type ListingSettingsOverrides, type RuleViolation } from './listing-settings';
import { isClosedPhase, type LotPhase } from './lot-phase';

/**
 * The life of an announcement (出让公告, DOMAIN.md §3):
 *
 *   draft ─publish→ published ─suspend→ suspended ─resume→ published
 *   published | suspended ─amend→ the same status, version n+1 (every earlier version is kept)
 *   published | suspended ─terminate→ terminated
 *   published ─complete→ completed                      (every lot closed)
 *
 * Decisions:
 * - An amendment (补充公告) is a new version, not a status: the announcement stays published (or
 *   suspended, since a suspension for changed planning conditions is often followed by an
 *   amendment). It is allowed only before the trading start (listing / auction / tender submission
 *   start) of every lot it affects (`AMENDMENT_TOO_LATE`, all late lots listed).
 * - A resumption is announced at least `resumptionNoticeDays` (5) days before trading resumes,
 *   counted like the publication lead time: in Shanghai calendar dates, `daysBetween(today,
 *   resumeDate) ≥ 5` (`RESUMPTION_NOTICE_TOO_SHORT`).
 * - Suspension and termination need a supervisor's approval (maker-checker): the approver holds the
 *   supervisor role and is not the official who asked (`SAME_PERSON_APPROVAL`). Both need a reason.
 * - Every step is a public notice with its time of publication (`notices`), in order.
 */

export const ANNOUNCEMENT_STATUSES = ['draft', 'published', 'suspended', 'terminated', 'completed'] as const;
export type AnnouncementStatus = (typeof ANNOUNCEMENT_STATUSES)[number];

export const ANNOUNCEMENT_ACTIONS = ['publish', 'amend', 'suspend', 'resume', 'terminate', 'complete'] as const;
export type AnnouncementAction = (typeof ANNOUNCEMENT_ACTIONS)[number];

/** The role value of a supervisor (监察), as libs/auth names it. */
export const SUPERVISOR_ROLE = 'supervisor';

export interface AnnouncementTransition {
  readonly action: AnnouncementAction;
  readonly from: readonly AnnouncementStatus[];
  /** `same`: the status does not change (an amendment). */
  readonly to: AnnouncementStatus | 'same';
  readonly reasonRequired: boolean;
  readonly approval: 'none' | 'supervisor';
}

function rule(
  action: AnnouncementAction,
  from: readonly AnnouncementStatus[],
  to: AnnouncementStatus | 'same',
  reasonRequired: boolean,
  approval: 'none' | 'supervisor',
): AnnouncementTransition {
  return Object.freeze({ action, from: Object.freeze([...from]), to, reasonRequired, approval });
}

export const ANNOUNCEMENT_TRANSITIONS: Readonly<Record<AnnouncementAction, AnnouncementTransition>> = Object.freeze({
  publish: rule('publish', ['draft'], 'published', false, 'none'),
  amend: rule('amend', ['published', 'suspended'], 'same', true, 'none'),
  suspend: rule('suspend', ['published'], 'suspended', true, 'supervisor'),
  resume: rule('resume', ['suspended'], 'published', false, 'none'),
  terminate: rule('terminate', ['published', 'suspended'], 'terminated', true, 'supervisor'),
  complete: rule('complete', ['published'], 'completed', false, 'none'),
});

/** Whether `action` needs a supervisor's approval by a second official (suspend, terminate). */
export function requiresSupervisorApproval(action: AnnouncementAction): boolean {
  return ANNOUNCEMENT_TRANSITIONS[action].approval === 'supervisor';
}

/** One published version: the original (1) or an amendment (2, 3, …). */
export interface AnnouncementVersion {
  readonly version: number;
  readonly publishedAt: Date;
  readonly reason?: string;
  readonly summary?: string;
}

export type AnnouncementNoticeKind = 'publication' | 'amendment' | 'suspension' | 'resumption' | 'termination' | 'completion';

/** A public notice about the announcement, with its time of publication. */
export interface AnnouncementNotice {
  readonly kind: AnnouncementNoticeKind;
  readonly at: Date;
  /** The announcement version in force after the notice. */
  readonly version: number;
  readonly reason?: string;
  /** Resumption: when trading resumes. */
  readonly effectiveAt?: Date;
  readonly requestedBy?: string;
  readonly approvedBy?: string;
}

export interface AnnouncementState {
  readonly status: AnnouncementStatus;
  /** 0 while draft, then the number of the latest version. */
  readonly version: number;
  readonly versions: readonly AnnouncementVersion[];
  readonly notices: readonly AnnouncementNotice[];
}

/** A supervisor's approval of another official's request. */
export interface SupervisorApproval {
  readonly requestedBy: string;
  readonly approvedBy: string;
  /** The roles the approver holds; must include {@link SUPERVISOR_ROLE}. */
  readonly approverRoles: readonly string[];
}

/** A lot an amendment touches, with the moment its trading starts. */
export interface AffectedLot {
  readonly lotId: string;
  readonly tradingStartsAt: Date;
}

export function newAnnouncement(): AnnouncementState {
  return { status: 'draft', version: 0, versions: [], notices: [] };
}

function guard(state: AnnouncementState, action: AnnouncementAction, reason: string | undefined): AnnouncementTransition {
  const t = ANNOUNCEMENT_TRANSITIONS[action];
  if (!t.from.includes(state.status)) {
    throw new DomainError('INVALID_STATE_TRANSITION', `an announcement that is ${state.status} cannot ${action}`, 'status', {
      from: state.status,
      action,
    });
  }
  if (t.reasonRequired && (reason === undefined || reason.trim() === '')) {
    throw new DomainError('REASON_REQUIRED', `${action} needs a reason`, 'reason');
  }
  return t;
}

/**
 * Maker-checker for `action`: when it needs a supervisor, the approval must exist, come from a
 * supervisor and from someone other than the requester. Throws SUPERVISOR_APPROVAL_REQUIRED
 * (field `approval`) or SAME_PERSON_APPROVAL (field `approval.approvedBy`).
 */
export function checkApproval(action: AnnouncementAction, approval: SupervisorApproval | undefined): void {
  if (!requiresSupervisorApproval(action)) return;
  if (approval === undefined || approval.approvedBy.trim() === '' || approval.requestedBy.trim() === '') {
    throw new DomainError('SUPERVISOR_APPROVAL_REQUIRED', `${action} needs a supervisor's approval`, 'approval');
  }
  if (approval.approvedBy === approval.requestedBy) {
    throw new DomainError(
      'SAME_PERSON_APPROVAL',
      `${action} must be approved by an official other than the one who requested it`,
      'approval.approvedBy',
    );
  }
  if (!approval.approverRoles.includes(SUPERVISOR_ROLE)) {
    throw new DomainError('SUPERVISOR_APPROVAL_REQUIRED', `${action} must be approved by a supervisor (监察)`, 'approval.approvedBy');
  }
}

export function publishAnnouncement(state: AnnouncementState, input: { readonly now: Date }): AnnouncementState {
  guard(state, 'publish', undefined);
  return {
    status: 'published',
    version: 1,
    versions: [{ version: 1, publishedAt: input.now }],
    notices: [...state.notices, { kind: 'publication', at: input.now, version: 1 }],
  };
}

/**
 * Publishes amendment n+1. Throws AMENDMENT_TOO_LATE (a DomainErrors listing every affected lot whose
 * trading has started, fields `affectedLots[i].tradingStartsAt`).
 */
export function amendAnnouncement(
  state: AnnouncementState,
  input: { readonly now: Date; readonly reason: string; readonly summary?: string; readonly affectedLots: readonly AffectedLot[] },
): AnnouncementState {
  guard(state, 'amend', input.reason);
  const late: RuleViolation[] = [];
  input.affectedLots.forEach((lot, i) => {
    if (input.now.getTime() >= lot.tradingStartsAt.getTime()) {
      late.push({
        code: 'AMENDMENT_TOO_LATE',
        message: `lot ${lot.lotId} started trading at ${lot.tradingStartsAt.toISOString()}; it can no longer be amended`,
        field: `affectedLots[${i}].tradingStartsAt`,
      });
    }
  });
  if (late.length > 0) {
    throw new DomainErrors('AMENDMENT_TOO_LATE', 'an amendment must be published before trading starts on every lot it affects', late);
  }
  const version = state.version + 1;
  const entry: AnnouncementVersion = { version, publishedAt: input.now, reason: input.reason, summary: input.summary };
  return {
    status: state.status,
    version,
    versions: [...state.versions, entry],
    notices: [...state.notices, { kind: 'amendment', at: input.now, version, reason: input.reason }],
  };
}

export function suspendAnnouncement(
  state: AnnouncementState,
  input: { readonly now: Date; readonly reason: string; readonly approval?: SupervisorApproval },
): AnnouncementState {
  guard(state, 'suspend', input.reason);
  checkApproval('suspend', input.approval);
  return {
    ...state,
    status: 'suspended',
    notices: [
      ...state.notices,
      {
        kind: 'suspension',
        at: input.now,
        version: state.version,
        reason: input.reason,
        requestedBy: input.approval?.requestedBy,
        approvedBy: input.approval?.approvedBy,
      },
    ],
  };
}

/**
 * Announces the resumption at `now`, trading resuming at `resumesAt`. Throws
 * RESUMPTION_NOTICE_TOO_SHORT (field `resumesAt`) when fewer than `resumptionNoticeDays` Shanghai
 * calendar days separate the two, or `resumesAt` is not after `now`.
 */
export function resumeAnnouncement(
  state: AnnouncementState,
  input: { readonly now: Date; readonly resumesAt: Date; readonly reason?: string },
  settings: ListingSettingsOverrides = {},
): AnnouncementState {
  guard(state, 'resume', input.reason);
  checkResumptionNotice(input.now, input.resumesAt, settings);
  return {
    ...state,
    status: 'published',
    notices: [
      ...state.notices,
      { kind: 'resumption', at: input.now, version: state.version, reason: input.reason, effectiveAt: input.resumesAt },
    ],
  };
}

/** The resumption notice rule alone (see {@link resumeAnnouncement}). */
export function checkResumptionNotice(announcedAt: Date, resumesAt: Date, settings: ListingSettingsOverrides = {}): void {
  const days = resolveListingSettings(settings).resumptionNoticeDays;
  const given = daysBetween(toShanghaiDate(announcedAt), toShanghaiDate(resumesAt));
  if (resumesAt.getTime() <= announcedAt.getTime() || given < days) {
    throw new DomainError(
      'RESUMPTION_NOTICE_TOO_SHORT',
      `a resumption must be announced at least ${days} calendar days ahead; ${toShanghaiDate(announcedAt)} to ${toShanghaiDate(resumesAt)} gives ${given}`,
      'resumesAt',
      { requiredDays: days, givenDays: given },
    );
  }
}

export function terminateAnnouncement(
  state: AnnouncementState,
  input: { readonly now: Date; readonly reason: string; readonly approval?: SupervisorApproval },
): AnnouncementState {
  guard(state, 'terminate', input.reason);
  checkApproval('terminate', input.approval);
  return {
    ...state,
    status: 'terminated',
    notices: [
      ...state.notices,
      {
        kind: 'termination',
        at: input.now,
        version: state.version,
        reason: input.reason,
        requestedBy: input.approval?.requestedBy,
        approvedBy: input.approval?.approvedBy,
      },
    ],
  };
}

/** Completes the announcement once every lot is closed (sold, unsold or terminated): LOTS_NOT_CLOSED otherwise. */
export function completeAnnouncement(
  state: AnnouncementState,
  input: { readonly now: Date; readonly lotPhases: readonly LotPhase[] },
): AnnouncementState {
  guard(state, 'complete', undefined);
  const open = input.lotPhases.filter((p) => !isClosedPhase(p));
  if (input.lotPhases.length === 0 || open.length > 0) {
    const message =
      input.lotPhases.length === 0 ? 'an announcement completes through its lots, and none were given' : `${open.length} lot(s) are not closed yet`;
    throw new DomainError('LOTS_NOT_CLOSED', message, 'lotPhases', { open: open.length });
  }
  return {
    ...state,
    status: 'completed',
    notices: [...state.notices, { kind: 'completion', at: input.now, version: state.version }],
  };
}
