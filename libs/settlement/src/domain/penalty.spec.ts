import fc from 'fast-check';
import { DomainError } from '@app/common/domain-error';
import { addDays, compare, parseIsoDate, type IsoDate } from '@app/calendar/domain/calendar-day';
import { Decimal } from '@app/money/decimal';
import { Money } from '@app/money/money';
import { Ratio } from '@app/money/ratio';
import {
  applyPayments,
  daysLate,
  defaultStatus,
  latePaymentPenalty,
  penaltyLines,
  totalPenalty,
  type InstallmentDue,
  type PremiumPayment,
} from './penalty';
import { resolveSettlementSettings, SETTLEMENT_DEFAULTS } from './settlement-settings';

const d = (s: string): IsoDate => parseIsoDate(s);
const m = (s: string): Money => Money.parse(s);
const RATE = Ratio.parse('0.000500', 'rate', { scale: 6 });
const pay = (paidOn: string, amount: string, reference?: string): PremiumPayment => ({ paidOn: d(paidOn), amount: m(amount), reference });

/** Two installments: 42,500,000.00 due 2026-04-20 and 62,500,000.00 due 2027-03-20. */
const SCHEDULE: InstallmentDue[] = [
  { number: 1, dueDate: d('2026-04-20'), payable: m('42500000.00') },
  { number: 2, dueDate: d('2027-03-20'), payable: m('62500000.00') },
];
const one = (payable: string, due = '2026-04-20'): InstallmentDue[] => [{ number: 1, dueDate: d(due), payable: m(payable) }];

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e.code;
    throw e;
  }
  throw new Error('expected a DomainError');
}

const summary = (lines: ReturnType<typeof penaltyLines>) =>
  lines.map((l) => [l.installmentNumber, l.balance.toString(), l.from, l.to, l.days, l.penalty.toString(), l.open]);

describe('days late', () => {
  it('a payment on the due date is not late', () => {
    expect(daysLate(d('2026-04-20'), d('2026-04-20'))).toBe(0);
    expect(daysLate(d('2026-04-20'), d('2026-04-01'))).toBe(0);
  });

  it('days are counted from the day after the due date to the payment date, both included', () => {
    expect(daysLate(d('2026-04-20'), d('2026-04-21'))).toBe(1);
    expect(daysLate(d('2026-04-20'), d('2026-04-30'))).toBe(10);
    // calendar days: weekends and holidays count (2026-04-30 → 2026-05-06 spans 劳动节)
    expect(daysLate(d('2026-04-30'), d('2026-05-06'))).toBe(6);
  });
});

describe('the late-payment penalty', () => {
  it('a payment on the due date accrues no penalty', () => {
    expect(penaltyLines(one('42500000.00'), [pay('2026-04-20', '42500000.00')], d('2026-12-31'), RATE)).toEqual([]);
  });

  it('penalty = unpaid × daily rate × days late', () => {
    const lines = penaltyLines(one('42500000.00'), [pay('2026-04-30', '42500000.00')], d('2026-12-31'), RATE);
    // 42,500,000.00 × 0.0005 × 10 = 212,500.00
    expect(summary(lines)).toEqual([[1, '42500000.00', '2026-04-21', '2026-04-30', 10, '212500.00', false]]);
  });

  it('the penalty is rounded half up to the fen once, never per day', () => {
    // 10.00 × 0.0005 = 0.005 a day; 7 days exactly 0.035 → 0.04 (per-day rounding would give 0.07)
    expect(latePaymentPenalty(m('10.00'), RATE, 7).toString()).toBe('0.04');
    // 333.33 × 0.0005 × 3 = 0.499995 → 0.50
    expect(latePaymentPenalty(m('333.33'), RATE, 3).toString()).toBe('0.50');
    // 333.33 × 0.0005 × 1 = 0.166665 → 0.17
    expect(latePaymentPenalty(m('333.33'), RATE, 1).toString()).toBe('0.17');
    expect(latePaymentPenalty(m('333.33'), RATE, 0).toString()).toBe('0.00');
  });

  it('partial payments: the penalty accrues on the outstanding balance per period', () => {
    const lines = penaltyLines(
      one('1000000.00'),
      [pay('2026-04-15', '200000.00'), pay('2026-04-25', '300000.00'), pay('2026-05-05', '500000.00')],
      d('2026-12-31'),
      RATE,
    );
    expect(summary(lines)).toEqual([
      // 800,000 unpaid 04-21..04-25 (5 days) = 2,000.00; the payment day counts for the balance before it
      [1, '800000.00', '2026-04-21', '2026-04-25', 5, '2000.00', false],
      // 500,000 unpaid 04-26..05-05 (10 days) = 2,500.00
      [1, '500000.00', '2026-04-26', '2026-05-05', 10, '2500.00', false],
    ]);
    expect(totalPenalty(lines).toString()).toBe('4500.00');
  });

  it('a balance still unpaid accrues up to asOf inclusive in an open line', () => {
    const lines = penaltyLines(one('1000000.00'), [pay('2026-04-25', '400000.00')], d('2026-04-30'), RATE);
    expect(summary(lines)).toEqual([
      [1, '1000000.00', '2026-04-21', '2026-04-25', 5, '2500.00', false],
      [1, '600000.00', '2026-04-26', '2026-04-30', 5, '1500.00', true],
    ]);
  });

  it('nothing is owed before the due date has passed', () => {
    expect(penaltyLines(one('1000000.00'), [], d('2026-04-20'), RATE)).toEqual([]);
    expect(summary(penaltyLines(one('1000000.00'), [], d('2026-04-21'), RATE))).toEqual([
      [1, '1000000.00', '2026-04-21', '2026-04-21', 1, '500.00', true],
    ]);
  });

  it('two payments on the same late day act as one', () => {
    const lines = penaltyLines(one('1000.00'), [pay('2026-04-22', '400.00'), pay('2026-04-22', '600.00')], d('2026-12-31'), RATE);
    expect(summary(lines)).toEqual([[1, '1000.00', '2026-04-21', '2026-04-22', 2, '1.00', false]]);
  });

  it('payments made after asOf are not taken into account', () => {
    const lines = penaltyLines(one('1000.00'), [pay('2026-05-01', '1000.00')], d('2026-04-25'), RATE);
    expect(summary(lines)).toEqual([[1, '1000.00', '2026-04-21', '2026-04-25', 5, '2.50', true]]);
  });

  it('a payment is applied to the earliest unpaid installment first and spills into the next', () => {
    const applied = applyPayments(SCHEDULE, [pay('2026-04-10', '50000000.00', 'T1'), pay('2026-05-01', '60000000.00', 'T2')]);
    expect(applied.applied.map((a) => [a.installmentNumber, a.paidOn, a.amount.toString(), a.reference])).toEqual([
      [1, '2026-04-10', '42500000.00', 'T1'],
      [2, '2026-04-10', '7500000.00', 'T1'],
      [2, '2026-05-01', '55000000.00', 'T2'],
    ]);
    // 105,000,000 owed in all, 110,000,000 paid: 5,000,000 is an overpayment
    expect(applied.unapplied.toString()).toBe('5000000.00');
    expect([...applied.outstanding.values()].map(String)).toEqual(['0.00', '0.00']);
  });

  it('a late payment settles the earlier installment before the later one', () => {
    // nothing paid by 04-20; 50,000,000 on 05-10 clears installment 1 (20 days late) and prepays 2
    const lines = penaltyLines(SCHEDULE, [pay('2026-05-10', '50000000.00')], d('2026-06-30'), RATE);
    expect(summary(lines)).toEqual([[1, '42500000.00', '2026-04-21', '2026-05-10', 20, '425000.00', false]]);
  });

  it('invalid payments and schedules are refused', () => {
    expect(codeOf(() => penaltyLines(one('1.00'), [pay('2026-04-01', '0.00')], d('2026-05-01'), RATE))).toBe('INVALID_PAYMENT');
    expect(
      codeOf(() =>
        penaltyLines(
          [
            { number: 1, dueDate: d('2026-05-01'), payable: m('1.00') },
            { number: 1, dueDate: d('2026-06-01'), payable: m('1.00') },
          ],
          [],
          d('2026-07-01'),
          RATE,
        ),
      ),
    ).toBe('INVALID_SCHEDULE');
    expect(codeOf(() => latePaymentPenalty(m('1.00'), RATE, -1))).toBe('INVALID_PENALTY_DAYS');
  });

  it('the lines charge, day by day, exactly the rate on the balance outstanding that day', () => {
    // Property: Σ(balance × days) of the lines equals Σ over each late day of the balance unpaid that day
    // (the balance before that day's payments), computed naively.
    const dueDate = d('2026-04-20');
    fc.assert(
      fc.property(
        fc.bigInt({ min: 1n, max: 10n ** 12n }),
        fc.array(fc.tuple(fc.integer({ min: -10, max: 60 }), fc.bigInt({ min: 1n, max: 10n ** 11n })), { maxLength: 8 }),
        fc.integer({ min: 0, max: 80 }),
        (payableFen, raw, asOfOffset) => {
          const payable = Money.fromFen(payableFen);
          const payments = raw.map(([offset, fen]) => ({ paidOn: addDays(dueDate, offset), amount: Money.fromFen(fen) }));
          const asOf = addDays(dueDate, asOfOffset);
          const lines = penaltyLines([{ number: 1, dueDate, payable }], payments, asOf, RATE);

          let naive = new Decimal('0');
          for (let day = addDays(dueDate, 1); compare(day, asOf) <= 0; day = addDays(day, 1)) {
            const paidBefore = Money.sum(payments.filter((p) => compare(p.paidOn, day) < 0).map((p) => p.amount));
            const balance = payable.subtract(paidBefore);
            if (balance.isPositive()) naive = naive.plus(balance.toDecimal());
          }
          const charged = lines.reduce((sum, l) => sum.plus(l.balance.toDecimal().times(String(l.days))), new Decimal('0'));
          expect(charged.eq(naive)).toBe(true);
          for (const l of lines) {
            expect(l.days).toBeGreaterThan(0);
            expect(l.penalty.eq(latePaymentPenalty(l.balance, RATE, l.days))).toBe(true);
          }
        },
      ),
    );
  });
});

describe('defaultStatus', () => {
  const settings = SETTLEMENT_DEFAULTS;

  it('nothing is overdue on the due date', () => {
    const status = defaultStatus(SCHEDULE, [], d('2026-04-20'), settings);
    expect(status.overdue).toEqual([]);
    expect(status.maxDaysOverdue).toBe(0);
    expect(status.longDefault).toBe(false);
    expect(status.longDefaultFrom).toBeUndefined();
    expect(status.outstanding.toString()).toBe('105000000.00');
  });

  it('lists the overdue installments with their balance and days overdue, and the penalty so far', () => {
    const status = defaultStatus(SCHEDULE, [pay('2026-04-25', '2500000.00')], d('2026-04-30'), settings);
    expect(status.overdue.map((o) => [o.number, o.outstanding.toString(), o.daysOverdue])).toEqual([[1, '40000000.00', 10]]);
    expect(status.overdueAmount.toString()).toBe('40000000.00');
    expect(status.outstanding.toString()).toBe('102500000.00');
    // 42,500,000 × 0.0005 × 5 = 106,250 ; 40,000,000 × 0.0005 × 5 = 100,000
    expect(status.penaltyTotal.toString()).toBe('206250.00');
    expect(status.longDefaultFrom).toBe('2026-07-20');
  });

  it('a payment made in full, even late, ends the default', () => {
    const status = defaultStatus(SCHEDULE, [pay('2026-05-20', '42500000.00')], d('2026-06-01'), settings);
    expect(status.overdue).toEqual([]);
    expect(status.penaltyTotal.toString()).toBe('637500.00'); // 42,500,000 × 0.0005 × 30
  });

  it('90 days overdue is not yet a long default; the 91st day is (contract terminated, deposit forfeited)', () => {
    const day90 = defaultStatus(SCHEDULE, [], d('2026-07-19'), settings);
    expect(day90.maxDaysOverdue).toBe(90);
    expect(day90.longDefault).toBe(false);
    const day91 = defaultStatus(SCHEDULE, [], d('2026-07-20'), settings);
    expect(day91.maxDaysOverdue).toBe(91);
    expect(day91.longDefault).toBe(true);
    expect(day91.longDefaultFrom).toBe('2026-07-20');
  });

  it('the long-default threshold is a setting', () => {
    const s = resolveSettlementSettings({ longDefaultDays: 60 });
    expect(defaultStatus(SCHEDULE, [], d('2026-06-20'), s).longDefault).toBe(true);
    expect(defaultStatus(SCHEDULE, [], d('2026-06-19'), s).longDefault).toBe(false);
  });

  it('a partial payment does not stop the installment being overdue', () => {
    const status = defaultStatus(SCHEDULE, [pay('2026-05-01', '42499999.99')], d('2026-07-20'), settings);
    expect(status.overdue.map((o) => [o.number, o.outstanding.toString(), o.daysOverdue])).toEqual([[1, '0.01', 91]]);
    expect(status.longDefault).toBe(true);
  });
});
