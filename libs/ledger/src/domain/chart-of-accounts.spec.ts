import {
  ACCOUNT,
  ACCOUNT_CODES,
  accountKey,
  accountOf,
  accountRef,
  CHART_OF_ACCOUNTS,
  checkAccountRef,
  describeAccount,
  isAccountCode,
  REVENUE_ACCOUNT_CODES,
  type AccountCode,
} from './chart-of-accounts';

const codes = (v: ReturnType<typeof checkAccountRef>): string[] => v.map((x) => x.code);

describe('chart of accounts', () => {
  it('has stable codes (renumbering an account would orphan stored lines)', () => {
    expect(ACCOUNT).toEqual({
      BANK: '1002',
      PREMIUM_RECEIVABLE: '1221',
      PENALTY_RECEIVABLE: '1222',
      PREMIUM_DUE: '1223',
      DEPOSITS_HELD: '2241',
      REFUNDS_PAYABLE: '2242',
      PREMIUM_REVENUE: '4101',
      PENALTY_REVENUE: '4102',
      FORFEITURE_REVENUE: '4103',
      TREASURY_REMITTED: '4901',
    });
    expect(ACCOUNT_CODES).toEqual(['1002', '1221', '1222', '1223', '2241', '2242', '4101', '4102', '4103', '4901']);
  });

  it('every account has a Chinese and an English name, and its code as key', () => {
    for (const code of ACCOUNT_CODES) {
      const def = CHART_OF_ACCOUNTS[code];
      expect(def.code).toBe(code);
      expect(def.nameZh).toMatch(/[\u4e00-\u9fff]/);
      expect(def.nameEn).toMatch(/^[A-Z]/);
    }
    expect(CHART_OF_ACCOUNTS['2241'].nameZh).toBe('竞买保证金');
    expect(CHART_OF_ACCOUNTS['1002'].nameZh).toBe('银行存款');
  });

  it('assets and the treasury clearing account are debit-normal; liabilities and revenue are credit-normal', () => {
    for (const code of ACCOUNT_CODES) {
      const def = CHART_OF_ACCOUNTS[code];
      const expected = def.kind === 'asset' || def.kind === 'clearing' ? 'debit' : 'credit';
      expect([code, def.normalSide]).toEqual([code, expected]);
    }
    expect(CHART_OF_ACCOUNTS['4901'].kind).toBe('clearing');
  });

  it('deposits are kept per application and receivables per contract (subject required)', () => {
    expect(CHART_OF_ACCOUNTS[ACCOUNT.DEPOSITS_HELD].subject).toBe('required');
    expect(CHART_OF_ACCOUNTS[ACCOUNT.PREMIUM_RECEIVABLE].subject).toBe('required');
    expect(CHART_OF_ACCOUNTS[ACCOUNT.PENALTY_RECEIVABLE].subject).toBe('required');
    expect(CHART_OF_ACCOUNTS[ACCOUNT.PREMIUM_REVENUE].subject).toBe('none');
  });

  it('the revenue accounts are 4101, 4102 and 4103', () => {
    expect(REVENUE_ACCOUNT_CODES).toEqual(['4101', '4102', '4103']);
  });

  it('the chart is frozen', () => {
    expect(Object.isFrozen(CHART_OF_ACCOUNTS)).toBe(true);
    expect(Object.isFrozen(CHART_OF_ACCOUNTS['1002'])).toBe(true);
  });
});

describe('checkAccountRef', () => {
  it('accepts a valid reference', () => {
    expect(checkAccountRef(accountRef(ACCOUNT.DEPOSITS_HELD, 'APP-2025-001'))).toEqual([]);
    expect(checkAccountRef(accountRef(ACCOUNT.PREMIUM_REVENUE))).toEqual([]);
    expect(checkAccountRef(accountRef(ACCOUNT.BANK))).toEqual([]);
    expect(checkAccountRef(accountRef(ACCOUNT.BANK, '35010212345678'))).toEqual([]);
    expect(checkAccountRef(accountRef(ACCOUNT.DEPOSITS_HELD, '申请-甲1'))).toEqual([]);
  });

  it('an unknown account code is refused', () => {
    expect(codes(checkAccountRef({ code: '9999' }))).toEqual(['ACCOUNT_UNKNOWN']);
    expect(codes(checkAccountRef({ code: 2241 }))).toEqual(['ACCOUNT_UNKNOWN']);
    expect(codes(checkAccountRef(null))).toEqual(['ACCOUNT_UNKNOWN']);
  });

  it('a deposit line without the application as subject is refused', () => {
    const v = checkAccountRef(accountRef(ACCOUNT.DEPOSITS_HELD), 'lines[0].account');
    expect(codes(v)).toEqual(['SUBJECT_REQUIRED']);
    expect(v[0].field).toBe('lines[0].account.subject');
  });

  it('a subject on a revenue account is refused', () => {
    expect(codes(checkAccountRef({ code: '4101', subject: 'HT-1' }))).toEqual(['SUBJECT_NOT_ALLOWED']);
  });

  it('a subject with spaces, a bar or over 64 characters is refused', () => {
    expect(codes(checkAccountRef({ code: '2241', subject: 'APP 1' }))).toEqual(['SUBJECT_INVALID']);
    expect(codes(checkAccountRef({ code: '2241', subject: 'A|B' }))).toEqual(['SUBJECT_INVALID']);
    expect(codes(checkAccountRef({ code: '2241', subject: 'x'.repeat(65) }))).toEqual(['SUBJECT_INVALID']);
    expect(codes(checkAccountRef({ code: '2241', subject: '' }))).toEqual(['SUBJECT_INVALID']);
  });

  it('the subject of the treasury remittance account must be a revenue account code', () => {
    expect(checkAccountRef(accountRef(ACCOUNT.TREASURY_REMITTED, '4101'))).toEqual([]);
    expect(codes(checkAccountRef(accountRef(ACCOUNT.TREASURY_REMITTED, '1002')))).toEqual(['SUBJECT_INVALID']);
    expect(codes(checkAccountRef(accountRef(ACCOUNT.TREASURY_REMITTED)))).toEqual(['SUBJECT_REQUIRED']);
  });
});

describe('helpers', () => {
  it('isAccountCode knows the chart and nothing else', () => {
    expect(isAccountCode('1002')).toBe(true);
    expect(isAccountCode('toString')).toBe(false);
    expect(isAccountCode(1002)).toBe(false);
  });

  it('accountOf throws for a code outside the chart', () => {
    expect(accountOf('2241').nameEn).toBe('Bid deposits held');
    expect(() => accountOf('0000' as AccountCode)).toThrow(RangeError);
  });

  it('accountRef leaves out an undefined subject, accountKey and describeAccount are unambiguous', () => {
    expect(accountRef(ACCOUNT.PREMIUM_REVENUE)).toEqual({ code: '4101' });
    expect('subject' in accountRef(ACCOUNT.PREMIUM_REVENUE)).toBe(false);
    expect(accountKey(accountRef(ACCOUNT.DEPOSITS_HELD, 'APP-1'))).toBe('2241|APP-1');
    expect(accountKey(accountRef(ACCOUNT.PREMIUM_REVENUE))).toBe('4101|');
    expect(describeAccount(accountRef(ACCOUNT.DEPOSITS_HELD, 'APP-1'))).toBe('2241 竞买保证金 / APP-1');
  });
});
