import { DomainError, DomainErrors } from '@app/common/domain-error';
import { Decimal } from '@app/money/decimal';
import { Ratio } from '@app/money/ratio';
import {
  MIN_JOINT_PARTNERS,
  resolveQualificationSettings,
  type QualificationSettingsOverrides,
  type RuleViolation,
} from './qualification-settings';

/**
 * Joint bidding (联合竞买, DOMAIN.md §4): several registered bidders apply together for one lot, with
 * agreed shares summing to exactly 100%; one of them, the lead, bids and signs.
 *
 * Decisions:
 * - A share is a **percentage string with at most 2 places** ("33.34", "50", "0.01"), or a {@link Ratio}
 *   with at most 4 places (0.3334) — the same precision either way, the NUMERIC(9,4) ratio column.
 *   The validated group carries Ratios.
 * - The shares must add up to **exactly** 100.00%: 33.33 + 33.33 + 33.33 = 99.99 is refused
 *   (`SHARES_NOT_100`, the message giving the actual sum). Rounding is for the partners to agree on,
 *   not for the platform to guess.
 * - Every share is > 0 and ≤ 100%. The group has at least {@link MIN_JOINT_PARTNERS} partners (the lead
 *   included) and at most `maxJointPartners` (setting, default 10).
 * - The lead is listed among the partners with its own share; bidder ids are compared after trimming.
 * - All violations are reported at once (`DomainErrors('JOINT_GROUP_INVALID')`), each naming its
 *   field: `leadBidderId`, `partners`, `partners[2].bidderId`, `partners[2].share`.
 */

export interface JointPartnerInput {
  readonly bidderId: string;
  /** A percentage string with at most 2 places ("33.34"), or a Ratio with at most 4 (0.3334). */
  readonly share: Ratio | string;
}

export interface JointGroupInput {
  readonly leadBidderId: string;
  readonly partners: readonly JointPartnerInput[];
}

export interface JointPartner {
  readonly bidderId: string;
  /** 4 places: "0.3334". */
  readonly share: Ratio;
}

export interface JointGroup {
  readonly leadBidderId: string;
  readonly partners: readonly JointPartner[];
}

const SHARE_SCALE = 4;
const HUNDRED = new Decimal('100');

function parseShare(value: unknown, field: string): Ratio {
  if (Ratio.isRatio(value)) {
    const d = value.toDecimal();
    if (d.decimalPlaces() > SHARE_SCALE) {
      throw new DomainError('TOO_MANY_DECIMAL_PLACES', `${field} as a ratio has at most ${SHARE_SCALE} places (a percentage with 2)`, field);
    }
    return Ratio.of(d, SHARE_SCALE);
  }
  return Ratio.fromPercentString(value, field, { scale: SHARE_SCALE });
}

function percentOf(ratio: Ratio): string {
  return ratio.toDecimal().times(HUNDRED).toFixed(2);
}

function bidderIdOf(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const id = value.trim();
  return id === '' ? undefined : id;
}

/**
 * The group with trimmed ids and shares as Ratios, or `DomainErrors('JOINT_GROUP_INVALID')` listing
 * every violation: PARTNERS_REQUIRED, TOO_FEW_PARTNERS, TOO_MANY_PARTNERS, BIDDER_ID_REQUIRED, LEAD_NOT_A_PARTNER,
 * DUPLICATE_PARTNER, the share's own parse codes (INVALID_DECIMAL, TOO_MANY_DECIMAL_PLACES,
 * NEGATIVE_NOT_ALLOWED, OUT_OF_RANGE), SHARE_NOT_POSITIVE, and SHARES_NOT_100 (checked only when every
 * share is valid).
 */
export function validateJointGroup(input: JointGroupInput, settings: QualificationSettingsOverrides = {}): JointGroup {
  const { maxJointPartners } = resolveQualificationSettings(settings);
  const violations: RuleViolation[] = [];
  const add = (code: string, message: string, field: string): void => {
    violations.push({ code, message, field });
  };

  const lead = bidderIdOf(input.leadBidderId);
  if (lead === undefined) add('BIDDER_ID_REQUIRED', 'leadBidderId is required', 'leadBidderId');

  const partnersInput: readonly unknown[] = Array.isArray(input.partners) ? input.partners : [];
  if (!Array.isArray(input.partners)) add('PARTNERS_REQUIRED', 'partners must be a list', 'partners');
  if (partnersInput.length < MIN_JOINT_PARTNERS) {
    add(
      'TOO_FEW_PARTNERS',
      `a joint group has at least ${MIN_JOINT_PARTNERS} partners including the lead, got ${partnersInput.length}`,
      'partners',
    );
  }
  if (partnersInput.length > maxJointPartners) {
    add('TOO_MANY_PARTNERS', `a joint group has at most ${maxJointPartners} partners, got ${partnersInput.length}`, 'partners');
  }

  const partners: JointPartner[] = [];
  const shares: Ratio[] = [];
  const firstIndexOf = new Map<string, number>();
  partnersInput.forEach((raw, index) => {
    const item = (typeof raw === 'object' && raw !== null ? raw : {}) as Partial<Record<keyof JointPartnerInput, unknown>>;
    const idField = `partners[${index}].bidderId`;
    const shareField = `partners[${index}].share`;
    const id = bidderIdOf(item.bidderId);
    if (id === undefined) {
      add('BIDDER_ID_REQUIRED', `${idField} is required`, idField);
    } else if (firstIndexOf.has(id)) {
      add('DUPLICATE_PARTNER', `${idField}: bidder ${id} is already partners[${firstIndexOf.get(id)}]`, idField);
    } else {
      firstIndexOf.set(id, index);
    }
    let share: Ratio | undefined;
    try {
      share = parseShare(item.share, shareField);
    } catch (e) {
      if (!(e instanceof DomainError)) throw e;
      add(e.code, e.message, shareField);
    }
    if (share !== undefined && !share.gt(Ratio.zero())) {
      add('SHARE_NOT_POSITIVE', `${shareField} must be more than 0`, shareField);
      share = undefined;
    } else if (share !== undefined && share.gt(Ratio.one())) {
      add('OUT_OF_RANGE', `${shareField} must be at most 100`, shareField);
      share = undefined;
    }
    if (share !== undefined) shares.push(share);
    if (share !== undefined && id !== undefined) partners.push({ bidderId: id, share });
  });

  if (lead !== undefined && partnersInput.length > 0 && !firstIndexOf.has(lead)) {
    add('LEAD_NOT_A_PARTNER', `the lead bidder ${lead} must be one of the partners, with its own share`, 'leadBidderId');
  }
  if (shares.length === partnersInput.length && shares.length > 0) {
    const total = Ratio.sum(shares, SHARE_SCALE);
    if (!total.equalsOne()) {
      add('SHARES_NOT_100', `the partners' shares add up to ${percentOf(total)}%, not exactly 100.00%`, 'partners');
    }
  }

  if (violations.length > 0 || lead === undefined) {
    throw new DomainErrors('JOINT_GROUP_INVALID', `the joint group breaks ${violations.length} rule(s)`, violations);
  }
  return Object.freeze({ leadBidderId: lead, partners: Object.freeze(partners.map((p) => Object.freeze(p))) });
}

/** One application for a lot: its bidders (one alone; every partner of a joint group). */
export interface LotApplicationParties {
  readonly bidderIds: readonly string[];
  readonly joint: boolean;
}

/**
 * DOMAIN.md §4: nobody applies for the same lot twice — not alone twice, not alone and in a joint
 * group, not in two groups. `existingApplications` are the other applications for the same lot that
 * still count (the caller leaves out withdrawn and rejected ones).
 *
 * Throws (field `bidderIds`, `details.conflicts` listing every bidder of `newApp` found in an
 * existing application, with that application's index):
 * - `ALONE_AND_JOINT` when a bidder's existing application is alone and the new one joint, or the
 *   other way round (this code wins when both kinds of conflict occur);
 * - `ALREADY_APPLIED` when both are alone (the same bidder again) or both are joint groups.
 */
export function ensureNotBothAloneAndJoint(
  existingApplications: readonly LotApplicationParties[],
  newApp: LotApplicationParties,
): void {
  const conflicts: { bidderId: string; existingIndex: number; existingJoint: boolean }[] = [];
  const newIds = new Set(newApp.bidderIds.map((id) => id.trim()));
  existingApplications.forEach((existing, existingIndex) => {
    for (const raw of existing.bidderIds) {
      const id = raw.trim();
      if (newIds.has(id)) conflicts.push({ bidderId: id, existingIndex, existingJoint: existing.joint });
    }
  });
  if (conflicts.length === 0) return;
  const mixed = conflicts.find((c) => c.existingJoint !== newApp.joint);
  const first = mixed ?? conflicts[0];
  const kind = (joint: boolean): string => (joint ? 'in a joint group' : 'alone');
  if (mixed !== undefined) {
    throw new DomainError(
      'ALONE_AND_JOINT',
      `bidder ${first.bidderId} has already applied for this lot ${kind(first.existingJoint)} and cannot also apply ${kind(newApp.joint)}`,
      'bidderIds',
      { conflicts },
    );
  }
  throw new DomainError(
    'ALREADY_APPLIED',
    newApp.joint
      ? `bidder ${first.bidderId} is already in another joint group for this lot`
      : `bidder ${first.bidderId} has already applied for this lot`,
    'bidderIds',
    { conflicts },
  );
}
