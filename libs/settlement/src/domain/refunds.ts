import { DomainError } from '@app/common/domain-error';
import { compare, type IsoDate } from '@app/calendar/domain/calendar-day';
import type { DayOverrides } from '@app/calendar/domain/working-days';
import { Money } from '@app/money/money';
import { endOfNthWorkingDay, shanghaiDateOf, type Deadline } from './deadlines';
import type { SettlementSettings } from './settlement-settings';

/**
 * What happens to every deposit payment of a closed lot (DOMAIN.md §7): the winner's deposit becomes
 * earnest money (定金) credited to the price; every other yuan is refunded, without interest, within
 * `refundWorkingDays` (default 5) working days after the close.
 *
 * Every payment is split into one or more {@link DepositDisposition}s whose amounts add up to the
 * payment exactly: **every fen of every payment ends in exactly one disposition**.
 *
 * Decisions:
 * - Payment statuses come from the deposit account (qualification's `computeDepositStatus`):
 *   `counted` (in time, from the applicant), `late` (arrived at or after the deposit deadline),
 *   `payer_mismatch` (in time, paid by someone who is not the applicant).
 * - **Winner**: its `counted` payments, in arrival order (then txnId), are converted until the required
 *   deposit is reached; a payment that crosses the requirement is split, the part above it refunded as
 *   `excess`, and so are later counted payments. The winner's late and mismatched money is refunded.
 *   A winner whose counted money is below the required deposit is refused (`WINNER_DEPOSIT_INCOMPLETE`).
 * - **Everyone else** (and everybody when there is no winner: unsold, terminated): all money is refunded,
 *   reason `not_winner`, `late` or `payer_mismatch` (for a winner's application also `excess`).
 * - A refund goes back to the **payer** of the payment (the account it came from), which for a
 *   mismatched payment is not the applicant.
 * - **Due date**: the end of the `refundWorkingDays`-th working day after the close date; for money that
 *   arrives after the close (late money), after its own arrival date instead (Shanghai dates).
 */

export const DEPOSIT_PAYMENT_STATUSES = ['counted', 'late', 'payer_mismatch'] as const;
export type DepositPaymentStatus = (typeof DEPOSIT_PAYMENT_STATUSES)[number];

export interface ClosedLotDepositPayment {
  /** The bank's transaction id, unique across the lot. */
  readonly txnId: string;
  /** > 0. */
  readonly amount: Money;
  /** The bank's arrival time. */
  readonly arrivedAt: Date;
  readonly payerName: string;
  readonly status: DepositPaymentStatus;
}

export interface ClosedLotApplication {
  readonly applicationId: string;
  /** The lot's required deposit for this application. */
  readonly requiredDeposit: Money;
  readonly payments: readonly ClosedLotDepositPayment[];
}

export interface DepositDispositionInput {
  readonly closedAt: Date;
  /** The application that won, or null when the lot did not sell. */
  readonly winnerApplicationId: string | null;
  readonly applications: readonly ClosedLotApplication[];
  readonly calendar: DayOverrides;
  readonly settings: Pick<SettlementSettings, 'refundWorkingDays'>;
}

export const REFUND_REASONS = ['not_winner', 'excess', 'late', 'payer_mismatch'] as const;
export type RefundReason = (typeof REFUND_REASONS)[number];

/** Part of the winner's deposit converted to earnest money. */
export interface EarnestConversion {
  readonly kind: 'earnest';
  readonly applicationId: string;
  readonly txnId: string;
  readonly amount: Money;
}

/** A refund instruction for (part of) one payment. */
export interface RefundInstruction {
  readonly kind: 'refund';
  readonly applicationId: string;
  readonly txnId: string;
  readonly amount: Money;
  readonly reason: RefundReason;
  /** Refund to this payer (the account the money came from). */
  readonly payeeName: string;
  readonly due: Deadline;
}

export type DepositDisposition = EarnestConversion | RefundInstruction;

export interface DepositSettlement {
  /** Payment by payment (applications in input order, payments by arrival), each payment's parts in order. */
  readonly dispositions: readonly DepositDisposition[];
  readonly refunds: readonly RefundInstruction[];
  /** Total converted to earnest money: the winner's required deposit, or zero without a winner. */
  readonly earnestMoney: Money;
  readonly totalRefunded: Money;
  /** Σ of every payment received; always equals earnestMoney + totalRefunded. */
  readonly totalReceived: Money;
}

function byArrival(a: ClosedLotDepositPayment, b: ClosedLotDepositPayment): number {
  const t = a.arrivedAt.getTime() - b.arrivedAt.getTime();
  return t !== 0 ? t : a.txnId < b.txnId ? -1 : a.txnId > b.txnId ? 1 : 0;
}

function checkInput(input: DepositDispositionInput): void {
  const appIds = new Set<string>();
  const txnIds = new Set<string>();
  input.applications.forEach((app, a) => {
    if (appIds.has(app.applicationId)) {
      throw new DomainError('DUPLICATE_APPLICATION', `application ${app.applicationId} is listed twice`, `applications[${a}].applicationId`);
    }
    appIds.add(app.applicationId);
    if (!Money.isMoney(app.requiredDeposit) || app.requiredDeposit.isNegative()) {
      throw new DomainError('INVALID_DEPOSIT', 'the required deposit must be an amount ≥ 0', `applications[${a}].requiredDeposit`);
    }
    app.payments.forEach((p, i) => {
      const field = `applications[${a}].payments[${i}]`;
      if (txnIds.has(p.txnId)) {
        throw new DomainError('DUPLICATE_PAYMENT', `transaction ${p.txnId} appears twice`, `${field}.txnId`, { txnId: p.txnId });
      }
      txnIds.add(p.txnId);
      if (!Money.isMoney(p.amount) || !p.amount.isPositive()) {
        throw new DomainError('INVALID_PAYMENT', `payment ${p.txnId} must have an amount above zero`, `${field}.amount`);
      }
      if (!(p.arrivedAt instanceof Date) || Number.isNaN(p.arrivedAt.getTime())) {
        throw new DomainError('INVALID_PAYMENT', `payment ${p.txnId} has no valid arrival time`, `${field}.arrivedAt`);
      }
      if (!DEPOSIT_PAYMENT_STATUSES.includes(p.status)) {
        throw new DomainError('INVALID_PAYMENT', `payment ${p.txnId} has an unknown status`, `${field}.status`);
      }
    });
  });
  if (input.winnerApplicationId !== null && !appIds.has(input.winnerApplicationId)) {
    throw new DomainError('UNKNOWN_WINNER', `the winner ${input.winnerApplicationId} is not an application of the lot`, 'winnerApplicationId');
  }
}

/** The disposition of every deposit payment of a closed lot; see the module notes. */
export function disposeDeposits(input: DepositDispositionInput): DepositSettlement {
  checkInput(input);
  const closeDate = shanghaiDateOf(input.closedAt, 'closedAt');
  const days = input.settings.refundWorkingDays;
  const dueCache = new Map<IsoDate, Deadline>();
  const dueFor = (p: ClosedLotDepositPayment): Deadline => {
    const arrival = shanghaiDateOf(p.arrivedAt, 'arrivedAt');
    const start = compare(arrival, closeDate) > 0 ? arrival : closeDate;
    let due = dueCache.get(start);
    if (!due) {
      due = endOfNthWorkingDay(start, days, input.calendar);
      dueCache.set(start, due);
    }
    return due;
  };

  const dispositions: DepositDisposition[] = [];
  const refund = (app: ClosedLotApplication, p: ClosedLotDepositPayment, amount: Money, reason: RefundReason): void => {
    dispositions.push(
      Object.freeze({ kind: 'refund', applicationId: app.applicationId, txnId: p.txnId, amount, reason, payeeName: p.payerName, due: dueFor(p) }),
    );
  };

  let earnestMoney = Money.zero();
  for (const app of input.applications) {
    const isWinner = app.applicationId === input.winnerApplicationId;
    const payments = [...app.payments].sort(byArrival);
    if (isWinner) {
      const counted = Money.sum(payments.filter((p) => p.status === 'counted').map((p) => p.amount));
      if (counted.lt(app.requiredDeposit)) {
        throw new DomainError(
          'WINNER_DEPOSIT_INCOMPLETE',
          `the winner's counted deposit ${counted.toString()} is below the required ${app.requiredDeposit.toString()}`,
          'winnerApplicationId',
        );
      }
    }
    let toConvert = isWinner ? app.requiredDeposit : Money.zero();
    for (const p of payments) {
      if (p.status === 'late' || p.status === 'payer_mismatch') {
        refund(app, p, p.amount, p.status);
        continue;
      }
      if (!isWinner) {
        refund(app, p, p.amount, 'not_winner');
        continue;
      }
      const converted = p.amount.lt(toConvert) ? p.amount : toConvert;
      if (converted.isPositive()) {
        dispositions.push(Object.freeze({ kind: 'earnest', applicationId: app.applicationId, txnId: p.txnId, amount: converted }));
        toConvert = toConvert.subtract(converted);
        earnestMoney = earnestMoney.add(converted);
      }
      const rest = p.amount.subtract(converted);
      if (rest.isPositive()) refund(app, p, rest, 'excess');
    }
  }

  const refunds = dispositions.filter((d): d is RefundInstruction => d.kind === 'refund');
  const totalRefunded = Money.sum(refunds.map((r) => r.amount));
  return Object.freeze({
    dispositions: Object.freeze(dispositions),
    refunds: Object.freeze(refunds),
    earnestMoney,
    totalRefunded,
    totalReceived: Money.sum(input.applications.flatMap((a) => a.payments.map((p) => p.amount))),
  });
}
