import fc from 'fast-check';
import { parseIsoDate, type IsoDate } from '@app/calendar/domain/calendar-day';
import { DomainError } from '@app/common/domain-error';
import { Money } from '@app/money/money';
import { parseValidBankStatement } from './bank-statement';
import {
  containsReference,
  editDistance,
  reconcile,
  substringSimilarity,
  type ExpectedItem,
  type ExpectedKind,
  type ReconcilableLine,
  type ReconciliationReport,
} from './reconciliation';

const m = (s: string): Money => Money.parse(s);
const d = (s: string): IsoDate => parseIsoDate(s);

function line(txnId: string, amount: string, extra: Partial<ReconcilableLine> = {}): ReconcilableLine {
  return { txnId, direction: 'credit', amount: m(amount), date: d('2025-10-14'), reference: '', ...extra };
}

function item(id: string, kind: ExpectedKind, amount: string, extra: Partial<ExpectedItem> = {}): ExpectedItem {
  return { id, kind, amount: m(amount), ...extra };
}

/** A readable digest of a report. */
function digest(r: ReconciliationReport<ReconcilableLine, ExpectedItem>) {
  return {
    matched: r.matched.map((x) => [x.line.txnId, x.item.id, x.rule]),
    partial: r.partial.map((x) => [x.line.txnId, x.item.id, x.rule, x.difference.toString()]),
    unmatched: r.unmatched.map((x) => [x.line.txnId, x.suggestions.map((s) => s.item.id)]),
    outstanding: r.outstanding.map((x) => x.id),
  };
}

describe('reconcile: exact matches', () => {
  it('a credit on the sub-account with the expected amount matches the deposit', () => {
    const r = reconcile([line('T1', '2500000.00', { subAccount: '350102839201746557' })], [item('DEP-1', 'deposit', '2500000.00', { subAccount: '350102839201746557' })]);
    expect(digest(r)).toEqual({ matched: [['T1', 'DEP-1', 'sub_account']], partial: [], unmatched: [], outstanding: [] });
    expect(r.summary).toEqual({ lines: 1, items: 1, matched: 1, partial: 0, unmatched: 0, outstanding: 0 });
  });

  it('sub-accounts are compared without spaces and hyphens', () => {
    const r = reconcile([line('T1', '1.00', { subAccount: '3501-0283 9201' })], [item('D', 'deposit', '1.00', { subAccount: '350102839201' })]);
    expect(digest(r).matched).toEqual([['T1', 'D', 'sub_account']]);
  });

  it('without a sub-account, the reference in the memo with the expected amount matches', () => {
    const r = reconcile([line('T1', '3750000.00', { reference: '转账 首期款 HT-2025-001' })], [item('INST-1', 'installment', '3750000.00', { reference: 'HT-2025-001' })]);
    expect(digest(r).matched).toEqual([['T1', 'INST-1', 'reference']]);
  });

  it('the reference is found whatever the case and full-width characters', () => {
    const r = reconcile([line('T1', '1.00', { reference: '首期款ｈｔ－２０２５－００１' })], [item('I', 'installment', '1.00', { reference: 'HT-2025-001' })]);
    expect(digest(r).matched).toEqual([['T1', 'I', 'reference']]);
  });

  it('a reference inside a longer number does not match: HT-2025-001 is not HT-2025-0011', () => {
    expect(containsReference('HT-2025-0011', 'HT-2025-001')).toBe(false);
    expect(containsReference('XHT-2025-001', 'HT-2025-001')).toBe(false);
    expect(containsReference('合同HT-2025-001首期', 'HT-2025-001')).toBe(true);
    expect(containsReference('HT-2025-0011,HT-2025-001', 'HT-2025-001')).toBe(true);
    expect(containsReference('anything', '')).toBe(false);
    const r = reconcile([line('T1', '1.00', { reference: 'HT-2025-0011' })], [item('I', 'installment', '1.00', { reference: 'HT-2025-001' })]);
    expect(digest(r).matched).toEqual([]);
  });

  it('a sub-account match wins over a reference match', () => {
    const r = reconcile(
      [line('T1', '100.00', { subAccount: 'S1', reference: 'HT-9' })],
      [item('BY-REF', 'installment', '100.00', { reference: 'HT-9' }), item('BY-SUB', 'deposit', '100.00', { subAccount: 'S1' })],
    );
    expect(digest(r)).toMatchObject({ matched: [['T1', 'BY-SUB', 'sub_account']], outstanding: ['BY-REF'] });
  });

  it('an exact reference match wins over a sub-account match with another amount', () => {
    const r = reconcile(
      [line('T1', '100.00', { subAccount: 'S1', reference: 'HT-9' })],
      [item('BY-SUB', 'deposit', '90.00', { subAccount: 'S1' }), item('BY-REF', 'installment', '100.00', { reference: 'HT-9' })],
    );
    expect(digest(r)).toMatchObject({ matched: [['T1', 'BY-REF', 'reference']], partial: [], outstanding: ['BY-SUB'] });
  });

  it('credits match only receipts and debits only payouts', () => {
    const r = reconcile(
      [line('IN', '500.00', { reference: 'R-1' }), line('OUT', '500.00', { reference: 'R-1', direction: 'debit' })],
      [item('REFUND', 'refund', '500.00', { reference: 'R-1' }), item('PENALTY', 'penalty', '500.00', { reference: 'R-1' })],
    );
    expect(digest(r).matched).toEqual([
      ['IN', 'PENALTY', 'reference'],
      ['OUT', 'REFUND', 'reference'],
    ]);
  });

  it('a remittance to the treasury matches a debit', () => {
    const r = reconcile([line('OUT', '10002500.00', { direction: 'debit', reference: '缴库 JK-2025-11' })], [item('JK', 'remittance', '10002500.00', { reference: 'JK-2025-11' })]);
    expect(digest(r).matched).toEqual([['OUT', 'JK', 'reference']]);
  });
});

describe('reconcile: partial matches', () => {
  it('a line on the right sub-account with another amount is partial, with the difference', () => {
    const r = reconcile([line('T1', '2000000.00', { subAccount: 'S1' })], [item('DEP-1', 'deposit', '2500000.00', { subAccount: 'S1' })]);
    expect(digest(r)).toEqual({ matched: [], partial: [['T1', 'DEP-1', 'sub_account', '-500000.00']], unmatched: [], outstanding: [] });
  });

  it('a line quoting the reference with another amount is partial; more paid gives a positive difference', () => {
    const r = reconcile([line('T1', '3750000.01', { reference: 'HT-1' })], [item('I-1', 'installment', '3750000.00', { reference: 'HT-1' })]);
    expect(digest(r).partial).toEqual([['T1', 'I-1', 'reference', '0.01']]);
  });

  it('among several partial candidates the smallest difference is taken', () => {
    const r = reconcile(
      [line('T1', '95.00', { reference: 'HT-1' })],
      [item('FAR', 'installment', '50.00', { reference: 'HT-1', dueDate: d('2025-01-01') }), item('NEAR', 'installment', '100.00', { reference: 'HT-1', dueDate: d('2026-01-01') })],
    );
    expect(digest(r)).toMatchObject({ partial: [['T1', 'NEAR', 'reference', '-5.00']], outstanding: ['FAR'] });
  });
});

describe('reconcile: one to one', () => {
  it('each expected item matches at most one line: a second payment of the same deposit is unmatched', () => {
    const r = reconcile(
      [line('T1', '100.00', { subAccount: 'S1' }), line('T2', '100.00', { subAccount: 'S1', date: d('2025-10-15') })],
      [item('DEP', 'deposit', '100.00', { subAccount: 'S1' })],
    );
    expect(digest(r)).toEqual({ matched: [['T1', 'DEP', 'sub_account']], partial: [], unmatched: [['T2', []]], outstanding: [] });
  });

  it('equal installments with the same reference are settled oldest due first', () => {
    const r = reconcile(
      [line('T2', '5000.00', { reference: 'HT-1', date: d('2026-10-01') }), line('T1', '5000.00', { reference: 'HT-1', date: d('2025-11-10') })],
      [item('SECOND', 'installment', '5000.00', { reference: 'HT-1', dueDate: d('2026-10-28') }), item('FIRST', 'installment', '5000.00', { reference: 'HT-1', dueDate: d('2025-11-28') })],
    );
    expect(digest(r).matched).toEqual([
      ['T1', 'FIRST', 'reference'],
      ['T2', 'SECOND', 'reference'],
    ]);
  });

  it('expected items never matched are listed as outstanding, in due-date order', () => {
    const r = reconcile([], [item('B', 'installment', '1.00', { dueDate: d('2026-01-01') }), item('A', 'installment', '1.00'), item('C', 'deposit', '1.00', { dueDate: d('2025-01-01') })]);
    expect(digest(r).outstanding).toEqual(['C', 'B', 'A']);
  });

  it('duplicate transaction ids or item ids are refused', () => {
    expect(() => reconcile([line('T', '1.00'), line('T', '2.00')], [])).toThrow(DomainError);
    expect(() => reconcile([], [item('I', 'deposit', '1.00'), item('I', 'deposit', '2.00')])).toThrow(/RECONCILIATION|appears twice/);
  });
});

describe('reconcile: suggestions for unmatched lines', () => {
  it('an unmatched line gets at most 3 suggestions: same amount first, then similar reference, then close date', () => {
    const r = reconcile(
      [line('T1', '1000.00', { reference: '首期款 HT-2025-01', date: d('2025-11-20') })],
      [
        item('SAME-AMOUNT', 'installment', '1000.00', { reference: 'ZZ-9', dueDate: d('2026-06-01') }),
        item('SIMILAR-REF', 'installment', '999.00', { reference: 'HT-2025-001' }),
        item('CLOSE-DATE', 'installment', '7.00', { reference: 'QQ-1', dueDate: d('2025-11-18') }),
        item('SAME-AMOUNT-CLOSE', 'installment', '1000.00', { reference: 'YY-2', dueDate: d('2025-11-21') }),
        item('NOTHING', 'installment', '3.00', { reference: 'XX-1', dueDate: d('2024-01-01') }),
        item('REFUND', 'refund', '1000.00'),
      ],
    );
    const [unmatched] = r.unmatched;
    expect(unmatched.suggestions.map((s) => [s.item.id, s.reasons])).toEqual([
      ['SAME-AMOUNT-CLOSE', ['same_amount', 'close_date']],
      ['SAME-AMOUNT', ['same_amount']],
      ['SIMILAR-REF', ['similar_reference']],
    ]);
    expect(unmatched.suggestions[0].daysFromDue).toBe(-1);
    expect(r.outstanding).toHaveLength(6);
  });

  it('a sub-account with a typo is suggested', () => {
    const r = reconcile([line('T1', '50.00', { subAccount: '350102839201746558' })], [item('DEP', 'deposit', '2500000.00', { subAccount: '350102839201746557' })]);
    expect(r.unmatched[0].suggestions.map((s) => [s.item.id, s.reasons])).toEqual([['DEP', ['similar_sub_account']]]);
  });

  it('suggestions come only from outstanding items', () => {
    const r = reconcile([line('T1', '100.00', { subAccount: 'S1' }), line('T2', '100.00')], [item('DEP', 'deposit', '100.00', { subAccount: 'S1' })]);
    expect(r.unmatched.map((u) => [u.line.txnId, u.suggestions])).toEqual([['T2', []]]);
  });

  it('similarity helpers: edit distance and approximate substring', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(substringSimilarity('HT-2025-001', '首期款 HT-2025-001 款')).toBe(1);
    expect(substringSimilarity('HT-2025-001', '首期款HT-2025-01')).toBeCloseTo(1 - 1 / 11, 10);
    expect(substringSimilarity('', 'abc')).toBe(0);
  });
});

describe('reconcile with a parsed statement', () => {
  it('matches StatementLine values directly', () => {
    const statement = parseValidBankStatement(
      Buffer.from(
        [
          '交易流水号,交易时间,金额,虚拟账号,附言',
          'B1,2025-10-14 09:58:31,"2,500,000.00",350102839201746557,保证金',
          'B2,2025-10-14 10:00:00,"3,750,000.00",,首期款 HT-2025-001',
          'B3,2025-10-14 11:00:00,-2500000.00,,退保证金 TK-0002',
          'B4,2025-10-14 12:00:00,88.00,,利息',
        ].join('\r\n'),
        'utf8',
      ),
    );
    const r = reconcile(statement.lines, [
      item('DEP-1', 'deposit', '2500000.00', { subAccount: '350102839201746557' }),
      item('INST-1', 'installment', '3750000.00', { reference: 'HT-2025-001', dueDate: d('2025-11-28') }),
      item('REF-2', 'refund', '2500000.00', { reference: 'TK-0002' }),
      item('PEN-1', 'penalty', '120.00', { reference: 'HT-2025-001' }),
    ]);
    expect(r.matched.map((x) => [x.line.txnId, x.item.id, x.rule])).toEqual([
      ['B1', 'DEP-1', 'sub_account'],
      ['B2', 'INST-1', 'reference'],
      ['B3', 'REF-2', 'reference'],
    ]);
    expect(r.unmatched.map((u) => u.line.txnId)).toEqual(['B4']);
    expect(r.outstanding.map((i) => i.id)).toEqual(['PEN-1']);
    // the generic types carry the full statement line through
    expect(r.matched[0].line.counterpartyName).toBeUndefined();
    expect(r.matched[0].line.lineNumber).toBe(2);
  });
});

// ---- properties -------------------------------------------------------------------------------

const amountArb = fc.constantFrom('100.00', '250.00', '999.99', '1000.00');
const subArb = fc.option(fc.constantFrom('S1', 'S2', 'S3'), { nil: undefined });
const refArb = fc.constantFrom('', 'HT-1', 'HT-2', '首期 HT-1', 'HT-11');
const dateArb = fc.integer({ min: 1, max: 28 }).map((n) => d(`2025-10-${String(n).padStart(2, '0')}`));

const linesArb = fc
  .uniqueArray(fc.record({ txnId: fc.string({ minLength: 1, maxLength: 4 }), amount: amountArb, sub: subArb, ref: refArb, date: dateArb, debit: fc.boolean() }), {
    selector: (x) => x.txnId,
    maxLength: 8,
  })
  .map((xs) =>
    xs.map(
      (x): ReconcilableLine => ({
        txnId: x.txnId,
        direction: x.debit ? 'debit' : 'credit',
        amount: m(x.amount),
        date: x.date,
        reference: x.ref,
        ...(x.sub === undefined ? {} : { subAccount: x.sub }),
      }),
    ),
  );
const itemsArb = fc
  .uniqueArray(
    fc.record({
      id: fc.string({ minLength: 1, maxLength: 4 }),
      kind: fc.constantFrom<ExpectedKind>('deposit', 'installment', 'penalty', 'refund', 'remittance'),
      amount: amountArb,
      sub: subArb,
      ref: fc.option(fc.constantFrom('HT-1', 'HT-2', 'HT-11'), { nil: undefined }),
      due: fc.option(dateArb, { nil: undefined }),
    }),
    { selector: (x) => x.id, maxLength: 8 },
  )
  .map((xs) =>
    xs.map(
      (x): ExpectedItem => ({
        id: x.id,
        kind: x.kind,
        amount: m(x.amount),
        ...(x.sub === undefined ? {} : { subAccount: x.sub }),
        ...(x.ref === undefined ? {} : { reference: x.ref }),
        ...(x.due === undefined ? {} : { dueDate: x.due }),
      }),
    ),
  );

describe('reconcile: properties', () => {
  it('every line is matched, partial or unmatched once, and every item matched, partial or outstanding once', () => {
    fc.assert(
      fc.property(linesArb, itemsArb, (lines, items) => {
        const r = reconcile(lines, items);
        const lineIds = [...r.matched.map((x) => x.line.txnId), ...r.partial.map((x) => x.line.txnId), ...r.unmatched.map((x) => x.line.txnId)];
        expect([...lineIds].sort()).toEqual(lines.map((l) => l.txnId).sort());
        const itemIds = [...r.matched.map((x) => x.item.id), ...r.partial.map((x) => x.item.id), ...r.outstanding.map((x) => x.id)];
        expect([...itemIds].sort()).toEqual(items.map((i) => i.id).sort());
        for (const x of r.matched) expect(x.item.amount.eq(x.line.amount)).toBe(true);
        for (const x of r.partial) expect(x.difference.eq(x.line.amount.subtract(x.item.amount))).toBe(true);
        for (const u of r.unmatched) expect(u.suggestions.length).toBeLessThanOrEqual(3);
      }),
    );
  });

  it('the report does not depend on the order of the inputs', () => {
    fc.assert(
      fc.property(
        linesArb.chain((ls) => fc.tuple(fc.constant(ls), fc.shuffledSubarray(ls, { minLength: ls.length, maxLength: ls.length }))),
        itemsArb.chain((is) => fc.tuple(fc.constant(is), fc.shuffledSubarray(is, { minLength: is.length, maxLength: is.length }))),
        ([lines, shuffledLines], [items, shuffledItems]) => {
          const a = digest(reconcile(lines, items));
          const b = digest(reconcile(shuffledLines, shuffledItems));
          expect(b).toEqual(a);
        },
      ),
    );
  });
});
