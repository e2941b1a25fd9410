import { DomainError, DomainErrors } from '@app/common/domain-error';
import type { Ratio } from '@app/money/ratio';
import { validateJointGroup } from './joint-bid';
import type { RuleViolation } from './qualification-settings';
import { validateResidentId } from './resident-id';
import { isValidUscc } from './uscc';

/**
 * Invitations to a joint bid (联合竞买, DOMAIN.md §4). The lead names its partners by unified social
 * credit code or resident ID number; each named partner gets an invitation, and becomes a member of the
 * application only when it accepts.
 *
 * Decisions:
 * - An invitation occupies nobody's place: a company that is merely invited may still apply alone, and
 *   the rule "nobody applies alone and in a group for the same lot" is checked when it accepts.
 * - Inviting never looks the code up: a well-formed code of a company that never registered is invited
 *   exactly like a registered one (same answer, same work), so the inviter cannot learn who is
 *   registered. The inviter sees each partner by the code it typed, and its name only once it accepts.
 * - States: pending → accepted | declined; pending or accepted → withdrawn when the lead withdraws the
 *   application. Answers are idempotent (accepting twice is accepting once); a declined invitation
 *   cannot be accepted later, nor an accepted one declined.
 * - A declined partner is not replaced: the joint bid rests on one agreement (联合竞买协议) naming every
 *   partner and share, which the others accepted as a whole. The lead withdraws the draft, which frees
 *   every member's place, and applies again with the new group, which every partner accepts afresh.
 */

export const INVITATION_STATUSES = ['pending', 'accepted', 'declined', 'withdrawn'] as const;
export type InvitationStatus = (typeof INVITATION_STATUSES)[number];

export interface ProposedPartner {
  /** The code as the lead typed it (any case, spaces around). */
  readonly identifier: unknown;
  /** A percentage string with at most 2 places ("33.34"). */
  readonly share: unknown;
}

export interface ProposedInvitation {
  /** Normalized: trimmed, upper case (a resident ID's check character "x" becomes "X"). */
  readonly identifier: string;
  readonly share: Ratio;
  /** Place in the lead's list (0-based), which orders the group as the lead wrote it. */
  readonly position: number;
}

export interface JointProposal {
  readonly leadShare: Ratio;
  readonly leadPosition: number;
  readonly invitations: readonly ProposedInvitation[];
}

/** Trimmed, spaces removed, upper case: how invitations are stored and matched to a bidder. */
export function normalizeIdentifier(value: unknown): string {
  return typeof value === 'string' ? value.replace(/\s+/g, '').toUpperCase() : '';
}

/** Whether the text is a well-formed credit code or resident ID number (format only: nothing is looked up). */
export function isWellFormedIdentifier(identifier: string, today: string): boolean {
  if (isValidUscc(identifier)) return true;
  try {
    validateResidentId(identifier, 'identifier', today);
    return true;
  } catch (e) {
    if (e instanceof DomainError) return false;
    throw e;
  }
}

/**
 * The lead's proposed group: the lead's own entry (found by its own codes) and one invitation per
 * other partner; or `DomainErrors('JOINT_GROUP_INVALID')` naming every problem by `partners[i].identifier`
 * or `partners[i].share`: PARTNER_IDENTIFIER_INVALID, plus the rules of {@link validateJointGroup}
 * (shares summing to exactly 100%, no duplicates, the lead among the partners, 2 to maxJointPartners).
 */
export function proposeJointGroup(
  input: { readonly leadIdentifiers: readonly string[]; readonly partners: readonly ProposedPartner[] },
  options: { readonly maxJointPartners: number; readonly today: string },
): JointProposal {
  const violations: RuleViolation[] = [];
  const identifiers = input.partners.map((p) => normalizeIdentifier(p.identifier));
  identifiers.forEach((id, i) => {
    if (!isWellFormedIdentifier(id, options.today)) {
      violations.push({
        code: 'PARTNER_IDENTIFIER_INVALID',
        message: `partners[${i}].identifier is neither a valid unified social credit code nor a valid resident ID number`,
        field: `partners[${i}].identifier`,
      });
    }
  });
  const own = new Set(input.leadIdentifiers.map(normalizeIdentifier).filter((x) => x !== ''));
  const leadPosition = identifiers.findIndex((id) => own.has(id));
  let shares: readonly Ratio[] = [];
  try {
    const group = validateJointGroup(
      {
        leadBidderId: leadPosition >= 0 ? identifiers[leadPosition]! : ([...own][0] ?? ''),
        // Placeholders keep malformed codes apart, so one bad code is not also reported as a duplicate.
        partners: input.partners.map((p, i) => ({ bidderId: identifiers[i] || `#${i}`, share: p.share as string })),
      },
      { maxJointPartners: options.maxJointPartners },
    );
    shares = group.partners.map((p) => p.share);
  } catch (e) {
    if (!(e instanceof DomainErrors)) throw e;
    for (const v of e.errors) {
      if (v.code === 'LEAD_NOT_A_PARTNER') {
        violations.push({ code: v.code, message: 'your own credit code or ID number must be among the partners, with your share', field: 'partners' });
      } else {
        const field = (v.field ?? 'partners').replace(/\.bidderId$/, '.identifier');
        violations.push({ code: v.code, message: v.message.replace(/\.bidderId/g, '.identifier').replace(/bidder /g, 'partner '), field });
      }
    }
  }
  if (violations.length > 0 || leadPosition < 0) {
    throw new DomainErrors('JOINT_GROUP_INVALID', `the joint group breaks ${violations.length} rule(s): ${violations.map((v) => v.message).join('; ')}`, violations);
  }
  return Object.freeze({
    leadShare: shares[leadPosition]!,
    leadPosition,
    invitations: Object.freeze(
      identifiers.flatMap((identifier, position) => (position === leadPosition ? [] : [Object.freeze({ identifier, share: shares[position]!, position })])),
    ),
  });
}

/**
 * A partner's answer to its invitation: the new status and whether anything changed. Accepting an
 * accepted invitation, or declining a declined one, changes nothing. Throws ALREADY_DECLINED,
 * ALREADY_ACCEPTED or INVITATION_WITHDRAWN (field `id`).
 */
export function answerInvitation(status: InvitationStatus, answer: 'accept' | 'decline'): { status: InvitationStatus; changed: boolean } {
  if (status === 'withdrawn') throw new DomainError('INVITATION_WITHDRAWN', 'the lead has withdrawn this application; the invitation is void', 'id');
  if (answer === 'accept') {
    if (status === 'declined') throw new DomainError('ALREADY_DECLINED', 'you declined this invitation; the lead must apply again with a new group for you to join', 'id');
    return { status: 'accepted', changed: status === 'pending' };
  }
  if (status === 'accepted') throw new DomainError('ALREADY_ACCEPTED', 'you accepted this invitation; only the lead can now withdraw the application', 'id');
  return { status: 'declined', changed: status === 'pending' };
}

/** What still keeps a joint application from being submitted: partners who have not accepted, by code. */
export function groupReadiness(invitations: ReadonlyArray<{ readonly identifier: string; readonly status: InvitationStatus }>): {
  ready: boolean;
  pending: string[];
  declined: string[];
} {
  const pending = invitations.filter((i) => i.status === 'pending').map((i) => i.identifier);
  const declined = invitations.filter((i) => i.status === 'declined').map((i) => i.identifier);
  return { ready: pending.length === 0 && declined.length === 0, pending, declined };
}
