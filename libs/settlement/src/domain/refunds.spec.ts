import fc from 'fast-check';
import { DomainError } from '@app/common/domain-error';
import { officialDayOverrides } from '@app/calendar/domain/official-holidays';
import { Money } from '@app/money/money';
import {
  DEPOSIT_PAYMENT_STATUSES,
  disposeDeposits,
  type ClosedLotApplication,
  type ClosedLotDepositPayment,
  type DepositDispositionInput,
  type DepositPaymentStatus,
} from './refunds';
import { SETTLEMENT_DEFAULTS } from './settlement-settings';

const m = (s: string): Money => Money.parse(s);
const CLOSED_AT = new Date('2026-03-10T07:00:00Z'); // Tuesday 15:00 in Shanghai
const REQUIRED = m('20000000.00');

let txn = 0;
function payment(amount: string, status: DepositPaymentStatus = 'counted', arrivedAt = '2026-03-05T02:00:00Z', payerName = '付款人'): ClosedLotDepositPayment {
  txn += 1;
  return { txnId: `T${String(txn).padStart(4, '0')}`, amount: m(amount), arrivedAt: new Date(arrivedAt), payerName, status };
}

function application(applicationId: string, payments: ClosedLotDepositPayment[], required = REQUIRED): ClosedLotApplication {
  return { applicationId, requiredDeposit: required, payments };
}

function dispose(applications: ClosedLotApplication[], winnerApplicationId: string | null = 'A') {
  const input: DepositDispositionInput = {
    closedAt: CLOSED_AT,
    winnerApplicationId,
    applications,
    calendar: officialDayOverrides(),
    settings: SETTLEMENT_DEFAULTS,
  };
  return disposeDeposits(input);
}

const brief = (r: ReturnType<typeof dispose>) =>
  r.dispositions.map((x) => (x.kind === 'earnest' ? [x.applicationId, 'earnest', x.amount.toString()] : [x.applicationId, x.reason, x.amount.toString()]));

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e.code;
    throw e;
  }
  throw new Error('expected a DomainError');
}

describe('the disposition of the deposits of a closed lot', () => {
  it("the winner's counted deposit is converted to earnest money", () => {
    const r = dispose([application('A', [payment('20000000.00')])]);
    expect(brief(r)).toEqual([['A', 'earnest', '20000000.00']]);
    expect(r.earnestMoney.toString()).toBe('20000000.00');
    expect(r.refunds).toEqual([]);
  });

  it("the winner's deposit paid in several transfers is converted transfer by transfer", () => {
    const r = dispose([application('A', [payment('5000000.00', 'counted', '2026-03-04T02:00:00Z'), payment('15000000.00')])]);
    expect(brief(r)).toEqual([
      ['A', 'earnest', '5000000.00'],
      ['A', 'earnest', '15000000.00'],
    ]);
  });

  it("a transfer that crosses the required deposit is split: the excess over it is refunded", () => {
    const r = dispose([
      application('A', [
        payment('15000000.00', 'counted', '2026-03-04T02:00:00Z'),
        payment('10000000.00', 'counted', '2026-03-05T02:00:00Z'),
        payment('1.00', 'counted', '2026-03-06T02:00:00Z'),
      ]),
    ]);
    expect(brief(r)).toEqual([
      ['A', 'earnest', '15000000.00'],
      ['A', 'earnest', '5000000.00'],
      ['A', 'excess', '5000000.00'],
      ['A', 'excess', '1.00'],
    ]);
    expect(r.earnestMoney.toString()).toBe('20000000.00');
    expect(r.totalRefunded.toString()).toBe('5000001.00');
  });

  it("the winner's late money and money from another payer are refunded, not converted", () => {
    const late = payment('1000.00', 'late', '2026-03-09T09:00:00Z', '寿光市弥河置业有限公司');
    const other = payment('2000.00', 'payer_mismatch', '2026-03-05T02:00:00Z', '某某投资咨询有限公司');
    const r = dispose([application('A', [payment('20000000.00', 'counted', '2026-03-04T02:00:00Z'), late, other])]);
    expect(brief(r)).toEqual([
      ['A', 'earnest', '20000000.00'],
      ['A', 'payer_mismatch', '2000.00'],
      ['A', 'late', '1000.00'],
    ]);
    const refundOther = r.refunds.find((x) => x.txnId === other.txnId);
    expect(refundOther?.payeeName).toBe('某某投资咨询有限公司'); // back to the account it came from
  });

  it("everyone else's money is refunded within 5 working days after the close", () => {
    const r = dispose([
      application('A', [payment('20000000.00')]),
      application('B', [payment('20000000.00'), payment('300.00', 'late', '2026-03-09T03:00:00Z')]),
      application('C', [payment('19999999.99')]),
    ]);
    expect(brief(r)).toEqual([
      ['A', 'earnest', '20000000.00'],
      ['B', 'not_winner', '20000000.00'],
      ['B', 'late', '300.00'],
      ['C', 'not_winner', '19999999.99'],
    ]);
    expect(new Set(r.refunds.map((x) => x.due.date))).toEqual(new Set(['2026-03-17']));
    expect(r.refunds[0].due.endsAt.toISOString()).toBe('2026-03-17T15:59:59.999Z');
  });

  it('late money that arrives after the close is refunded within 5 working days of its arrival', () => {
    const r = dispose([
      application('A', [payment('20000000.00')]),
      application('B', [payment('500.00', 'late', '2026-03-13T03:00:00Z')]), // Friday 13 March
    ]);
    expect(r.refunds.map((x) => [x.reason, x.due.date])).toEqual([['late', '2026-03-20']]);
  });

  it('when the lot did not sell, every payment is refunded', () => {
    const r = dispose([application('A', [payment('20000000.00')]), application('B', [payment('20000000.00')])], null);
    expect(brief(r)).toEqual([
      ['A', 'not_winner', '20000000.00'],
      ['B', 'not_winner', '20000000.00'],
    ]);
    expect(r.earnestMoney.toString()).toBe('0.00');
  });

  it('the refund due date skips holidays (close before the 2026 Spring Festival)', () => {
    const r = disposeDeposits({
      closedAt: new Date('2026-02-13T07:00:00Z'),
      winnerApplicationId: null,
      applications: [application('B', [payment('1.00', 'counted', '2026-02-10T02:00:00Z')])],
      calendar: officialDayOverrides(),
      settings: SETTLEMENT_DEFAULTS,
    });
    expect(r.refunds[0].due.date).toBe('2026-02-27');
  });

  it('a winner whose counted deposit is short is refused', () => {
    expect(codeOf(() => dispose([application('A', [payment('19999999.99'), payment('1.00', 'late')])]))).toBe(
      'WINNER_DEPOSIT_INCOMPLETE',
    );
  });

  it('an unknown winner, a transaction listed twice and an application listed twice are refused', () => {
    expect(codeOf(() => dispose([application('B', [payment('1.00')])], 'X'))).toBe('UNKNOWN_WINNER');
    const p = payment('1.00');
    expect(codeOf(() => dispose([application('A', [payment('20000000.00')]), application('B', [p, p])]))).toBe('DUPLICATE_PAYMENT');
    expect(codeOf(() => dispose([application('A', [payment('20000000.00')]), application('A', [])]))).toBe('DUPLICATE_APPLICATION');
  });

  it('every cent of every payment ends in exactly one disposition', () => {
    const paymentArb = fc.record({
      fen: fc.bigInt({ min: 1n, max: 3_000_000_000n }),
      status: fc.constantFrom(...DEPOSIT_PAYMENT_STATUSES),
      hours: fc.integer({ min: -240, max: 240 }),
    });
    const lotArb = fc
      .record({
        requiredFen: fc.bigInt({ min: 0n, max: 2_000_000_000n }),
        apps: fc.array(fc.array(paymentArb, { maxLength: 6 }), { minLength: 1, maxLength: 6 }),
        winner: fc.option(fc.nat(), { nil: null }),
      })
      .map(({ requiredFen, apps, winner }) => {
        let n = 0;
        const applications = apps.map((payments, a) => ({
          applicationId: `APP-${a}`,
          requiredDeposit: Money.fromFen(requiredFen),
          payments: payments.map((p) => ({
            txnId: `TX-${n++}`,
            amount: Money.fromFen(p.fen),
            arrivedAt: new Date(CLOSED_AT.getTime() + p.hours * 3_600_000),
            payerName: `payer ${a}`,
            status: p.status,
          })),
        }));
        // the winner (if any) has at least the required deposit counted: add the difference
        const winnerIndex = winner === null ? null : winner % applications.length;
        if (winnerIndex !== null) {
          const w = applications[winnerIndex];
          const counted = Money.sum(w.payments.filter((p) => p.status === 'counted').map((p) => p.amount));
          if (counted.lt(w.requiredDeposit)) {
            w.payments.push({
              txnId: `TX-${n++}`,
              amount: w.requiredDeposit.subtract(counted),
              arrivedAt: new Date(CLOSED_AT.getTime() - 86_400_000),
              payerName: 'winner',
              status: 'counted',
            });
          }
          w.payments = w.payments.filter((p) => p.amount.isPositive());
        }
        return { applications, winnerApplicationId: winnerIndex === null ? null : `APP-${winnerIndex}` };
      });

    fc.assert(
      fc.property(lotArb, ({ applications, winnerApplicationId }) => {
        const r = dispose(applications, winnerApplicationId);
        const all = applications.flatMap((a) => a.payments.map((p) => ({ app: a.applicationId, p })));
        // every payment: its parts are positive and add up to it exactly; no disposition without a payment
        for (const { app, p } of all) {
          const parts = r.dispositions.filter((x) => x.txnId === p.txnId);
          expect(parts.length).toBeGreaterThan(0);
          for (const part of parts) {
            expect(part.amount.isPositive()).toBe(true);
            expect(part.applicationId).toBe(app);
          }
          expect(Money.sum(parts.map((x) => x.amount)).eq(p.amount)).toBe(true);
        }
        expect(new Set(r.dispositions.map((x) => x.txnId))).toEqual(new Set(all.map((x) => x.p.txnId)));
        // totals: received = converted + refunded; only the winner converts, exactly its required deposit
        expect(r.totalReceived.eq(r.earnestMoney.add(r.totalRefunded))).toBe(true);
        expect(r.totalReceived.eq(Money.sum(all.map((x) => x.p.amount)))).toBe(true);
        const winner = applications.find((a) => a.applicationId === winnerApplicationId);
        expect(r.earnestMoney.eq(winner ? winner.requiredDeposit : Money.zero())).toBe(true);
        for (const x of r.dispositions) {
          if (x.kind === 'earnest') expect(x.applicationId).toBe(winnerApplicationId);
          else expect(x.due.endsAt.getTime()).toBeGreaterThan(CLOSED_AT.getTime());
        }
      }),
      { numRuns: 300 },
    );
  });
});
