import fc from 'fast-check';
import { DomainError } from '@app/common/domain-error';
import { addDays, parseIsoDate, type IsoDate } from '@app/calendar/domain/calendar-day';
import { officialDayOverrides } from '@app/calendar/domain/official-holidays';
import { Money } from '@app/money/money';
import { Ratio } from '@app/money/ratio';
import { addMonthsClamped, buildPaymentSchedule, installmentAmounts, splitByShares, type PaymentScheduleInput } from './payment-schedule';
import { paymentPlanOf, SETTLEMENT_DEFAULTS, type PaymentPlan } from './settlement-settings';

const d = (s: string): IsoDate => parseIsoDate(s);
const m = (s: string): Money => Money.parse(s);
const DEFAULT_PLAN = paymentPlanOf(SETTLEMENT_DEFAULTS);

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e.code;
    throw e;
  }
  throw new Error('expected a DomainError');
}

const schedule = (over: Partial<PaymentScheduleInput> = {}) =>
  buildPaymentSchedule({
    price: m('125000000.00'),
    contractDate: d('2026-03-20'),
    plan: DEFAULT_PLAN,
    earnestMoney: m('20000000.00'),
    ...over,
  });

const rows = (s: ReturnType<typeof schedule>) =>
  s.installments.map((i) => [i.number, i.dueDate, i.amount.toString(), i.creditedEarnest.toString(), i.payable.toString()]);

describe('addMonthsClamped', () => {
  it.each([
    ['2026-01-31', 1, '2026-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2026-03-31', 1, '2026-04-30'],
    ['2026-01-15', 1, '2026-02-15'],
    ['2026-01-31', 12, '2027-01-31'],
    ['2024-02-29', 12, '2025-02-28'],
    ['2026-12-31', 2, '2027-02-28'],
    ['2026-03-31', -1, '2026-02-28'],
    ['2026-05-10', 0, '2026-05-10'],
  ])('"within N months" of %s + %i is %s (clamped to the month end)', (from, months, expected) => {
    expect(addMonthsClamped(d(from), months)).toBe(expected);
  });
});

describe('the payment schedule of the land premium', () => {
  it('the default plan: 50% within 1 month of the contract and the balance within 1 year', () => {
    expect(rows(schedule())).toEqual([
      [1, '2026-04-20', '62500000.00', '20000000.00', '42500000.00'],
      [2, '2027-03-20', '62500000.00', '0.00', '62500000.00'],
    ]);
    expect(schedule().totalPayable.toString()).toBe('105000000.00');
  });

  it('within 1 month of a contract signed on 2026-01-31 is 2026-02-28', () => {
    expect(schedule({ contractDate: d('2026-01-31') }).installments.map((i) => i.dueDate)).toEqual(['2026-02-28', '2027-01-31']);
  });

  it('each installment but the last is rounded half up to the fen, and the last takes the remainder', () => {
    // 100.01 × 50% = 50.005 → 50.01; the balance is 50.00
    expect(rows(schedule({ price: m('100.01'), earnestMoney: m('0.00') })).map((r) => r[2])).toEqual(['50.01', '50.00']);
    const thirds: PaymentPlan = {
      kind: 'installments',
      installments: [
        { share: Ratio.parse('0.3333'), withinMonths: 1 },
        { share: Ratio.parse('0.3333'), withinMonths: 6 },
        { share: Ratio.parse('0.3334'), withinMonths: 12 },
      ],
    };
    // 1000.00 × 0.3333 = 333.30 (exact), the last gets 333.40
    expect(rows(schedule({ price: m('1000.00'), earnestMoney: m('0.00'), plan: thirds })).map((r) => r[2])).toEqual([
      '333.30',
      '333.30',
      '333.40',
    ]);
    // 0.05 × 0.3333 = 0.016665 → 0.02 twice, the last 0.01
    expect(splitByShares(m('0.05'), thirds.installments.map((i) => i.share)).map(String)).toEqual(['0.02', '0.02', '0.01']);
  });

  it('the earnest money is credited to the first installment', () => {
    const s = schedule({ earnestMoney: m('25000000.00') });
    expect(s.installments[0].creditedEarnest.toString()).toBe('25000000.00');
    expect(s.installments[0].payable.toString()).toBe('37500000.00');
    expect(s.installments[1].creditedEarnest.toString()).toBe('0.00');
  });

  it('the earnest money larger than the first installment spills into the second', () => {
    const plan: PaymentPlan = {
      kind: 'installments',
      installments: [
        { share: Ratio.parse('0.1000'), withinMonths: 1 },
        { share: Ratio.parse('0.9000'), withinMonths: 12 },
      ],
    };
    expect(rows(schedule({ price: m('100000000.00'), earnestMoney: m('20000000.00'), plan }))).toEqual([
      [1, '2026-04-20', '10000000.00', '10000000.00', '0.00'],
      [2, '2027-03-20', '90000000.00', '10000000.00', '80000000.00'],
    ]);
  });

  it('earnest money equal to the price leaves nothing to pay', () => {
    const s = schedule({ price: m('1000.00'), earnestMoney: m('1000.00') });
    expect(s.installments.map((i) => i.payable.toString())).toEqual(['0.00', '0.00']);
  });

  it('earnest money above the price is refused', () => {
    expect(codeOf(() => schedule({ price: m('1000.00'), earnestMoney: m('1000.01') }))).toBe('EARNEST_EXCEEDS_PRICE');
  });

  it('a price of zero and negative earnest money are refused', () => {
    expect(codeOf(() => schedule({ price: m('0.00'), earnestMoney: m('0.00') }))).toBe('INVALID_PRICE');
    expect(codeOf(() => schedule({ earnestMoney: Money.of('-1.00') }))).toBe('INVALID_EARNEST_MONEY');
  });

  it('the full plan is one installment of the whole price due N calendar days after the contract', () => {
    const s = schedule({ plan: paymentPlanOf(SETTLEMENT_DEFAULTS, 'full') });
    expect(rows(s)).toEqual([[1, '2026-05-19', '125000000.00', '20000000.00', '105000000.00']]);
    expect(s.installments[0].share.toString()).toBe('1.0000');
  });

  it('installment shares must add up to exactly 1 and months must increase', () => {
    const plan = (a: string, b: string, ma = 1, mb = 12): PaymentPlan => ({
      kind: 'installments',
      installments: [
        { share: Ratio.parse(a), withinMonths: ma },
        { share: Ratio.parse(b), withinMonths: mb },
      ],
    });
    expect(codeOf(() => schedule({ plan: plan('0.5000', '0.4999') }))).toBe('INVALID_PAYMENT_PLAN');
    expect(codeOf(() => schedule({ plan: plan('0.5000', '0.5000', 12, 12) }))).toBe('INVALID_PAYMENT_PLAN');
    expect(codeOf(() => schedule({ plan: plan('0', '1') }))).toBe('INVALID_PAYMENT_PLAN');
    expect(codeOf(() => schedule({ plan: { kind: 'installments', installments: [] } }))).toBe('INVALID_PAYMENT_PLAN');
  });

  it('a due date on a day off stays put by default and moves to the next working day only when asked', () => {
    // contract 2026-01-18 (Sunday): 1 month → 2026-02-18, inside the Spring Festival break
    expect(schedule({ contractDate: d('2026-01-18') }).installments[0].dueDate).toBe('2026-02-18');
    const rolled = schedule({ contractDate: d('2026-01-18'), rollToWorkingDay: true, calendar: officialDayOverrides() });
    expect(rolled.installments[0].dueDate).toBe('2026-02-24');
    expect(codeOf(() => schedule({ rollToWorkingDay: true }))).toBe('CALENDAR_REQUIRED');
  });

  it('the amounts without dates (for the confirmation) are those of the dated schedule', () => {
    const amounts = installmentAmounts(m('125000000.00'), DEFAULT_PLAN, m('20000000.00'));
    expect(amounts.map((a) => [a.within, a.amount.toString(), a.creditedEarnest.toString(), a.payable.toString()])).toEqual(
      schedule().installments.map((i, n) => [
        { months: n === 0 ? 1 : 12 },
        i.amount.toString(),
        i.creditedEarnest.toString(),
        i.payable.toString(),
      ]),
    );
  });
});

describe('payment schedule properties', () => {
  /** 1 to 5 installments, shares in basis points (each ≥ 1%) adding up to 10000, increasing months. */
  const planArb: fc.Arbitrary<PaymentPlan> = fc
    .integer({ min: 1, max: 5 })
    .chain((n) =>
      fc.tuple(
        fc.array(fc.integer({ min: 100, max: 10000 }), { minLength: n, maxLength: n }),
        fc.uniqueArray(fc.integer({ min: 0, max: 60 }), { minLength: n, maxLength: n }),
      ),
    )
    .map(([weights, months]) => {
      const total = weights.reduce((a, b) => a + b, 0);
      const bps = weights.map((w) => Math.max(1, Math.floor((w * 10000) / total)));
      bps[bps.length - 1] += 10000 - bps.reduce((a, b) => a + b, 0);
      return { bps, months: [...months].sort((a, b) => a - b) };
    })
    .filter(({ bps }) => bps.every((b) => b >= 1))
    .map(({ bps, months }) => ({
      kind: 'installments' as const,
      installments: bps.map((b, i) => ({ share: Ratio.parse(b === 10000 ? '1' : `0.${String(b).padStart(4, '0')}`), withinMonths: months[i] })),
    }));
  const fullArb: fc.Arbitrary<PaymentPlan> = fc.integer({ min: 0, max: 365 }).map((days) => ({ kind: 'full' as const, withinDays: days }));
  const priceFenArb = fc.bigInt({ min: 100_000n, max: 10n ** 17n });
  const dateArb = fc.integer({ min: 0, max: 3650 }).map((n) => addDays(d('2020-01-01'), n));

  it('installments add up to the price to the fen, for any price and plan', () => {
    fc.assert(
      fc.property(priceFenArb, fc.oneof(planArb, fullArb), dateArb, (fen, plan, contractDate) => {
        const price = Money.fromFen(fen);
        const s = buildPaymentSchedule({ price, plan, contractDate, earnestMoney: Money.zero() });
        expect(Money.sum(s.installments.map((i) => i.amount)).eq(price)).toBe(true);
        for (const i of s.installments) expect(i.amount.isNegative()).toBe(false);
      }),
    );
  });

  it('the credited earnest money adds up to the earnest money and what is payable to price − earnest', () => {
    fc.assert(
      fc.property(priceFenArb, fc.integer({ min: 0, max: 1000 }), planArb, dateArb, (fen, permille, plan, contractDate) => {
        const price = Money.fromFen(fen);
        // earnest money between 0 and the price, in whole fen
        const earnestMoney = Money.fromFen((fen * BigInt(permille)) / 1000n);
        const s = buildPaymentSchedule({ price, plan, contractDate, earnestMoney });
        expect(Money.sum(s.installments.map((i) => i.creditedEarnest)).eq(earnestMoney)).toBe(true);
        expect(Money.sum(s.installments.map((i) => i.payable)).eq(price.subtract(earnestMoney))).toBe(true);
        // credited in order: an installment gets earnest money only when every earlier one is covered
        s.installments.forEach((inst, k) => {
          expect(inst.creditedEarnest.lte(inst.amount)).toBe(true);
          if (inst.creditedEarnest.isPositive() && k > 0) expect(s.installments[k - 1].payable.isZero()).toBe(true);
        });
      }),
    );
  });

  it('due dates never precede the contract and follow the plan order', () => {
    fc.assert(
      fc.property(planArb, dateArb, (plan, contractDate) => {
        const s = buildPaymentSchedule({ price: m('1000000.00'), plan, contractDate, earnestMoney: Money.zero() });
        let previous = contractDate;
        for (const i of s.installments) {
          expect(i.dueDate >= previous).toBe(true);
          previous = i.dueDate;
        }
      }),
    );
  });
});
