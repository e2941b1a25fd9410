import { DomainError, DomainErrors } from '@app/common/domain-error';
import {
  amendAnnouncement,
  ANNOUNCEMENT_ACTIONS,
  ANNOUNCEMENT_TRANSITIONS,
  checkApproval,
  checkResumptionNotice,
  completeAnnouncement,
  newAnnouncement,
  publishAnnouncement,
  requiresSupervisorApproval,
  resumeAnnouncement,
  suspendAnnouncement,
  terminateAnnouncement,
  type AnnouncementState,
  type SupervisorApproval,
} from './announcement-lifecycle';

const sh = (local: string): Date => new Date(`${local}:00+08:00`);

const APPROVAL: SupervisorApproval = { requestedBy: 'officer-1', approvedBy: 'supervisor-1', approverRoles: ['supervisor'] };

function errorOf(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a DomainError');
}

function published(): AnnouncementState {
  return publishAnnouncement(newAnnouncement(), { now: sh('2025-09-01T10:00') });
}

describe('announcement lifecycle', () => {
  it('a draft is published as version 1, with its notice', () => {
    const a = published();
    expect(a.status).toBe('published');
    expect(a.version).toBe(1);
    expect(a.versions).toEqual([{ version: 1, publishedAt: sh('2025-09-01T10:00') }]);
    expect(a.notices).toEqual([{ kind: 'publication', at: sh('2025-09-01T10:00'), version: 1 }]);
  });

  it('an amendment publishes version n+1 and keeps every earlier version', () => {
    const lots = [{ lotId: 'lot-1', tradingStartsAt: sh('2025-09-25T09:00') }];
    const v2 = amendAnnouncement(published(), { now: sh('2025-09-10T10:00'), reason: 'corrected plot ratio', affectedLots: lots });
    const v3 = amendAnnouncement(v2, { now: sh('2025-09-12T10:00'), reason: 'extended deadline', summary: 'deposit deadline +2 days', affectedLots: lots });
    expect(v3.status).toBe('published');
    expect(v3.version).toBe(3);
    expect(v3.versions.map((v) => v.version)).toEqual([1, 2, 3]);
    expect(v3.versions[1]).toMatchObject({ reason: 'corrected plot ratio', publishedAt: sh('2025-09-10T10:00') });
    expect(v3.notices.map((n) => n.kind)).toEqual(['publication', 'amendment', 'amendment']);
  });

  it('an amendment is refused once trading has started on any affected lot (AMENDMENT_TOO_LATE lists each)', () => {
    const lots = [
      { lotId: 'lot-1', tradingStartsAt: sh('2025-09-25T09:00') },
      { lotId: 'lot-2', tradingStartsAt: sh('2025-09-20T09:00') },
      { lotId: 'lot-3', tradingStartsAt: sh('2025-09-22T09:00') },
    ];
    const e = errorOf(() => amendAnnouncement(published(), { now: sh('2025-09-22T09:00'), reason: 'r', affectedLots: lots }));
    expect(e).toBeInstanceOf(DomainErrors);
    expect(e.code).toBe('AMENDMENT_TOO_LATE');
    expect((e as DomainErrors).errors.map((x) => x.field)).toEqual(['affectedLots[1].tradingStartsAt', 'affectedLots[2].tradingStartsAt']);
  });

  it('an amendment needs a reason', () => {
    expect(errorOf(() => amendAnnouncement(published(), { now: sh('2025-09-10T10:00'), reason: '', affectedLots: [] })).code).toBe(
      'REASON_REQUIRED',
    );
  });

  it('a draft cannot be amended, suspended or terminated', () => {
    const draft = newAnnouncement();
    expect(errorOf(() => amendAnnouncement(draft, { now: sh('2025-09-10T10:00'), reason: 'r', affectedLots: [] }))).toMatchObject({
      code: 'INVALID_STATE_TRANSITION',
      field: 'status',
    });
    expect(errorOf(() => suspendAnnouncement(draft, { now: sh('2025-09-10T10:00'), reason: 'r', approval: APPROVAL })).code).toBe(
      'INVALID_STATE_TRANSITION',
    );
    expect(errorOf(() => terminateAnnouncement(draft, { now: sh('2025-09-10T10:00'), reason: 'r', approval: APPROVAL })).code).toBe(
      'INVALID_STATE_TRANSITION',
    );
  });

  it('suspension ↔ publication: suspend with a reason and approval, amend while suspended, resume with 5 days notice', () => {
    const suspended = suspendAnnouncement(published(), { now: sh('2025-09-10T10:00'), reason: 'court request', approval: APPROVAL });
    expect(suspended.status).toBe('suspended');
    expect(suspended.notices.at(-1)).toMatchObject({ kind: 'suspension', requestedBy: 'officer-1', approvedBy: 'supervisor-1' });
    const amended = amendAnnouncement(suspended, {
      now: sh('2025-09-11T10:00'),
      reason: 'new planning conditions',
      affectedLots: [{ lotId: 'lot-1', tradingStartsAt: sh('2025-10-20T09:00') }],
    });
    expect(amended).toMatchObject({ status: 'suspended', version: 2 });
    const resumed = resumeAnnouncement(amended, { now: sh('2025-09-12T10:00'), resumesAt: sh('2025-09-17T09:00') });
    expect(resumed.status).toBe('published');
    expect(resumed.notices.at(-1)).toMatchObject({ kind: 'resumption', effectiveAt: sh('2025-09-17T09:00') });
  });

  it('a resumption announced fewer than 5 days ahead is refused (RESUMPTION_NOTICE_TOO_SHORT)', () => {
    const suspended = suspendAnnouncement(published(), { now: sh('2025-09-10T10:00'), reason: 'court request', approval: APPROVAL });
    const e = errorOf(() => resumeAnnouncement(suspended, { now: sh('2025-09-12T23:00'), resumesAt: sh('2025-09-16T23:59') }));
    expect(e).toMatchObject({ code: 'RESUMPTION_NOTICE_TOO_SHORT', field: 'resumesAt', details: { requiredDays: 5, givenDays: 4 } });
  });

  it('the resumption notice counts Shanghai calendar days and is a setting', () => {
    expect(() => checkResumptionNotice(sh('2025-09-12T23:00'), sh('2025-09-17T00:30'))).not.toThrow();
    expect(() => checkResumptionNotice(sh('2025-09-12T23:00'), sh('2025-09-17T00:30'), { resumptionNoticeDays: 7 })).toThrow(DomainError);
    expect(errorOf(() => checkResumptionNotice(sh('2025-09-12T23:00'), sh('2025-09-12T22:00'), { resumptionNoticeDays: 0 })).code).toBe(
      'RESUMPTION_NOTICE_TOO_SHORT',
    );
  });

  it('a published or suspended announcement can be terminated with a reason and approval; terminated is final', () => {
    const terminated = terminateAnnouncement(published(), { now: sh('2025-09-10T10:00'), reason: 'withdrawn by the city', approval: APPROVAL });
    expect(terminated.status).toBe('terminated');
    for (const action of [
      () => resumeAnnouncement(terminated, { now: sh('2025-09-11T10:00'), resumesAt: sh('2025-09-20T10:00') }),
      () => suspendAnnouncement(terminated, { now: sh('2025-09-11T10:00'), reason: 'r', approval: APPROVAL }),
      () => completeAnnouncement(terminated, { now: sh('2025-09-11T10:00'), lotPhases: ['closed_sold'] }),
    ]) {
      expect(errorOf(action).code).toBe('INVALID_STATE_TRANSITION');
    }
    const suspended = suspendAnnouncement(published(), { now: sh('2025-09-10T10:00'), reason: 'r', approval: APPROVAL });
    expect(terminateAnnouncement(suspended, { now: sh('2025-09-11T10:00'), reason: 'r', approval: APPROVAL }).status).toBe('terminated');
  });

  it('completes only when every lot is closed', () => {
    const a = published();
    expect(completeAnnouncement(a, { now: sh('2025-10-20T10:00'), lotPhases: ['closed_sold', 'closed_unsold', 'terminated'] }).status).toBe(
      'completed',
    );
    expect(errorOf(() => completeAnnouncement(a, { now: sh('2025-10-20T10:00'), lotPhases: ['closed_sold', 'listing'] }))).toMatchObject({
      code: 'LOTS_NOT_CLOSED',
      details: { open: 1 },
    });
    expect(errorOf(() => completeAnnouncement(a, { now: sh('2025-10-20T10:00'), lotPhases: [] })).code).toBe('LOTS_NOT_CLOSED');
  });
});

describe('supervisor approval (maker-checker)', () => {
  it('suspension and termination need a supervisor approval; the other actions do not', () => {
    expect(ANNOUNCEMENT_ACTIONS.filter(requiresSupervisorApproval)).toEqual(['suspend', 'terminate']);
    expect(ANNOUNCEMENT_TRANSITIONS.suspend.approval).toBe('supervisor');
  });

  it('suspension without an approval is refused', () => {
    expect(errorOf(() => suspendAnnouncement(published(), { now: sh('2025-09-10T10:00'), reason: 'r' }))).toMatchObject({
      code: 'SUPERVISOR_APPROVAL_REQUIRED',
      field: 'approval',
    });
  });

  it('the approver must differ from the requester (SAME_PERSON_APPROVAL)', () => {
    const self: SupervisorApproval = { requestedBy: 'supervisor-1', approvedBy: 'supervisor-1', approverRoles: ['supervisor'] };
    expect(errorOf(() => terminateAnnouncement(published(), { now: sh('2025-09-10T10:00'), reason: 'r', approval: self }))).toMatchObject({
      code: 'SAME_PERSON_APPROVAL',
      field: 'approval.approvedBy',
    });
  });

  it('the approver must be a supervisor', () => {
    const officer: SupervisorApproval = { requestedBy: 'officer-1', approvedBy: 'officer-2', approverRoles: ['trading_officer'] };
    expect(errorOf(() => checkApproval('suspend', officer)).code).toBe('SUPERVISOR_APPROVAL_REQUIRED');
  });

  it('actions without an approval rule accept no approval at all', () => {
    expect(() => checkApproval('publish', undefined)).not.toThrow();
    expect(() => checkApproval('resume', undefined)).not.toThrow();
  });
});
