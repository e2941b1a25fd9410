import { DomainError } from '@app/common/domain-error';
import { addDays, compare, daysBetween, parseIsoDate, type IsoDate } from '@app/calendar/domain/calendar-day';
import { Decimal } from '@app/money/decimal';
import { Money } from '@app/money/money';
import { Ratio } from '@app/money/ratio';
import { dailyPenaltyRateOf, type SettlementSettings } from './settlement-settings';
import type { Installment } from './payment-schedule';

/**
 * Late payment of the land premium (DOMAIN.md §7): a daily penalty (滞纳金/违约金) on what is unpaid,
 * and the long default that terminates the contract and forfeits the deposit.
 *
 * Decisions:
 * - **Days late** are counted from the day after the due date to the payment date, **both included**:
 *   `daysBetween(dueDate, paidOn)`. Paid on the due date → 0 days; the next day → 1 day. Calendar days
 *   (penalties run on weekends and holidays too).
 * - **Penalty** = unpaid × daily rate × days, computed exactly and **rounded half up to the fen once per
 *   line** (`Money.multiply`, never per day). The total is the sum of the lines, so the lines printed on
 *   a demand add up to the total.
 * - **Partial payments**: the penalty accrues per period on the balance outstanding in it. A payment
 *   on day P still counts P as a late day for the balance before it (the payment date is inclusive);
 *   from P + 1 the smaller balance accrues. Several payments on one day act as one.
 * - **Which installment a payment pays**: payments are applied in date order (ties keep their input
 *   order) to the earliest installment that is not yet paid in full, then spill into the next; money
 *   beyond the whole schedule is reported as `unapplied` (an overpayment, for finance to refund).
 *   Payments pay the price only: penalties are demanded and paid separately.
 * - Only payments made on or before `asOf` count; an unpaid balance accrues up to `asOf` inclusive (an
 *   `open` line).
 * - **Long default**: an installment is overdue when a balance is left after its due date; its days
 *   overdue are `daysBetween(dueDate, today)`. When they exceed `longDefaultDays` (逾期超过90日: day 91
 *   onwards by default) the contract terminates and the deposit (the earnest money) is forfeited.
 */

/** A payment of the land premium received from the winner. */
export interface PremiumPayment {
  /** The date the money arrived (a calendar date). */
  readonly paidOn: IsoDate;
  /** > 0. */
  readonly amount: Money;
  /** The bank transaction or voucher, carried into the result. */
  readonly reference?: string;
}

/** What the penalty rules need of an installment ({@link Installment} has it). */
export type InstallmentDue = Pick<Installment, 'number' | 'dueDate' | 'payable'>;

/** Part of one payment applied to one installment. */
export interface AppliedPayment {
  readonly installmentNumber: number;
  readonly paidOn: IsoDate;
  readonly amount: Money;
  readonly reference?: string;
}

export interface PaymentApplication {
  /** Every applied part, in payment order; a payment spanning two installments appears twice. */
  readonly applied: readonly AppliedPayment[];
  /** Per installment number: payable − applied (≥ 0). */
  readonly outstanding: ReadonlyMap<number, Money>;
  /** Money beyond the whole schedule (overpayment). */
  readonly unapplied: Money;
}

/** One period of penalty on one installment. */
export interface PenaltyLine {
  readonly installmentNumber: number;
  readonly dueDate: IsoDate;
  /** The unpaid balance during the period. */
  readonly balance: Money;
  /** First day counted (inclusive). */
  readonly from: IsoDate;
  /** Last day counted (inclusive): a payment date, or `asOf` for a balance still unpaid. */
  readonly to: IsoDate;
  readonly days: number;
  readonly dailyRate: Ratio;
  /** balance × dailyRate × days, rounded half up to the fen once. */
  readonly penalty: Money;
  /** true: the balance is still unpaid on `to` (= asOf), so the line keeps growing. */
  readonly open: boolean;
}

export interface OverdueInstallment {
  readonly number: number;
  readonly dueDate: IsoDate;
  readonly outstanding: Money;
  readonly daysOverdue: number;
}

export interface DefaultStatus {
  readonly asOf: IsoDate;
  /** Installments with a balance after their due date, in due order. */
  readonly overdue: readonly OverdueInstallment[];
  /** Unpaid balance of the whole schedule (due or not). */
  readonly outstanding: Money;
  /** Unpaid balance of the overdue installments. */
  readonly overdueAmount: Money;
  /** The largest daysOverdue, 0 when nothing is overdue. */
  readonly maxDaysOverdue: number;
  /** true when some installment is more than `longDefaultDays` overdue: contract terminated, deposit forfeited. */
  readonly longDefault: boolean;
  /**
   * The first day of the long default of the earliest overdue installment (`dueDate + longDefaultDays + 1`),
   * reached or not yet; absent when nothing is overdue.
   */
  readonly longDefaultFrom?: IsoDate;
  /** Penalty accrued up to `asOf` (see {@link penaltyLines}). */
  readonly penaltyLines: readonly PenaltyLine[];
  readonly penaltyTotal: Money;
}

/** Days late of a payment on `paidOn` for a due date (day after the due date to the payment date, inclusive); 0 if in time. */
export function daysLate(dueDate: IsoDate, paidOn: IsoDate): number {
  const days = daysBetween(parseIsoDate(dueDate, 'dueDate'), parseIsoDate(paidOn, 'paidOn'));
  return days > 0 ? days : 0;
}

/** `unpaid × dailyRate × days`, rounded half up to the fen once. */
export function latePaymentPenalty(unpaid: Money, dailyRate: Ratio, days: number): Money {
  if (!Number.isSafeInteger(days) || days < 0) {
    throw new DomainError('INVALID_PENALTY_DAYS', `days late must be a whole number ≥ 0, got ${days}`, 'days');
  }
  if (unpaid.isNegative() || dailyRate.isNegative()) {
    throw new DomainError('INVALID_PENALTY', 'the unpaid amount and the daily rate must not be negative', 'unpaid');
  }
  return unpaid.multiply(dailyRate.toDecimal().times(new Decimal(String(days))));
}

function checkInstallments(installments: readonly InstallmentDue[]): InstallmentDue[] {
  const sorted = [...installments].sort((a, b) => a.number - b.number);
  const seen = new Set<number>();
  sorted.forEach((inst, i) => {
    if (seen.has(inst.number)) {
      throw new DomainError('INVALID_SCHEDULE', `installment number ${inst.number} appears twice`, `installments[${i}].number`);
    }
    seen.add(inst.number);
    parseIsoDate(inst.dueDate, `installments[${i}].dueDate`);
    if (!Money.isMoney(inst.payable) || inst.payable.isNegative()) {
      throw new DomainError('INVALID_SCHEDULE', `installment ${inst.number} must have a payable amount ≥ 0`, `installments[${i}].payable`);
    }
    if (i > 0 && compare(sorted[i - 1].dueDate, inst.dueDate) > 0) {
      throw new DomainError('INVALID_SCHEDULE', 'installments must fall due in number order', `installments[${i}].dueDate`);
    }
  });
  return sorted;
}

function paymentsUpTo(payments: readonly PremiumPayment[], asOf: IsoDate): PremiumPayment[] {
  payments.forEach((p, i) => {
    parseIsoDate(p.paidOn, `payments[${i}].paidOn`);
    if (!Money.isMoney(p.amount) || !p.amount.isPositive()) {
      throw new DomainError('INVALID_PAYMENT', `payment ${i + 1} must have an amount above zero`, `payments[${i}].amount`);
    }
  });
  return payments
    .map((p, index) => ({ p, index }))
    .filter(({ p }) => compare(p.paidOn, asOf) <= 0)
    .sort((a, b) => compare(a.p.paidOn, b.p.paidOn) || a.index - b.index)
    .map(({ p }) => p);
}

/**
 * Applies `payments` (those made on or before `asOf`; all of them when `asOf` is omitted) to the
 * installments, earliest unpaid installment first. See the module notes.
 */
export function applyPayments(
  installments: readonly InstallmentDue[],
  payments: readonly PremiumPayment[],
  asOf?: IsoDate,
): PaymentApplication {
  const sorted = checkInstallments(installments);
  const limit = asOf === undefined ? ('9999-12-31' as IsoDate) : parseIsoDate(asOf, 'asOf');
  const outstanding = new Map<number, Money>(sorted.map((i) => [i.number, i.payable]));
  const applied: AppliedPayment[] = [];
  let unapplied = Money.zero();
  for (const payment of paymentsUpTo(payments, limit)) {
    let left = payment.amount;
    for (const inst of sorted) {
      if (left.isZero()) break;
      const owed = outstanding.get(inst.number) ?? Money.zero();
      if (owed.isZero()) continue;
      const part = left.lt(owed) ? left : owed;
      outstanding.set(inst.number, owed.subtract(part));
      left = left.subtract(part);
      applied.push(
        Object.freeze({
          installmentNumber: inst.number,
          paidOn: payment.paidOn,
          amount: part,
          ...(payment.reference === undefined ? {} : { reference: payment.reference }),
        }),
      );
    }
    unapplied = unapplied.add(left);
  }
  return Object.freeze({ applied: Object.freeze(applied), outstanding, unapplied });
}

/**
 * The penalty periods of every installment as of `asOf` (inclusive), given the payments received;
 * see the module notes for the day counting and the rounding.
 */
export function penaltyLines(
  installments: readonly InstallmentDue[],
  payments: readonly PremiumPayment[],
  asOf: IsoDate,
  dailyRate: Ratio,
): PenaltyLine[] {
  const today = parseIsoDate(asOf, 'asOf');
  const { applied } = applyPayments(installments, payments, today);
  const lines: PenaltyLine[] = [];
  const line = (inst: InstallmentDue, balance: Money, after: IsoDate, to: IsoDate, open: boolean): void => {
    const days = daysBetween(after, to);
    if (days <= 0 || balance.isZero()) return;
    lines.push(
      Object.freeze({
        installmentNumber: inst.number,
        dueDate: inst.dueDate,
        balance,
        from: addDays(after, 1),
        to,
        days,
        dailyRate,
        penalty: latePaymentPenalty(balance, dailyRate, days),
        open,
      }),
    );
  };
  for (const inst of checkInstallments(installments)) {
    let balance = inst.payable;
    // the last day already accounted for: the due date (in time), then each late payment's date
    let cursor = inst.dueDate;
    for (const part of applied.filter((a) => a.installmentNumber === inst.number)) {
      if (compare(part.paidOn, inst.dueDate) > 0) {
        line(inst, balance, cursor, part.paidOn, false);
        if (compare(part.paidOn, cursor) > 0) cursor = part.paidOn;
      }
      balance = balance.subtract(part.amount);
    }
    if (balance.isPositive() && compare(today, cursor) > 0) line(inst, balance, cursor, today, true);
  }
  return lines;
}

/** Σ penalty of the lines (each already rounded once). */
export function totalPenalty(lines: readonly PenaltyLine[]): Money {
  return Money.sum(lines.map((l) => l.penalty));
}

/**
 * Which installments are overdue on `today`, by how many days, whether the long default is reached
 * (contract termination and forfeiture of the deposit), and the penalty accrued so far.
 */
export function defaultStatus(
  installments: readonly InstallmentDue[],
  payments: readonly PremiumPayment[],
  today: IsoDate,
  settings: SettlementSettings,
): DefaultStatus {
  const asOf = parseIsoDate(today, 'today');
  const sorted = checkInstallments(installments);
  const { outstanding } = applyPayments(sorted, payments, asOf);
  const overdue: OverdueInstallment[] = [];
  for (const inst of sorted) {
    const left = outstanding.get(inst.number) ?? Money.zero();
    if (left.isPositive() && compare(asOf, inst.dueDate) > 0) {
      overdue.push(
        Object.freeze({ number: inst.number, dueDate: inst.dueDate, outstanding: left, daysOverdue: daysBetween(inst.dueDate, asOf) }),
      );
    }
  }
  const maxDaysOverdue = overdue.reduce((m, o) => Math.max(m, o.daysOverdue), 0);
  const lines = penaltyLines(sorted, payments, asOf, dailyPenaltyRateOf(settings));
  return Object.freeze({
    asOf,
    overdue: Object.freeze(overdue),
    outstanding: Money.sum(outstanding.values()),
    overdueAmount: Money.sum(overdue.map((o) => o.outstanding)),
    maxDaysOverdue,
    longDefault: maxDaysOverdue > settings.longDefaultDays,
    ...(overdue.length > 0 ? { longDefaultFrom: addDays(overdue[0].dueDate, settings.longDefaultDays + 1) } : {}),
    penaltyLines: Object.freeze(lines),
    penaltyTotal: totalPenalty(lines),
  });
}
