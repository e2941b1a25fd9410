import { DomainError, DomainErrors } from '@app/common/domain-error';
import { answerInvitation, groupReadiness, isWellFormedIdentifier, normalizeIdentifier, proposeJointGroup, type InvitationStatus } from './joint-invitation';
import { residentIdCheckDigit } from './resident-id';
import { usccCheckCharacter } from './uscc';

const TODAY = '2026-06-01';
const code = (body: string) => body + usccCheckCharacter(body);
const LEAD = code('91370783MA3C5X2Q1');
const B = code('91370783MA3C5X2Q2');
const C = code('91370783MA3C5X2Q3');
const PERSON = '37078319850312002' + residentIdCheckDigit('37078319850312002');

function errorsOf(fn: () => unknown): DomainErrors {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainErrors) return e;
    throw e;
  }
  throw new Error('expected DomainErrors');
}

function errorOf(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a DomainError');
}

const propose = (partners: Array<{ identifier: unknown; share: unknown }>, leadIdentifiers = [LEAD]) => proposeJointGroup({ leadIdentifiers, partners }, { maxJointPartners: 10, today: TODAY });

describe('proposeJointGroup', () => {
  it('splits the lead’s own entry from the invitations, keeping the lead’s order and exact shares', () => {
    const p = propose([
      { identifier: B, share: '33.33' },
      { identifier: ` ${LEAD.toLowerCase()} `, share: '40.00' },
      { identifier: PERSON, share: '26.67' },
    ]);
    expect(p.leadShare.toString()).toBe('0.4000');
    expect(p.leadPosition).toBe(1);
    expect(p.invitations.map((i) => [i.identifier, i.share.toString(), i.position])).toEqual([
      [B, '0.3333', 0],
      [PERSON, '0.2667', 2],
    ]);
  });

  it('refuses a malformed code by its field, without needing to know whether it is registered', () => {
    const e = errorsOf(() => propose([{ identifier: LEAD, share: '50' }, { identifier: B.slice(0, 17) + (B[17] === '0' ? '1' : '0'), share: '50' }]));
    expect(e.code).toBe('JOINT_GROUP_INVALID');
    expect(e.errors).toEqual([expect.objectContaining({ code: 'PARTNER_IDENTIFIER_INVALID', field: 'partners[1].identifier' })]);
  });

  it('refuses shares that do not add up to exactly 100%, naming the rule', () => {
    const e = errorsOf(() => propose([{ identifier: LEAD, share: '50.00' }, { identifier: B, share: '49.99' }]));
    expect(e.errors.map((x) => x.code)).toEqual(['SHARES_NOT_100']);
  });

  it('refuses a group without the lead, and one that names a partner twice, by the partners’ fields', () => {
    const without = errorsOf(() => propose([{ identifier: B, share: '50' }, { identifier: C, share: '50' }]));
    expect(without.errors).toEqual([expect.objectContaining({ code: 'LEAD_NOT_A_PARTNER', field: 'partners' })]);
    const twice = errorsOf(() => propose([{ identifier: LEAD, share: '40' }, { identifier: B, share: '30' }, { identifier: B.toLowerCase(), share: '30' }]));
    expect(twice.errors).toEqual([expect.objectContaining({ code: 'DUPLICATE_PARTNER', field: 'partners[2].identifier' })]);
  });

  it('refuses more partners than the setting allows', () => {
    const e = errorsOf(() =>
      proposeJointGroup({ leadIdentifiers: [LEAD], partners: [LEAD, B, C].map((identifier, i) => ({ identifier, share: i === 0 ? '33.34' : '33.33' })) }, { maxJointPartners: 2, today: TODAY }),
    );
    expect(e.errors.map((x) => x.code)).toContain('TOO_MANY_PARTNERS');
  });
});

describe('identifiers', () => {
  it('normalizes case and spaces, and accepts both credit codes and resident ID numbers', () => {
    expect(normalizeIdentifier(` ${PERSON.toLowerCase().replace(/^(.{6})/, '$1 ')} `)).toBe(PERSON);
    expect(isWellFormedIdentifier(B, TODAY)).toBe(true);
    expect(isWellFormedIdentifier(PERSON, TODAY)).toBe(true);
    expect(isWellFormedIdentifier('123', TODAY)).toBe(false);
    expect(normalizeIdentifier(42)).toBe('');
  });
});

describe('answerInvitation', () => {
  it.each<[InvitationStatus, 'accept' | 'decline', InvitationStatus, boolean]>([
    ['pending', 'accept', 'accepted', true],
    ['pending', 'decline', 'declined', true],
    ['accepted', 'accept', 'accepted', false],
    ['declined', 'decline', 'declined', false],
  ])('%s + %s → %s (changed: %s)', (from, answer, to, changed) => {
    expect(answerInvitation(from, answer)).toEqual({ status: to, changed });
  });

  it('never turns a decline into an acceptance, an acceptance into a decline, or answers a withdrawn invitation', () => {
    expect(errorOf(() => answerInvitation('declined', 'accept')).code).toBe('ALREADY_DECLINED');
    expect(errorOf(() => answerInvitation('accepted', 'decline')).code).toBe('ALREADY_ACCEPTED');
    expect(errorOf(() => answerInvitation('withdrawn', 'accept')).code).toBe('INVITATION_WITHDRAWN');
    expect(errorOf(() => answerInvitation('withdrawn', 'decline')).code).toBe('INVITATION_WITHDRAWN');
  });
});

describe('groupReadiness', () => {
  it('is ready only when every invited partner accepted (withdrawn ones do not count)', () => {
    expect(groupReadiness([])).toEqual({ ready: true, pending: [], declined: [] });
    expect(groupReadiness([{ identifier: B, status: 'accepted' }, { identifier: C, status: 'pending' }])).toEqual({ ready: false, pending: [C], declined: [] });
    expect(groupReadiness([{ identifier: B, status: 'declined' }, { identifier: C, status: 'accepted' }])).toEqual({ ready: false, pending: [], declined: [B] });
  });
});
