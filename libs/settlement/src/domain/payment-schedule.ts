import { DomainError } from '@app/common/domain-error';
import { addDays, parseIsoDate, type IsoDate } from '@app/calendar/domain/calendar-day';
import { workingDayOnOrAfter, type DayOverrides } from '@app/calendar/domain/working-days';
import { Money } from '@app/money/money';
import { Ratio } from '@app/money/ratio';
import type { PaymentPlan } from './settlement-settings';

/**
 * The payment schedule of the land premium (出让金, DOMAIN.md §7): how much of the price is due by when,
 * and how the winner's deposit, converted to earnest money (定金), is credited against it.
 *
 * Decisions:
 * - **Amounts**: each installment but the last is `price × share` rounded ROUND_HALF_UP to the fen
 *   (`Money.multiply`, the platform's one rounding); the **last installment takes the remainder**, so
 *   the installments add up to the price exactly. A `full` plan is one installment of the whole price.
 * - **Earnest money** is credited to the installments in order: the first installment absorbs as much as
 *   it can, and whatever exceeds it spills into the second, and so on. `payable = amount − creditedEarnest`.
 *   Earnest money larger than the price is refused (`EARNEST_EXCEEDS_PRICE`).
 * - **Due dates**: "within N months" of the contract date is the same day of the month N months later,
 *   **clamped to the last day of a shorter month** ({@link addMonthsClamped}): a contract of 2026-01-31
 *   has its 1-month installment due 2026-02-28, its 12-month balance 2027-01-31; a contract of
 *   2024-02-29 + 12 months is 2025-02-28. The `full` plan's "within N days" is N calendar days later.
 *   The due date itself is in time (a payment on the due date is not late).
 * - Optionally (`rollToWorkingDay` with a `calendar`) a due date on a day off moves to the next working
 *   day (民法典 第二百零三条); by default the contract's calendar date stands.
 */

/** One line of the schedule. */
export interface Installment {
  /** 1, 2, … in due order. */
  readonly number: number;
  /** Last day to pay (inclusive), a calendar date. */
  readonly dueDate: IsoDate;
  /** The plan's share of the price (1 for a `full` plan). */
  readonly share: Ratio;
  /** Part of the price due by `dueDate`, earnest money included. */
  readonly amount: Money;
  /** Part of `amount` covered by the earnest money (the converted deposit). */
  readonly creditedEarnest: Money;
  /** `amount − creditedEarnest`: what the winner still has to pay for this installment. */
  readonly payable: Money;
}

export interface PaymentSchedule {
  readonly price: Money;
  readonly earnestMoney: Money;
  readonly contractDate: IsoDate;
  readonly installments: readonly Installment[];
  /** Σ payable = price − earnest money. */
  readonly totalPayable: Money;
}

export interface PaymentScheduleInput {
  /** The transaction price (成交价), > 0. */
  readonly price: Money;
  /** The date the land contract was signed (出让合同签订日). */
  readonly contractDate: IsoDate;
  readonly plan: PaymentPlan;
  /** The winner's deposit converted to earnest money (定金), ≥ 0, credited to the price. */
  readonly earnestMoney: Money;
  /** Move due dates that fall on a day off to the next working day (needs `calendar`). Default false. */
  readonly rollToWorkingDay?: boolean;
  readonly calendar?: DayOverrides;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * `date` plus `months` calendar months, with the day of the month clamped to the end of a shorter
 * month: 2026-01-31 + 1 → 2026-02-28, 2024-01-31 + 1 → 2024-02-29, 2026-03-31 + 1 → 2026-04-30,
 * 2026-01-15 + 12 → 2027-01-15. `months` is a whole number (negative goes back).
 */
export function addMonthsClamped(date: IsoDate, months: number): IsoDate {
  const checked = parseIsoDate(date, 'date');
  if (!Number.isSafeInteger(months)) {
    throw new DomainError('INVALID_DATE', `cannot add ${months} months: the number of months must be an integer`, 'months');
  }
  const year = Number(checked.slice(0, 4));
  const month = Number(checked.slice(5, 7));
  const day = Number(checked.slice(8, 10));
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = index - targetYear * 12 + 1;
  const targetDay = Math.min(day, daysInMonth(targetYear, targetMonth));
  const text = `${String(targetYear).padStart(4, '0')}-${String(targetMonth).padStart(2, '0')}-${String(targetDay).padStart(2, '0')}`;
  return parseIsoDate(text, 'date');
}

/** When an installment falls due, relative to the contract date (as the confirmation states it). */
export type InstallmentTermOffset = { readonly months: number } | { readonly days: number };

/** An installment before the contract date is known: its term and amounts, no date. */
export interface InstallmentAmounts {
  readonly number: number;
  /** Due within this many months (installment plan) or days (full plan) of the contract date. */
  readonly within: InstallmentTermOffset;
  readonly share: Ratio;
  readonly amount: Money;
  readonly creditedEarnest: Money;
  readonly payable: Money;
}

interface Term {
  readonly share: Ratio;
  readonly within: InstallmentTermOffset;
}

function termsOf(plan: PaymentPlan): Term[] {
  if (plan.kind === 'full') {
    if (!Number.isSafeInteger(plan.withinDays) || plan.withinDays < 0) {
      throw new DomainError('INVALID_PAYMENT_PLAN', 'a full payment plan needs a whole number of days ≥ 0', 'plan.withinDays');
    }
    return [{ share: Ratio.one(), within: { days: plan.withinDays } }];
  }
  if (plan.installments.length === 0) {
    throw new DomainError('INVALID_PAYMENT_PLAN', 'an installment plan needs at least one installment', 'plan.installments');
  }
  let total = Ratio.zero();
  let previousMonths = -1;
  plan.installments.forEach((t, i) => {
    if (!Ratio.isRatio(t.share) || t.share.isNegative() || t.share.isZero()) {
      throw new DomainError('INVALID_PAYMENT_PLAN', `installment ${i + 1} needs a share above 0`, `plan.installments[${i}].share`);
    }
    if (!Number.isSafeInteger(t.withinMonths) || t.withinMonths <= previousMonths || t.withinMonths < 0) {
      throw new DomainError(
        'INVALID_PAYMENT_PLAN',
        `installment ${i + 1} must fall due a whole number of months after the one before it`,
        `plan.installments[${i}].withinMonths`,
      );
    }
    previousMonths = t.withinMonths;
    total = total.add(t.share);
  });
  if (!total.equalsOne()) {
    throw new DomainError(
      'INVALID_PAYMENT_PLAN',
      `installment shares must add up to exactly 1, they add up to ${total.toString()}`,
      'plan.installments',
    );
  }
  return plan.installments.map((t) => ({ share: t.share, within: { months: t.withinMonths } }));
}

/**
 * Splits `price` by the shares: each part but the last is `price × share` rounded half up to the fen,
 * the last is the remainder. The parts add up to `price` exactly.
 */
export function splitByShares(price: Money, shares: readonly Ratio[]): Money[] {
  const parts = shares.slice(0, -1).map((share) => price.multiply(share));
  const last = price.subtract(Money.sum(parts));
  if (last.isNegative()) {
    throw new DomainError(
      'INVALID_PAYMENT_PLAN',
      `the last installment share is too small for a price of ${price.toString()}: rounding leaves it below zero`,
      'plan.installments',
    );
  }
  return [...parts, last];
}

/**
 * Credits `earnest` to `amounts` in order (first to the first, the rest spilling into the next).
 * Returns the credited part of each amount; they add up to `earnest`.
 */
export function creditEarnest(amounts: readonly Money[], earnest: Money): Money[] {
  let left = earnest;
  return amounts.map((amount) => {
    const credited = left.lt(amount) ? left : amount;
    left = left.subtract(credited);
    return credited;
  });
}

function checkAmounts(price: Money, earnestMoney: Money): void {
  if (!Money.isMoney(price) || !price.isPositive()) {
    throw new DomainError('INVALID_PRICE', 'the price must be an amount above zero', 'price');
  }
  if (!Money.isMoney(earnestMoney) || earnestMoney.isNegative()) {
    throw new DomainError('INVALID_EARNEST_MONEY', 'the earnest money must be an amount ≥ 0', 'earnestMoney');
  }
  if (earnestMoney.gt(price)) {
    throw new DomainError(
      'EARNEST_EXCEEDS_PRICE',
      `the earnest money ${earnestMoney.toString()} exceeds the price ${price.toString()}`,
      'earnestMoney',
    );
  }
}

/**
 * The installments' terms and amounts without dates — what the confirmation states at the close, before
 * the contract is signed. The amounts are those of {@link buildPaymentSchedule} for any contract date.
 */
export function installmentAmounts(price: Money, plan: PaymentPlan, earnestMoney: Money): InstallmentAmounts[] {
  checkAmounts(price, earnestMoney);
  const terms = termsOf(plan);
  const amounts = splitByShares(
    price,
    terms.map((t) => t.share),
  );
  const credits = creditEarnest(amounts, earnestMoney);
  return terms.map((t, i) =>
    Object.freeze({
      number: i + 1,
      within: Object.freeze({ ...t.within }),
      share: t.share,
      amount: amounts[i],
      creditedEarnest: credits[i],
      payable: amounts[i].subtract(credits[i]),
    }),
  );
}

/** The due date of a term: months clamped to the month end, or calendar days. */
export function dueDateOf(contractDate: IsoDate, within: InstallmentTermOffset): IsoDate {
  return 'months' in within ? addMonthsClamped(contractDate, within.months) : addDays(contractDate, within.days);
}

/** The exact schedule of the land premium; see the module notes for rounding, crediting and dates. */
export function buildPaymentSchedule(input: PaymentScheduleInput): PaymentSchedule {
  const { price, earnestMoney } = input;
  const contractDate = parseIsoDate(input.contractDate, 'contractDate');
  if (input.rollToWorkingDay && input.calendar === undefined) {
    throw new DomainError('CALENDAR_REQUIRED', 'rolling due dates to a working day needs the working-day calendar', 'calendar');
  }
  const installments = installmentAmounts(price, input.plan, earnestMoney).map((line) => {
    const due = dueDateOf(contractDate, line.within);
    return Object.freeze({
      number: line.number,
      dueDate: input.rollToWorkingDay && input.calendar ? workingDayOnOrAfter(due, input.calendar) : due,
      share: line.share,
      amount: line.amount,
      creditedEarnest: line.creditedEarnest,
      payable: line.payable,
    });
  });
  return Object.freeze({
    price,
    earnestMoney,
    contractDate,
    installments: Object.freeze(installments),
    totalPayable: price.subtract(earnestMoney),
  });
}
