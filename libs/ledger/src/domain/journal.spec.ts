import { parseIsoDate } from '@app/calendar/domain/calendar-day';
import { DomainErrors } from '@app/common/domain-error';
import { Money } from '@app/money/money';
import { ACCOUNT, accountRef } from './chart-of-accounts';
import {
  contractSigned,
  contractTerminated,
  credit,
  debit,
  depositConverted,
  depositForfeited,
  depositReceived,
  depositRefundDue,
  entryTotals,
  entryViolations,
  makeEntry,
  paymentReceived,
  penaltyAccrued,
  penaltyPaid,
  refundPaid,
  remittanceToTreasury,
  reversalOf,
  sideOf,
  sourceKey,
  validateEntry,
  type JournalEntry,
  type JournalLine,
} from './journal';

const m = (s: string): Money => Money.parse(s);
/** 2025-10-14 09:58:31 in Shanghai. */
const AT = new Date('2025-10-14T01:58:31Z');
const BANK = accountRef(ACCOUNT.BANK);
const HELD = accountRef(ACCOUNT.DEPOSITS_HELD, 'APP-1');

function entry(lines: ReadonlyArray<JournalLine>, extra: Partial<JournalEntry> = {}): JournalEntry {
  return {
    date: parseIsoDate('2025-10-14'),
    at: AT,
    description: '收到竞买保证金',
    source: { type: 'deposit_received', id: 'TXN-1' },
    lines,
    ...extra,
  };
}

const codes = (e: JournalEntry): string[] => entryViolations(e).map((v) => v.code);

function errorsOf(fn: () => unknown): DomainErrors {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainErrors) return e;
    throw e;
  }
  throw new Error('expected DomainErrors');
}

/** [code, subject, side, amount] of each line, for compact assertions. */
function shape(e: JournalEntry): Array<[string, string | undefined, string, string]> {
  return e.lines.map((l) => {
    const { side, amount } = sideOf(l);
    return [l.account.code, l.account.subject, side, amount.toString()];
  });
}

describe('validateEntry', () => {
  it('accepts a balanced entry on known accounts', () => {
    const e = entry([debit(BANK, m('500000.00')), credit(HELD, m('500000.00'))]);
    expect(entryViolations(e)).toEqual([]);
    expect(validateEntry(e)).toBe(e);
  });

  it('an entry with no lines is refused', () => {
    expect(codes(entry([]))).toEqual(['ENTRY_NO_LINES']);
  });

  it('a line with both a debit and a credit is refused', () => {
    const both: JournalLine = { account: BANK, debit: m('1.00'), credit: m('1.00') };
    expect(codes(entry([both, credit(HELD, m('1.00'))]))).toEqual(['LINE_BOTH_SIDES']);
  });

  it('a line with neither a debit nor a credit is refused', () => {
    expect(codes(entry([{ account: BANK }, credit(HELD, m('1.00'))]))).toEqual(['LINE_NO_SIDE']);
  });

  it('a zero amount is refused', () => {
    expect(codes(entry([debit(BANK, m('0.00')), credit(HELD, m('0.00'))]))).toEqual(['LINE_AMOUNT_NOT_POSITIVE', 'LINE_AMOUNT_NOT_POSITIVE']);
  });

  it('a negative amount is refused (a reversal swaps sides instead)', () => {
    const minus = Money.parse('-5.00', 'x', { allowNegative: true });
    expect(codes(entry([debit(BANK, minus), credit(HELD, minus)]))).toEqual(['LINE_AMOUNT_NOT_POSITIVE', 'LINE_AMOUNT_NOT_POSITIVE']);
  });

  it('an amount that is a JS number instead of Money is refused', () => {
    const bad = { account: BANK, debit: 100 as unknown as Money };
    expect(codes(entry([bad, credit(HELD, m('100.00'))]))).toEqual(['LINE_AMOUNT_INVALID']);
  });

  it('an entry whose debits and credits differ by 0.01 is refused', () => {
    const e = entry([debit(BANK, m('500000.00')), credit(HELD, m('499999.99'))]);
    const v = entryViolations(e);
    expect(v.map((x) => x.code)).toEqual(['ENTRY_UNBALANCED']);
    expect(v[0].message).toContain('difference 0.01');
  });

  it('an entry that balances only across several lines is accepted', () => {
    const e = entry([
      debit(BANK, m('0.10')),
      debit(BANK, m('0.20')),
      credit(HELD, m('0.30')),
    ]);
    expect(codes(e)).toEqual([]);
  });

  it('an entry on an unknown account is refused', () => {
    const unknown = { account: { code: '9999' } as unknown as JournalLine['account'], debit: m('1.00') };
    expect(codes(entry([unknown, credit(HELD, m('1.00'))]))).toEqual(['ACCOUNT_UNKNOWN']);
  });

  it('a deposits-held line without the application is refused', () => {
    expect(codes(entry([debit(BANK, m('1.00')), credit(accountRef(ACCOUNT.DEPOSITS_HELD), m('1.00'))]))).toEqual(['SUBJECT_REQUIRED']);
  });

  it('an entry without a valid source, description, date or instant is refused', () => {
    const lines = [debit(BANK, m('1.00')), credit(HELD, m('1.00'))];
    expect(codes(entry(lines, { source: { type: 'nope' as never, id: 'x' } }))).toEqual(['SOURCE_INVALID']);
    expect(codes(entry(lines, { source: { type: 'deposit_received', id: ' TXN' } }))).toEqual(['SOURCE_INVALID']);
    expect(codes(entry(lines, { source: { type: 'deposit_received', id: '' } }))).toEqual(['SOURCE_INVALID']);
    expect(codes(entry(lines, { description: '   ' }))).toEqual(['DESCRIPTION_REQUIRED']);
    expect(codes(entry(lines, { date: '2025-02-30' as never }))).toEqual(['ENTRY_DATE_INVALID']);
    expect(codes(entry(lines, { at: new Date('nope') }))).toEqual(['ENTRY_AT_INVALID']);
  });

  it('an entry of source type "reversal" must say what it reverses', () => {
    const lines = [debit(BANK, m('1.00')), credit(HELD, m('1.00'))];
    expect(codes(entry(lines, { source: { type: 'reversal', id: 'deposit_received:TXN-1' } }))).toEqual(['REVERSAL_INVALID']);
  });

  it('throws DomainErrors JOURNAL_ENTRY_INVALID listing every problem', () => {
    const e = entry([{ account: BANK }, credit(accountRef(ACCOUNT.DEPOSITS_HELD), m('0.00'))], { description: '' });
    const err = errorsOf(() => validateEntry(e));
    expect(err.code).toBe('JOURNAL_ENTRY_INVALID');
    expect(err.errors.map((x) => x.code)).toEqual(['DESCRIPTION_REQUIRED', 'LINE_NO_SIDE', 'SUBJECT_REQUIRED', 'LINE_AMOUNT_NOT_POSITIVE']);
    expect(err.errors.map((x) => x.field)).toEqual(['description', 'lines[0]', 'lines[1].account.subject', 'lines[1].credit']);
  });
});

describe('makeEntry', () => {
  it('dates the entry on the Shanghai calendar date of the instant', () => {
    const e = makeEntry({
      at: new Date('2025-10-13T17:00:00Z'), // 01:00 on 14 October in Shanghai
      description: 'x',
      source: { type: 'deposit_received', id: 'T' },
      lines: [debit(BANK, m('1.00')), credit(HELD, m('1.00'))],
    });
    expect(e.date).toBe('2025-10-14');
  });

  it('keeps an explicit accounting date', () => {
    const e = makeEntry({
      at: AT,
      date: parseIsoDate('2025-10-15'),
      description: 'x',
      source: { type: 'deposit_received', id: 'T' },
      lines: [debit(BANK, m('1.00')), credit(HELD, m('1.00'))],
    });
    expect(e.date).toBe('2025-10-15');
  });

  it('returns a frozen entry', () => {
    const e = depositReceived({ at: AT, sourceId: 'T', applicationId: 'APP-1', amount: m('1.00') });
    expect(Object.isFrozen(e)).toBe(true);
    expect(Object.isFrozen(e.lines)).toBe(true);
  });
});

describe('posting builders', () => {
  const base = { at: AT, sourceId: 'SRC-1' };

  it('depositReceived: Dr bank / Cr deposits held of the application, keyed by the bank transaction', () => {
    const e = depositReceived({ ...base, sourceId: 'CMB-TXN-9', applicationId: 'APP-7', amount: m('2500000.00') });
    expect(shape(e)).toEqual([
      ['1002', undefined, 'debit', '2500000.00'],
      ['2241', 'APP-7', 'credit', '2500000.00'],
    ]);
    expect(e.source).toEqual({ type: 'deposit_received', id: 'CMB-TXN-9' });
    expect(sourceKey(e.source)).toBe('deposit_received:CMB-TXN-9');
    expect(e.description).toContain('APP-7');
    expect(e.date).toBe('2025-10-14');
  });

  it('depositReceived can name the bank account as the subject of 1002', () => {
    const e = depositReceived({ ...base, applicationId: 'APP-7', amount: m('1.00'), bankAccount: '3501021234' });
    expect(e.lines[0].account).toEqual({ code: '1002', subject: '3501021234' });
  });

  it('depositRefundDue: Dr deposits held / Cr refunds payable, both of the application', () => {
    const e = depositRefundDue({ ...base, applicationId: 'APP-2', amount: m('2500000.00') });
    expect(shape(e)).toEqual([
      ['2241', 'APP-2', 'debit', '2500000.00'],
      ['2242', 'APP-2', 'credit', '2500000.00'],
    ]);
    expect(e.source.type).toBe('deposit_refund_due');
  });

  it('refundPaid: Dr refunds payable of the payee / Cr bank', () => {
    const e = refundPaid({ ...base, payee: 'APP-2', amount: m('2500000.00') });
    expect(shape(e)).toEqual([
      ['2242', 'APP-2', 'debit', '2500000.00'],
      ['1002', undefined, 'credit', '2500000.00'],
    ]);
  });

  it('contractSigned raises the whole price as receivable of the contract: Dr 1221 / Cr 4101', () => {
    const e = contractSigned({ ...base, contractId: 'HT-2025-001', price: m('12500000.00') });
    expect(shape(e)).toEqual([
      ['1221', 'HT-2025-001', 'debit', '12500000.00'],
      ['4101', undefined, 'credit', '12500000.00'],
    ]);
  });

  it('depositConverted credits the earnest money to the price: Dr deposits held / Cr receivable', () => {
    const e = depositConverted({ ...base, applicationId: 'APP-1', contractId: 'HT-2025-001', amount: m('2500000.00') });
    expect(shape(e)).toEqual([
      ['2241', 'APP-1', 'debit', '2500000.00'],
      ['1221', 'HT-2025-001', 'credit', '2500000.00'],
    ]);
  });

  it('paymentReceived: Dr bank / Cr receivable of the contract', () => {
    const e = paymentReceived({ ...base, contractId: 'HT-1', amount: m('5000000.00') });
    expect(shape(e)).toEqual([
      ['1002', undefined, 'debit', '5000000.00'],
      ['1221', 'HT-1', 'credit', '5000000.00'],
    ]);
  });

  it('penaltyAccrued: Dr penalty receivable / Cr penalty revenue; penaltyPaid: Dr bank / Cr penalty receivable', () => {
    expect(shape(penaltyAccrued({ ...base, contractId: 'HT-1', amount: m('2500.00') }))).toEqual([
      ['1222', 'HT-1', 'debit', '2500.00'],
      ['4102', undefined, 'credit', '2500.00'],
    ]);
    expect(shape(penaltyPaid({ ...base, contractId: 'HT-1', amount: m('2500.00') }))).toEqual([
      ['1002', undefined, 'debit', '2500.00'],
      ['1222', 'HT-1', 'credit', '2500.00'],
    ]);
  });

  it('depositForfeited: Dr deposits held / Cr forfeiture revenue', () => {
    expect(shape(depositForfeited({ ...base, applicationId: 'APP-3', amount: m('2500000.00') }))).toEqual([
      ['2241', 'APP-3', 'debit', '2500000.00'],
      ['4103', undefined, 'credit', '2500000.00'],
    ]);
  });

  it('contractTerminated takes back the whole price and forfeits the earnest money', () => {
    const e = contractTerminated({
      ...base,
      contractId: 'HT-1',
      outstanding: m('5000000.00'),
      earnestForfeited: m('2500000.00'),
      paidToRefund: m('5000000.00'),
    });
    expect(shape(e)).toEqual([
      ['4101', undefined, 'debit', '12500000.00'],
      ['1221', 'HT-1', 'credit', '5000000.00'],
      ['4103', undefined, 'credit', '2500000.00'],
      ['2242', 'HT-1', 'credit', '5000000.00'],
    ]);
  });

  it('contractTerminated leaves out zero parts and refuses negative ones', () => {
    const e = contractTerminated({ ...base, contractId: 'HT-1', outstanding: m('10000000.00'), earnestForfeited: m('2500000.00') });
    expect(shape(e).map((l) => l[0])).toEqual(['4101', '1221', '4103']);
    const minus = Money.parse('-1.00', 'x', { allowNegative: true });
    expect(() => contractTerminated({ ...base, contractId: 'HT-1', outstanding: minus, earnestForfeited: m('2.00') })).toThrow(DomainErrors);
  });

  it('remittanceToTreasury debits 4901 once per revenue account and credits the bank with the total', () => {
    const e = remittanceToTreasury({ ...base, landPremium: m('10000000.00'), penalties: m('2500.00'), forfeitures: m('0.00') });
    expect(shape(e)).toEqual([
      ['4901', '4101', 'debit', '10000000.00'],
      ['4901', '4102', 'debit', '2500.00'],
      ['1002', undefined, 'credit', '10002500.00'],
    ]);
    expect(e.source.type).toBe('treasury_remittance');
  });

  it('a remittance of nothing is refused', () => {
    const err = errorsOf(() => remittanceToTreasury({ ...base }));
    expect(err.errors.map((x) => x.code)).toEqual(['ENTRY_NO_LINES']);
  });

  it('a builder refuses a zero amount and a missing subject', () => {
    expect(errorsOf(() => depositReceived({ ...base, applicationId: 'APP-1', amount: m('0.00') })).errors.map((x) => x.code)).toEqual([
      'LINE_AMOUNT_NOT_POSITIVE',
      'LINE_AMOUNT_NOT_POSITIVE',
    ]);
    expect(errorsOf(() => paymentReceived({ ...base, contractId: 'HT 1', amount: m('1.00') })).errors.map((x) => x.code)).toEqual([
      'SUBJECT_INVALID',
    ]);
  });

  it('a builder takes a description override', () => {
    expect(paymentReceived({ ...base, contractId: 'HT-1', amount: m('1.00'), description: '首期款' }).description).toBe('首期款');
  });

  it('every builder returns a balanced entry', () => {
    const all = [
      depositReceived({ ...base, applicationId: 'A', amount: m('3.33') }),
      depositRefundDue({ ...base, applicationId: 'A', amount: m('3.33') }),
      refundPaid({ ...base, payee: 'A', amount: m('3.33') }),
      contractSigned({ ...base, contractId: 'C', price: m('3.33') }),
      depositConverted({ ...base, applicationId: 'A', contractId: 'C', amount: m('3.33') }),
      paymentReceived({ ...base, contractId: 'C', amount: m('3.33') }),
      penaltyAccrued({ ...base, contractId: 'C', amount: m('3.33') }),
      penaltyPaid({ ...base, contractId: 'C', amount: m('3.33') }),
      depositForfeited({ ...base, applicationId: 'A', amount: m('3.33') }),
      contractTerminated({ ...base, contractId: 'C', outstanding: m('1.11'), earnestForfeited: m('1.11'), paidToRefund: m('1.11') }),
      remittanceToTreasury({ ...base, landPremium: m('1.11'), penalties: m('1.11'), forfeitures: m('1.11') }),
    ];
    for (const e of all) {
      const { debits, credits } = entryTotals(e.lines);
      expect([e.source.type, debits.toString()]).toEqual([e.source.type, credits.toString()]);
      expect(debits.toString()).toBe('3.33');
    }
  });
});

describe('reversalOf', () => {
  const original = contractTerminated({
    at: AT,
    sourceId: 'TERM-1',
    contractId: 'HT-1',
    outstanding: m('5000000.00'),
    earnestForfeited: m('2500000.00'),
  });
  const later = new Date('2025-11-03T02:00:00Z');

  it('swaps debit and credit on every line', () => {
    const r = reversalOf(original, '合同解除决定被撤销', later);
    expect(shape(r)).toEqual([
      ['4101', undefined, 'credit', '7500000.00'],
      ['1221', 'HT-1', 'debit', '5000000.00'],
      ['4103', undefined, 'debit', '2500000.00'],
    ]);
  });

  it('is keyed by the original entry, so an entry can be reversed only once', () => {
    const r = reversalOf(original, 'entered twice', later);
    expect(r.source).toEqual({ type: 'reversal', id: 'contract_terminated:TERM-1' });
    expect(r.reversal).toEqual({ of: { type: 'contract_terminated', id: 'TERM-1' }, reason: 'entered twice' });
    expect(reversalOf(original, 'again', AT).source).toEqual(r.source);
  });

  it('is dated on the Shanghai date of the reversal, with the reason in the description', () => {
    const r = reversalOf(original, '录入错误', later);
    expect(r.date).toBe('2025-11-03');
    expect(r.at).toBe(later);
    expect(r.description).toBe(`冲销：${original.description}（录入错误）`);
  });

  it('a reversal without a reason is refused', () => {
    expect(errorsOf(() => reversalOf(original, '  ', later)).errors.map((x) => x.code)).toEqual(['REVERSAL_INVALID']);
  });

  it('a reversal can itself be reversed', () => {
    const r = reversalOf(original, 'wrong', later);
    const rr = reversalOf(r, 'the reversal was wrong', later);
    expect(shape(rr)).toEqual(shape(original));
    expect(rr.source.id).toBe('reversal:contract_terminated:TERM-1');
  });

  it('an invalid entry cannot be reversed', () => {
    const bad = entry([debit(BANK, m('1.00')), credit(HELD, m('2.00'))]);
    expect(() => reversalOf(bad, 'x', later)).toThrow(DomainErrors);
  });
});
