import fc from 'fast-check';
import { parseIsoDate } from '@app/calendar/domain/calendar-day';
import { DomainError } from '@app/common/domain-error';
import { Money } from '@app/money/money';
import {
  asOf,
  assertTrialBalanceNetsToZero,
  balanceOf,
  ledgerLines,
  openItems,
  trialBalance,
  trialBalanceNetsToZero,
  unremittedRevenue,
  type LedgerLine,
  type TrialBalance,
} from './balances';
import { ACCOUNT, ACCOUNT_CODES, accountRef, CHART_OF_ACCOUNTS, REVENUE_ACCOUNT_CODES, type AccountRef } from './chart-of-accounts';
import {
  contractSigned,
  credit,
  debit,
  depositConverted,
  depositForfeited,
  depositReceived,
  depositRefundDue,
  makeEntry,
  paymentReceived,
  penaltyAccrued,
  penaltyPaid,
  refundPaid,
  remittanceToTreasury,
  reversalOf,
  type JournalEntry,
} from './journal';

const m = (s: string): Money => Money.parse(s);
const day = (d: string, time = '10:00:00'): Date => new Date(`${d}T${time}+08:00`);

/** The balances of a trial balance as `{ "2241|APP-1": "500000.00" }`, zero rows left out. */
function balances(tb: TrialBalance): Record<string, string> {
  const out: Record<string, string> = {};
  for (const r of tb.rows) if (!r.balance.isZero()) out[`${r.account.code}|${r.account.subject ?? ''}`] = r.balance.toString();
  return out;
}

/**
 * One sale end to end: three bidders pay 2,500,000.00 deposits; the lot sells for 12,500,000.00 to
 * APP-A; APP-B is refunded; APP-C's deposit is forfeited (it broke the rules); the winner signs, the
 * deposit is converted, two installments and a penalty are paid, and everything is remitted.
 */
function saleScenario(): JournalEntry[] {
  const deposit = m('2500000.00');
  return [
    depositReceived({ at: day('2025-10-10'), sourceId: 'TXN-A', applicationId: 'APP-A', amount: deposit }),
    depositReceived({ at: day('2025-10-10', '11:00:00'), sourceId: 'TXN-B', applicationId: 'APP-B', amount: deposit }),
    depositReceived({ at: day('2025-10-11'), sourceId: 'TXN-C', applicationId: 'APP-C', amount: deposit }),
    depositRefundDue({ at: day('2025-10-20'), sourceId: 'REF-B', applicationId: 'APP-B', amount: deposit }),
    refundPaid({ at: day('2025-10-22'), sourceId: 'TXN-REF-B', payee: 'APP-B', amount: deposit }),
    depositForfeited({ at: day('2025-10-20'), sourceId: 'FORF-C', applicationId: 'APP-C', amount: deposit }),
    contractSigned({ at: day('2025-10-28'), sourceId: 'HT-1', contractId: 'HT-1', price: m('12500000.00') }),
    depositConverted({ at: day('2025-10-28'), sourceId: 'CONV-A', applicationId: 'APP-A', contractId: 'HT-1', amount: deposit }),
    paymentReceived({ at: day('2025-11-25'), sourceId: 'TXN-P1', contractId: 'HT-1', amount: m('3750000.00') }),
    penaltyAccrued({ at: day('2026-11-05'), sourceId: 'PEN-1', contractId: 'HT-1', amount: m('6250.00') }),
    paymentReceived({ at: day('2026-11-06'), sourceId: 'TXN-P2', contractId: 'HT-1', amount: m('6250000.00') }),
    penaltyPaid({ at: day('2026-11-06'), sourceId: 'TXN-PEN', contractId: 'HT-1', amount: m('6250.00') }),
    remittanceToTreasury({
      at: day('2026-11-30'),
      sourceId: 'TXN-REMIT',
      landPremium: m('12500000.00'),
      penalties: m('6250.00'),
      forfeitures: m('2500000.00'),
    }),
  ];
}

describe('trialBalance', () => {
  it('totals debits and credits per account and subject, with the balance on the normal side', () => {
    const tb = trialBalance(
      ledgerLines([
        depositReceived({ at: day('2025-10-10'), sourceId: 'T1', applicationId: 'APP-1', amount: m('500000.00') }),
        depositReceived({ at: day('2025-10-10'), sourceId: 'T2', applicationId: 'APP-2', amount: m('300000.00') }),
        depositReceived({ at: day('2025-10-11'), sourceId: 'T3', applicationId: 'APP-1', amount: m('0.50') }),
      ]),
    );
    expect(tb.rows.map((r) => [r.account.code, r.account.subject, r.debitTotal.toString(), r.creditTotal.toString(), r.balance.toString(), r.normalSide])).toEqual([
      ['1002', undefined, '800000.50', '0.00', '800000.50', 'debit'],
      ['2241', 'APP-1', '0.00', '500000.50', '500000.50', 'credit'],
      ['2241', 'APP-2', '0.00', '300000.00', '300000.00', 'credit'],
    ]);
    expect(tb.totalDebits.toString()).toBe('800000.50');
    expect(tb.totalCredits.toString()).toBe('800000.50');
    expect(tb.rows[1].definition.nameZh).toBe('竞买保证金');
  });

  it('sums subjects together when asked for one row per account', () => {
    const lines = ledgerLines(saleScenario().slice(0, 3));
    const tb = trialBalance(lines, { bySubject: false });
    expect(balances(tb)).toEqual({ '1002|': '7500000.00', '2241|': '7500000.00' });
  });

  it('a balance on the abnormal side is negative (an overpaid receivable)', () => {
    const lines = ledgerLines([
      contractSigned({ at: day('2025-10-28'), sourceId: 'HT-1', contractId: 'HT-1', price: m('100.00') }),
      paymentReceived({ at: day('2025-10-29'), sourceId: 'P', contractId: 'HT-1', amount: m('100.01') }),
    ]);
    expect(balanceOf(lines, accountRef(ACCOUNT.PREMIUM_RECEIVABLE, 'HT-1')).toString()).toBe('-0.01');
  });

  it('the trial balance of valid entries nets to zero', () => {
    const tb = trialBalance(ledgerLines(saleScenario()));
    expect(trialBalanceNetsToZero(tb)).toBe(true);
    expect(() => assertTrialBalanceNetsToZero(tb)).not.toThrow();
  });

  it('lines that do not net to zero are reported as LEDGER_OUT_OF_BALANCE', () => {
    const lines = [debit(accountRef(ACCOUNT.BANK), m('10.00')), credit(accountRef(ACCOUNT.DEPOSITS_HELD, 'A'), m('9.99'))];
    const tb = trialBalance(lines);
    expect(trialBalanceNetsToZero(tb)).toBe(false);
    try {
      assertTrialBalanceNetsToZero(tb);
      throw new Error('expected a DomainError');
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError);
      expect((e as DomainError).code).toBe('LEDGER_OUT_OF_BALANCE');
      expect((e as DomainError).details).toEqual({ totalDebits: '10.00', totalCredits: '9.99' });
    }
  });

  it('an empty ledger has no rows and nets to zero', () => {
    const tb = trialBalance([]);
    expect(tb.rows).toEqual([]);
    expect(trialBalanceNetsToZero(tb)).toBe(true);
  });
});

describe('a whole sale in the ledger', () => {
  const entries = saleScenario();
  const lines = ledgerLines(entries);

  it('leaves every deposit refunded, converted or forfeited, the receivables paid and the revenue remitted', () => {
    const tb = trialBalance(lines);
    expect(balances(tb)).toEqual({
      '4101|': '12500000.00',
      '4102|': '6250.00',
      '4103|': '2500000.00',
      '4901|4101': '12500000.00',
      '4901|4102': '6250.00',
      '4901|4103': '2500000.00',
    });
    expect(openItems(tb, ACCOUNT.DEPOSITS_HELD)).toEqual([]);
    expect(unremittedRevenue(lines).map((u) => [u.code, u.revenue.toString(), u.remitted.toString(), u.unremitted.toString()])).toEqual([
      ['4101', '12500000.00', '12500000.00', '0.00'],
      ['4102', '6250.00', '6250.00', '0.00'],
      ['4103', '2500000.00', '2500000.00', '0.00'],
    ]);
  });

  it('asOf shows the ledger at the end of a day: after the first installment, part of the price is still receivable', () => {
    const tb = trialBalance(asOf(lines, parseIsoDate('2025-11-25')));
    expect(balances(tb)).toEqual({
      '1002|': '8750000.00',
      '1221|HT-1': '6250000.00',
      '4101|': '12500000.00',
      '4103|': '2500000.00',
    });
    expect(openItems(trialBalance(asOf(lines, parseIsoDate('2025-10-11'))), ACCOUNT.DEPOSITS_HELD).map((r) => r.account.subject)).toEqual([
      'APP-A',
      'APP-B',
      'APP-C',
    ]);
  });

  it('asOf includes the whole given day and nothing after it', () => {
    expect(asOf(lines, parseIsoDate('2025-10-09'))).toEqual([]);
    expect(asOf(lines, parseIsoDate('2025-10-10'))).toHaveLength(4);
    expect(asOf(lines, parseIsoDate('2099-01-01'))).toHaveLength(lines.length);
  });

  it('unremitted revenue shows what the treasury is still owed before the remittance', () => {
    const before = ledgerLines(entries.slice(0, -1));
    expect(unremittedRevenue(before).map((u) => u.unremitted.toString())).toEqual(['12500000.00', '6250.00', '2500000.00']);
  });

  it('ledgerLines carries the date and source of each entry', () => {
    expect(lines[0]).toMatchObject({ date: '2025-10-10', source: { type: 'deposit_received', id: 'TXN-A' } });
  });
});

describe('balanceOf', () => {
  const lines = ledgerLines(saleScenario().slice(0, 3));

  it('gives one subject, or the whole account without a subject', () => {
    expect(balanceOf(lines, accountRef(ACCOUNT.DEPOSITS_HELD, 'APP-B')).toString()).toBe('2500000.00');
    expect(balanceOf(lines, accountRef(ACCOUNT.DEPOSITS_HELD)).toString()).toBe('7500000.00');
    expect(balanceOf(lines, accountRef(ACCOUNT.PREMIUM_REVENUE)).toString()).toBe('0.00');
  });
});

// ---- properties -------------------------------------------------------------------------------

const SUBJECTS: Record<string, ReadonlyArray<string | undefined>> = {
  none: [undefined],
  optional: [undefined, 'BANK-2'],
  required: ['S-1', 'S-2'],
};

const accountArb: fc.Arbitrary<AccountRef> = fc.constantFrom(...ACCOUNT_CODES).chain((code) => {
  const def = CHART_OF_ACCOUNTS[code];
  const subjects = code === ACCOUNT.TREASURY_REMITTED ? REVENUE_ACCOUNT_CODES : SUBJECTS[def.subject];
  return fc.constantFrom(...subjects).map((subject) => accountRef(code, subject));
});
const fenArb = fc.bigInt({ min: 1n, max: 99_999_999_999n });

/** A random balanced entry: debit amounts, and the same total split over random credit lines. */
const entryArb: fc.Arbitrary<JournalEntry> = fc
  .record({
    debits: fc.array(fc.tuple(accountArb, fenArb), { minLength: 1, maxLength: 4 }),
    creditAccounts: fc.array(accountArb, { minLength: 1, maxLength: 4 }),
    weights: fc.array(fc.integer({ min: 1, max: 100 }), { minLength: 4, maxLength: 4 }),
    id: fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 12 }).filter((s) => s.trim() === s && s !== ''),
    day: fc.integer({ min: 1, max: 28 }),
  })
  .map(({ debits: ds, creditAccounts, weights, id, day: d }) => {
    const total = Money.fromFen(ds.reduce((a, [, fen]) => a + fen, 0n));
    const parts = total.allocate(creditAccounts.map((_, i) => m(String(weights[i]))));
    const lines = [
      ...ds.map(([account, fen]) => debit(account, Money.fromFen(fen))),
      ...creditAccounts.flatMap((account, i) => (parts[i].isZero() ? [] : [credit(account, parts[i])])),
    ];
    return makeEntry({
      at: new Date(`2025-10-${String(d).padStart(2, '0')}T10:00:00+08:00`),
      description: '随机分录',
      source: { type: 'payment_received', id },
      lines,
    });
  });

describe('properties', () => {
  it('every balanced entry keeps the trial balance at zero', () => {
    fc.assert(
      fc.property(fc.array(entryArb, { maxLength: 6 }), (entries) => {
        expect(trialBalanceNetsToZero(trialBalance(ledgerLines(entries)))).toBe(true);
      }),
    );
  });

  it('posting any balanced entry and its reversal leaves the trial balance as it was', () => {
    fc.assert(
      fc.property(fc.array(entryArb, { maxLength: 5 }), entryArb, (history, x) => {
        const original = trialBalance(ledgerLines(history));
        const reversed = reversalOf(x, 'property', new Date('2025-11-01T10:00:00+08:00'));
        const after = trialBalance(ledgerLines([...history, x, reversed]));
        expect(balances(after)).toEqual(balances(original));
        expect(trialBalanceNetsToZero(after)).toBe(true);
        const entryTotal = Money.sum(x.lines.flatMap((l) => (l.debit ? [l.debit] : [])));
        expect(after.totalDebits.toString()).toBe(original.totalDebits.add(entryTotal).add(entryTotal).toString());
      }),
    );
  });

  it('the split of an entry total over credit lines always adds up exactly (allocation sums)', () => {
    fc.assert(
      fc.property(entryArb, (e) => {
        const debits = Money.sum(e.lines.flatMap((l) => (l.debit ? [l.debit] : [])));
        const credits = Money.sum(e.lines.flatMap((l) => (l.credit ? [l.credit] : [])));
        expect(credits.toString()).toBe(debits.toString());
      }),
    );
  });

  it('asOf never changes that the trial balance nets to zero (entries are whole)', () => {
    fc.assert(
      fc.property(fc.array(entryArb, { maxLength: 6 }), fc.integer({ min: 1, max: 28 }), (entries, d) => {
        const cut = parseIsoDate(`2025-10-${String(d).padStart(2, '0')}`);
        const lines: LedgerLine[] = asOf(ledgerLines(entries), cut);
        expect(lines.every((l) => l.date <= cut)).toBe(true);
        expect(trialBalanceNetsToZero(trialBalance(lines))).toBe(true);
      }),
    );
  });
});
