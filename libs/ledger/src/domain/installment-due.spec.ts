import { Money } from '@app/money/money';
import { entryTotals, installmentDue, paymentReceived, contractTerminated } from './journal';

const at = new Date('2026-07-01T04:00:00Z');
const m = (v: string) => Money.of(v);

describe('installments falling due', () => {
  it('an installment falling due moves its unpaid part from the receivable (1221) to premium due (1223)', () => {
    const e = installmentDue({ at, sourceId: 'c1:2', contractId: 'c1', installmentNumber: 2, amount: m('4950000.00') });
    expect(e.source).toEqual({ type: 'installment_due', id: 'c1:2' });
    expect(e.lines.map((l) => [l.account.code, l.account.subject, l.debit?.toString() ?? null, l.credit?.toString() ?? null])).toEqual([
      ['1223', 'c1', '4950000.00', null],
      ['1221', 'c1', null, '4950000.00'],
    ]);
  });

  it('a payment settles what is due first and the rest of the receivable after, and balances', () => {
    const e = paymentReceived({ at, sourceId: 'TX1', contractId: 'c1', amount: m('5000000.00'), due: m('4950000.00') });
    expect(e.lines.map((l) => [l.account.code, l.debit?.toString() ?? null, l.credit?.toString() ?? null])).toEqual([
      ['1002', '5000000.00', null],
      ['1223', null, '4950000.00'],
      ['1221', null, '50000.00'],
    ]);
    const totals = entryTotals(e.lines);
    expect(totals.debits.eq(totals.credits)).toBe(true);
  });

  it('a payment before any due date credits the receivable only', () => {
    const e = paymentReceived({ at, sourceId: 'TX2', contractId: 'c1', amount: m('2990000.00') });
    expect(e.lines.map((l) => l.account.code)).toEqual(['1002', '1221']);
  });

  it('a termination reverses both the receivable and what had fallen due', () => {
    const e = contractTerminated({ at, sourceId: 'c1', contractId: 'c1', outstanding: m('100.00'), outstandingDue: m('200.00'), earnestForfeited: m('50.00') });
    expect(e.lines.map((l) => [l.account.code, l.debit?.toString() ?? null, l.credit?.toString() ?? null])).toEqual([
      ['4101', '350.00', null],
      ['1221', null, '100.00'],
      ['1223', null, '200.00'],
      ['4103', null, '50.00'],
    ]);
  });
});
