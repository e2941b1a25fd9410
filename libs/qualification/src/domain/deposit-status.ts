import { DomainError } from '@app/common/domain-error';
import { Money } from '@app/money/money';

/**
 * The deposit account of one application (DOMAIN.md §4), as pure arithmetic over the payments that
 * arrived on its virtual sub-account: several payments add up; only money that **arrived** before the
 * deadline counts (the bank's arrival time, not the notice time); it must come from the bidder itself.
 *
 * Every payment falls in exactly one bucket:
 * - **late**: `arrivedAt ≥ deadline`, whoever paid it. The deadline is **exclusive**: a payment
 *   stamped exactly at the deadline (e.g. 17:00:00.000 for a 17:00 deadline) is late, as "before the
 *   deadline" (截止时间前) reads.
 * - **payerMismatch**: in time, but the payer's name is none of `applicantNames`. Not counted — a
 *   deposit paid by someone else (代缴) is not the bidder's and is returned to the payer.
 * - **counted**: in time and from an applicant.
 * so `counted + late + payerMismatch = total`, and when every payer is an applicant,
 * `counted + late = total`.
 *
 * Decisions:
 * - For a **joint group** `applicantNames` lists every partner, and a payment in the name of any of
 *   them counts towards the group's single deposit (partners commonly pay their own part).
 * - Names are compared after {@link normalizePayerName}: full-width/half-width forms unified (NFKC),
 *   all whitespace removed, every bracket read as ( or ), the various middle dots of transliterated
 *   names read as "·", Latin letters upper-cased — bank records of the same company often differ only
 *   in those (福建某某（泉州）有限公司 vs 福建某某(泉州)有限公司). Nothing fuzzier: a different word is
 *   a different payer, for a person to look at.
 * - `outstanding = max(0, required − counted)`, `excess = max(0, counted − required)` (refunded after
 *   the sale closes); `fullyPaidInTime` is `counted ≥ required`.
 * - The same `txnId` twice is one payment (notices are idempotent); the same txnId with a different
 *   amount, time or payer is an error (`CONFLICTING_PAYMENT`): the bank does not change a transaction.
 * - Id lists are ordered by arrival time, then txnId, so the result does not depend on the order of
 *   `payments`.
 */

export interface DepositPayment {
  readonly txnId: string;
  /** > 0. */
  readonly amount: Money;
  /** The bank's arrival time. */
  readonly arrivedAt: Date;
  readonly payerName: string;
}

export interface DepositStatusInput {
  readonly required: Money;
  /** Exclusive: money must arrive strictly before it. */
  readonly deadline: Date;
  readonly payments: readonly DepositPayment[];
  /** The applicant's registered name; for a joint group, every partner's. */
  readonly applicantNames: readonly string[];
}

export interface DepositStatus {
  /** Sum of all (distinct) payments. */
  readonly total: Money;
  /** In time and from an applicant. */
  readonly counted: Money;
  /** Arrived at or after the deadline. */
  readonly late: Money;
  readonly lateTxnIds: readonly string[];
  /** In time but paid by someone who is not an applicant. */
  readonly payerMismatch: Money;
  readonly payerMismatchTxnIds: readonly string[];
  /** `max(0, required − counted)`. */
  readonly outstanding: Money;
  /** `max(0, counted − required)`: to be refunded after the sale closes. */
  readonly excess: Money;
  readonly fullyPaidInTime: boolean;
}

const BRACKETS_OPEN = /[[{【〔〖〈]/g;
const BRACKETS_CLOSE = /[\]}】〕〗〉]/g;
const MIDDLE_DOTS = /[\u00B7\u2022\u2027\u2219\u22C5\u30FB\u0387\u16EB\u2E31]/g;

/**
 * The form in which payer and applicant names are compared: NFKC (full-width letters, digits,
 * brackets and spaces become half-width), whitespace removed, all brackets as ( ), middle dots as "·",
 * upper case.
 */
export function normalizePayerName(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(BRACKETS_OPEN, '(')
    .replace(BRACKETS_CLOSE, ')')
    .replace(MIDDLE_DOTS, '·')
    .toUpperCase();
}

/** True when two names are the same after {@link normalizePayerName} (and not empty). */
export function namesMatch(a: string, b: string): boolean {
  const na = normalizePayerName(a);
  return na !== '' && na === normalizePayerName(b);
}

/** True when `payerName` is, after normalisation, one of `applicantNames`. */
export function payerMatches(payerName: string, applicantNames: readonly string[]): boolean {
  return applicantNames.some((n) => namesMatch(payerName, n));
}

function isValidDate(d: unknown): d is Date {
  return d instanceof Date && !Number.isNaN(d.getTime());
}

function samePayment(a: DepositPayment, b: DepositPayment): boolean {
  return a.amount.eq(b.amount) && a.arrivedAt.getTime() === b.arrivedAt.getTime() && a.payerName === b.payerName;
}

function byArrival(a: DepositPayment, b: DepositPayment): number {
  const t = a.arrivedAt.getTime() - b.arrivedAt.getTime();
  return t !== 0 ? t : a.txnId < b.txnId ? -1 : a.txnId > b.txnId ? 1 : 0;
}

/** The deposit account of one application; see the module notes. */
export function computeDepositStatus(input: DepositStatusInput): DepositStatus {
  const { required, deadline, applicantNames } = input;
  if (!Money.isMoney(required) || required.isNegative()) {
    throw new DomainError('INVALID_DEPOSIT', 'the required deposit must be an amount ≥ 0', 'required');
  }
  if (!isValidDate(deadline)) throw new RangeError('the deposit deadline must be a valid Date');
  if (applicantNames.every((n) => normalizePayerName(n) === '')) {
    throw new RangeError('at least one applicant name is needed to recognise the payer');
  }

  const byTxn = new Map<string, DepositPayment>();
  for (const p of input.payments) {
    if (!Money.isMoney(p.amount) || !p.amount.isPositive()) {
      throw new DomainError('INVALID_PAYMENT', `payment ${p.txnId} must have an amount > 0`, 'payments', { txnId: p.txnId });
    }
    if (!isValidDate(p.arrivedAt)) {
      throw new DomainError('INVALID_PAYMENT', `payment ${p.txnId} has no valid arrival time`, 'payments', { txnId: p.txnId });
    }
    const seen = byTxn.get(p.txnId);
    if (seen === undefined) byTxn.set(p.txnId, p);
    else if (!samePayment(seen, p)) {
      throw new DomainError('CONFLICTING_PAYMENT', `transaction ${p.txnId} appears twice with different details`, 'payments', {
        txnId: p.txnId,
      });
    }
  }

  const payments = [...byTxn.values()].sort(byArrival);
  const late = payments.filter((p) => p.arrivedAt.getTime() >= deadline.getTime());
  const inTime = payments.filter((p) => p.arrivedAt.getTime() < deadline.getTime());
  const mismatch = inTime.filter((p) => !payerMatches(p.payerName, applicantNames));
  const recognised = inTime.filter((p) => payerMatches(p.payerName, applicantNames));

  const counted = Money.sum(recognised.map((p) => p.amount));
  const difference = counted.subtract(required);
  return Object.freeze({
    total: Money.sum(payments.map((p) => p.amount)),
    counted,
    late: Money.sum(late.map((p) => p.amount)),
    lateTxnIds: Object.freeze(late.map((p) => p.txnId)),
    payerMismatch: Money.sum(mismatch.map((p) => p.amount)),
    payerMismatchTxnIds: Object.freeze(mismatch.map((p) => p.txnId)),
    outstanding: difference.isNegative() ? difference.negate() : Money.zero(),
    excess: difference.isPositive() ? difference : Money.zero(),
    fullyPaidInTime: counted.gte(required),
  });
}
