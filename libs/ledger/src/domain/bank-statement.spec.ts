import { readFileSync } from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { DomainErrors } from '@app/common/domain-error';
import {
  assertStatementValid,
  cleanCell,
  decodeStatement,
  normalizeHeader,
  parseBankStatement,
  parseStatementAmount,
  parseStatementTime,
  parseValidBankStatement,
  STATEMENT_LIMITS,
  type ParsedStatement,
} from './bank-statement';

const HEADER = '交易流水号,交易时间,金额,对方户名,对方账号,虚拟账号,摘要,附言,余额';
const ROWS = [
  'CMB20251014001,2025-10-14 09:58:31,"2,500,000.00",福建某某房地产开发有限公司,5919 0123 4567 890,350102839201746557,转账,保证金 APP-1,"12,500,000.00"',
  'CMB20251014002,2025/10/14 10:01:02,-2500000.00,泉州某某置业有限公司,6222021234567890,,退款,退还保证金 APP-2,"10,000,000.00"',
  'CMB20251014003,20251014 103000,3750000.5,"某某公司, 联合体",6222020000000001,,转账,"首期款 ""HT-2025-001""",13750000.50',
];
const utf8 = (text: string): Buffer => Buffer.from(text, 'utf8');
const csv = (rows: string[] = ROWS, header = HEADER, eol = '\r\n'): string => [header, ...rows].join(eol) + eol;
const codes = (p: ParsedStatement): string[] => p.errors.map((e) => e.code);

describe('parseBankStatement: reading a valid statement', () => {
  const parsed = parseBankStatement(utf8(csv()));

  it('a UTF-8 statement with Chinese headers parses', () => {
    expect(parsed.errors).toEqual([]);
    expect(parsed.encoding).toBe('utf-8');
    expect(parsed.lines).toHaveLength(3);
    const [first] = parsed.lines;
    expect(first.lineNumber).toBe(2);
    expect(first.txnId).toBe('CMB20251014001');
    expect(first.bookedAt.toISOString()).toBe('2025-10-14T01:58:31.000Z');
    expect(first.date).toBe('2025-10-14');
    expect(first.direction).toBe('credit');
    expect(first.amount.toString()).toBe('2500000.00');
    expect(first.counterpartyName).toBe('福建某某房地产开发有限公司');
    expect(first.counterpartyAccount).toBe('591901234567890');
    expect(first.subAccount).toBe('350102839201746557');
    expect(first.reference).toBe('转账 保证金 APP-1');
    expect(first.balance?.toString()).toBe('12500000.00');
  });

  it('says which header was read as which field', () => {
    expect(parsed.columns).toMatchObject({ txnId: '交易流水号', bookedAt: '交易时间', amount: '金额', subAccount: '虚拟账号', memo: '附言' });
    expect(parsed.ignoredColumns).toEqual([]);
  });

  it('a negative amount in a single amount column is a debit (payout), amounts are positive', () => {
    const second = parsed.lines[1];
    expect(second.direction).toBe('debit');
    expect(second.amount.toString()).toBe('2500000.00');
    expect(second.subAccount).toBeUndefined();
  });

  it('quoted fields keep commas and doubled quotes', () => {
    const third = parsed.lines[2];
    expect(third.counterpartyName).toBe('某某公司, 联合体');
    expect(third.reference).toBe('转账 首期款 "HT-2025-001"');
    expect(third.amount.toString()).toBe('3750000.50');
  });

  it('the three time formats are read in Beijing time (+08:00)', () => {
    expect(parsed.lines.map((l) => l.bookedAt.toISOString())).toEqual([
      '2025-10-14T01:58:31.000Z',
      '2025-10-14T02:01:02.000Z',
      '2025-10-14T02:30:00.000Z',
    ]);
  });

  it('returns frozen lines', () => {
    expect(Object.isFrozen(parsed.lines)).toBe(true);
    expect(Object.isFrozen(parsed.lines[0])).toBe(true);
  });
});

describe('parseBankStatement: encodings and line endings', () => {
  const reference = parseBankStatement(utf8(csv()));

  it('a UTF-8 statement with a BOM parses the same', () => {
    const p = parseBankStatement(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8(csv())]));
    expect(p.errors).toEqual([]);
    expect(p.encoding).toBe('utf-8');
    expect(p.lines).toEqual(reference.lines);
  });

  it('a GB18030-encoded statement with Chinese headers parses', () => {
    const p = parseBankStatement(iconv.encode(csv(), 'gb18030'));
    expect(p.errors).toEqual([]);
    expect(p.encoding).toBe('gb18030');
    expect(p.lines).toEqual(reference.lines);
    expect(p.lines[0].counterpartyName).toBe('福建某某房地产开发有限公司');
  });

  it('a GBK-encoded statement (what older bank systems export) parses', () => {
    const p = parseBankStatement(iconv.encode(csv(), 'gbk'));
    expect(p.errors).toEqual([]);
    expect(p.lines).toEqual(reference.lines);
  });

  it('a GB18030 statement with a GB18030 BOM and quoted headers parses', () => {
    const quotedHeader = HEADER.split(',').map((h) => `"${h}"`).join(',');
    const p = parseBankStatement(iconv.encode(`\uFEFF${csv(ROWS, quotedHeader)}`, 'gb18030'));
    expect(p.errors).toEqual([]);
    expect(p.lines).toEqual(reference.lines);
  });

  it('a UTF-16 statement with a BOM parses', () => {
    const p = parseBankStatement(Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(csv(), 'utf-16le')]));
    expect(p.encoding).toBe('utf-16le');
    expect(p.lines).toEqual(reference.lines);
  });

  it('LF line endings parse the same as CRLF', () => {
    const p = parseBankStatement(utf8(csv(ROWS, HEADER, '\n')));
    expect(p.errors).toEqual([]);
    expect(p.lines).toEqual(reference.lines);
  });

  it('bytes that are neither UTF-8 nor GB18030 are ENCODING_INVALID', () => {
    const bad = Buffer.concat([utf8(`${HEADER}\r\n`), Buffer.from([0x41, 0x81, 0x20, 0x42]), utf8(',2025-10-14 09:58:31,1.00\r\n')]);
    expect(codes(parseBankStatement(bad))).toContain('ENCODING_INVALID');
  });

  it('decodeStatement strips the BOM from the text', () => {
    expect(decodeStatement(Buffer.from([0xef, 0xbb, 0xbf, 0x61])).text).toBe('a');
    expect(decodeStatement(iconv.encode('\uFEFF甲', 'gb18030')).text).toBe('甲');
  });
});

describe('parseBankStatement: fingerprint', () => {
  const fp = parseBankStatement(utf8(csv())).fingerprint;

  it('is a sha256 in hex', () => {
    expect(fp).toMatch(/^[0-9a-f]{64}$/);
  });

  it('the same statement re-encoded has the same fingerprint', () => {
    expect(parseBankStatement(iconv.encode(csv(), 'gb18030')).fingerprint).toBe(fp);
    expect(parseBankStatement(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8(csv())])).fingerprint).toBe(fp);
    expect(parseBankStatement(Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(csv(), 'utf-16le')])).fingerprint).toBe(fp);
  });

  it('the same statement with LF instead of CRLF, blank lines or other quoting has the same fingerprint', () => {
    expect(parseBankStatement(utf8(csv(ROWS, HEADER, '\n'))).fingerprint).toBe(fp);
    expect(parseBankStatement(utf8(`\r\n${csv()}\r\n\r\n`)).fingerprint).toBe(fp);
    const quoted = ROWS.map((r, i) => (i === 0 ? r.replace('CMB20251014001', '"CMB20251014001"') : r));
    expect(parseBankStatement(utf8(csv(quoted))).fingerprint).toBe(fp);
  });

  it('a statement that differs by one fen has another fingerprint', () => {
    const changed = ROWS.map((r) => r.replace('3750000.5,', '3750000.51,'));
    expect(parseBankStatement(utf8(csv(changed))).fingerprint).not.toBe(fp);
  });

  it('is given even when the statement has errors', () => {
    const p = parseBankStatement(utf8(csv(['X,not a time,1.00'])));
    expect(p.errors).not.toEqual([]);
    expect(p.fingerprint).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('parseBankStatement: headers', () => {
  it('English headers and synonyms are accepted, unknown columns ignored', () => {
    const p = parseBankStatement(
      utf8(csv(['T-1,2025-10-14 09:58:31,100.00,ACME,123,SUB-9,Deposit APP-1,x'], 'Transaction ID,Time,Amount (CNY),Counterparty Name,Counterparty Account,Virtual Account,Memo,Branch')),
    );
    expect(p.errors).toEqual([]);
    expect(p.lines[0]).toMatchObject({ txnId: 'T-1', counterpartyName: 'ACME', subAccount: 'SUB-9', reference: 'Deposit APP-1' });
    expect(p.ignoredColumns).toEqual(['Branch']);
  });

  it('Chinese synonyms with units and full-width brackets are accepted', () => {
    const p = parseBankStatement(utf8(csv(['T-1,2025-10-14 09:58:31,100.00,子1,用途1'], '流水号,记账时间,交易金额（元）,子账号,用途')));
    expect(p.errors).toEqual([]);
    expect(p.lines[0]).toMatchObject({ subAccount: '子1', reference: '用途1' });
  });

  it('normalizeHeader ignores case, spaces, underscores and a trailing unit', () => {
    expect(normalizeHeader(' Transaction_ID ')).toBe('transactionid');
    expect(normalizeHeader('金额(元)')).toBe('金额');
    expect(normalizeHeader('金额（元）')).toBe('金额');
  });

  it('a header without the transaction id column is refused, naming the column', () => {
    const p = parseBankStatement(utf8(csv(['2025-10-14 09:58:31,1.00'], '交易时间,金额')));
    expect(codes(p)).toEqual(['HEADER_MISSING_COLUMN']);
    expect(p.errors[0]).toMatchObject({ line: 1, column: '交易流水号 (txnId)' });
    expect(p.lines).toEqual([]);
  });

  it('a header without any amount column is refused', () => {
    expect(codes(parseBankStatement(utf8(csv(['T,2025-10-14 09:58:31'], '流水号,交易时间'))))).toEqual(['HEADER_MISSING_COLUMN']);
  });

  it('two columns meaning the same field are refused', () => {
    const p = parseBankStatement(utf8(csv(['T,2025-10-14 09:58:31,1.00,1.00'], '流水号,交易时间,金额,交易金额')));
    expect(codes(p)).toEqual(['HEADER_DUPLICATE_COLUMN']);
    expect(p.errors[0].column).toBe('交易金额');
  });

  it('an amount column together with debit/credit columns is ambiguous', () => {
    expect(codes(parseBankStatement(utf8(csv(['T,2025-10-14 09:58:31,1.00,,1.00'], '流水号,交易时间,金额,借方金额,贷方金额'))))).toEqual([
      'HEADER_AMBIGUOUS_AMOUNT',
    ]);
  });

  it('an empty file is STATEMENT_EMPTY; a header without lines is a valid empty statement', () => {
    expect(codes(parseBankStatement(Buffer.alloc(0)))).toEqual(['STATEMENT_EMPTY']);
    expect(codes(parseBankStatement(utf8('\r\n\r\n')))).toEqual(['STATEMENT_EMPTY']);
    const p = parseBankStatement(utf8(`${HEADER}\r\n`));
    expect(p.errors).toEqual([]);
    expect(p.lines).toEqual([]);
  });
});

describe('parseBankStatement: directions', () => {
  it('a 借贷标志 column gives the direction of unsigned amounts', () => {
    const p = parseBankStatement(
      utf8(csv(['T1,2025-10-14 09:00:00,100.00,贷', 'T2,2025-10-14 09:00:01,50.00,借', 'T3,2025-10-14 09:00:02,1.00,C', 'T4,2025-10-14 09:00:03,1.00,DR'], '流水号,交易时间,金额,借贷标志')),
    );
    expect(p.errors).toEqual([]);
    expect(p.lines.map((l) => l.direction)).toEqual(['credit', 'debit', 'credit', 'debit']);
  });

  it('an unknown direction, or a signed amount with a direction column, is refused', () => {
    const p = parseBankStatement(utf8(csv(['T1,2025-10-14 09:00:00,100.00,收款方', 'T2,2025-10-14 09:00:00,-100.00,借'], '流水号,交易时间,金额,借贷标志')));
    expect(p.errors.map((e) => [e.line, e.column, e.code])).toEqual([
      [2, '借贷标志', 'DIRECTION_INVALID'],
      [3, '金额', 'AMOUNT_INVALID'],
    ]);
  });

  it('separate 借方/贷方 columns: the filled one gives the direction; 0.00 counts as empty', () => {
    const p = parseBankStatement(
      utf8(csv(['T1,2025-10-14 09:00:00,,"1,000.00"', 'T2,2025-10-14 09:00:01,250.00,0.00', 'T3,2025-10-14 09:00:02,0,7.50'], '流水号,交易时间,借方发生额,贷方发生额')),
    );
    expect(p.errors).toEqual([]);
    expect(p.lines.map((l) => [l.direction, l.amount.toString()])).toEqual([
      ['credit', '1000.00'],
      ['debit', '250.00'],
      ['credit', '7.50'],
    ]);
  });

  it('a line with both a debit and a credit amount, or neither, is refused', () => {
    const p = parseBankStatement(utf8(csv(['T1,2025-10-14 09:00:00,1.00,2.00', 'T2,2025-10-14 09:00:01,,'], '流水号,交易时间,借方金额,贷方金额')));
    expect(p.errors.map((e) => [e.line, e.code])).toEqual([
      [2, 'AMOUNT_BOTH_SIDES'],
      [3, 'AMOUNT_REQUIRED'],
    ]);
  });
});

describe('parseBankStatement: amounts', () => {
  const withAmount = (amount: string): ParsedStatement => parseBankStatement(utf8(csv([`T1,2025-10-14 09:00:00,${amount}`], '流水号,交易时间,金额')));

  it('thousands separators are accepted: "1,234.50"', () => {
    expect(withAmount('"1,234.50"').lines[0].amount.toString()).toBe('1234.50');
    expect(withAmount('"12,345,678.9"').lines[0].amount.toString()).toBe('12345678.90');
  });

  it('an amount with more than 2 decimals is refused', () => {
    const p = withAmount('1.005');
    expect(codes(p)).toEqual(['AMOUNT_TOO_MANY_DECIMALS']);
    expect(p.errors[0]).toMatchObject({ line: 2, column: '金额' });
    expect(p.errors[0].message).toMatch(/^line 2, column "金额": /);
  });

  it('NaN, an exponent, an empty amount, a currency sign and misplaced separators are refused', () => {
    expect(codes(withAmount('NaN'))).toEqual(['AMOUNT_INVALID']);
    expect(codes(withAmount('1e5'))).toEqual(['AMOUNT_INVALID']);
    expect(withAmount('1e5').errors[0].message).toContain('no exponents');
    expect(codes(withAmount(''))).toEqual(['AMOUNT_REQUIRED']);
    expect(codes(withAmount('¥100.00'))).toEqual(['AMOUNT_INVALID']);
    expect(codes(withAmount('"1,23.50"'))).toEqual(['AMOUNT_INVALID']);
    expect(codes(withAmount('"1234,567.00"'))).toEqual(['AMOUNT_INVALID']);
    expect(codes(withAmount('100.'))).toEqual(['AMOUNT_INVALID']);
    expect(codes(withAmount('.5'))).toEqual(['AMOUNT_INVALID']);
    expect(codes(withAmount('Infinity'))).toEqual(['AMOUNT_INVALID']);
  });

  it('a zero amount is refused', () => {
    expect(codes(withAmount('0.00'))).toEqual(['AMOUNT_ZERO']);
    expect(codes(withAmount('-0.00'))).toEqual(['AMOUNT_ZERO']);
  });

  it('an amount beyond NUMERIC(18,2) is refused', () => {
    expect(codes(withAmount('12345678901234567.00'))).toEqual(['AMOUNT_INVALID']);
  });

  it('parseStatementAmount accepts a plus sign and leading zeros where a sign is allowed', () => {
    const plus = parseStatementAmount('+1,000.00', true);
    expect(plus.ok && plus.value.toString()).toBe('1000.00');
    const padded = parseStatementAmount('0001.50', false);
    expect(padded.ok && padded.value.toString()).toBe('1.50');
    expect(parseStatementAmount('-1.00', false)).toMatchObject({ ok: false, code: 'AMOUNT_INVALID' });
  });

  it('a bad balance is refused; a negative balance (overdraft) is read', () => {
    const bad = parseBankStatement(utf8(csv(['T1,2025-10-14 09:00:00,1.00,abc'], '流水号,交易时间,金额,余额')));
    expect(bad.errors.map((e) => [e.column, e.code])).toEqual([['余额', 'BALANCE_INVALID']]);
    const negative = parseBankStatement(utf8(csv(['T1,2025-10-14 09:00:00,1.00,-5.00'], '流水号,交易时间,金额,余额')));
    expect(negative.lines[0].balance?.toString()).toBe('-5.00');
  });

  it('a currency other than 人民币 is refused', () => {
    const p = parseBankStatement(utf8(csv(['T1,2025-10-14 09:00:00,1.00,人民币', 'T2,2025-10-14 09:00:00,1.00,USD', 'T3,2025-10-14 09:00:00,1.00,CNY'], '流水号,交易时间,金额,币种')));
    expect(p.errors.map((e) => [e.line, e.code])).toEqual([[3, 'CURRENCY_UNSUPPORTED']]);
  });
});

describe('parseBankStatement: times', () => {
  it('YYYY-MM-DD HH:mm:ss, YYYY/MM/DD HH:mm:ss and YYYYMMDD HHmmss name the same instant', () => {
    const at = ['2025-10-14 09:58:31', '2025/10/14 09:58:31', '20251014 095831', '20251014095831', '2025/1/5 9:05:03'].map((t) => {
      const r = parseStatementTime(t);
      if (!r.ok) throw new Error(r.message);
      return r.value.at.toISOString();
    });
    expect(at).toEqual([
      '2025-10-14T01:58:31.000Z',
      '2025-10-14T01:58:31.000Z',
      '2025-10-14T01:58:31.000Z',
      '2025-10-14T01:58:31.000Z',
      '2025-01-05T01:05:03.000Z',
    ]);
  });

  it('a time just after midnight in Beijing is on that Beijing date', () => {
    const r = parseStatementTime('2025-10-14 00:30:00');
    expect(r).toMatchObject({ ok: true });
    if (r.ok) {
      expect(r.value.at.toISOString()).toBe('2025-10-13T16:30:00.000Z');
      expect(r.value.date).toBe('2025-10-14');
    }
  });

  it('fractions of a second are kept to the millisecond', () => {
    const r = parseStatementTime('2025-10-14 09:58:31.123456');
    expect(r.ok && r.value.at.toISOString()).toBe('2025-10-14T01:58:31.123Z');
  });

  it('an impossible date or time, a date without a time and other formats are refused', () => {
    for (const t of ['2025-02-30 10:00:00', '2025-10-14 24:00:00', '2025-10-14 10:60:00', '2025-10-14', '2025-10-14 09:58', '14/10/2025 09:58:31', '2025-10-14T09:58:31+08:00']) {
      expect([t, parseStatementTime(t).ok]).toEqual([t, false]);
    }
    const p = parseBankStatement(utf8(csv(['T1,2025-02-30 10:00:00,1.00', 'T2,,1.00'], '流水号,交易时间,金额')));
    expect(p.errors.map((e) => [e.line, e.column, e.code])).toEqual([
      [2, '交易时间', 'TIME_INVALID'],
      [3, '交易时间', 'TIME_REQUIRED'],
    ]);
  });
});

describe('parseBankStatement: rows', () => {
  it('duplicate transaction ids inside one file are an error naming both lines', () => {
    const p = parseBankStatement(utf8(csv(['T1,2025-10-14 09:00:00,1.00', 'T2,2025-10-14 09:00:00,1.00', 'T1,2025-10-14 09:00:01,2.00'], '流水号,交易时间,金额')));
    expect(p.errors).toEqual([
      {
        line: 4,
        column: '流水号',
        code: 'TXN_ID_DUPLICATE',
        message: 'line 4, column "流水号": transaction id T1 already appears on line 2',
      },
    ]);
    expect(p.lines).toEqual([]);
  });

  it('an empty or malformed transaction id is refused', () => {
    const p = parseBankStatement(utf8(csv([',2025-10-14 09:00:00,1.00', '交易1,2025-10-14 09:00:00,1.00'], '流水号,交易时间,金额')));
    expect(codes(p)).toEqual(['TXN_ID_REQUIRED', 'TXN_ID_INVALID']);
  });

  it('a statement with any error returns no lines at all, and every error', () => {
    const p = parseBankStatement(utf8(csv([...ROWS, 'BAD,2025-10-14 09:00:00,1.005'])));
    expect(p.lines).toEqual([]);
    expect(p.errors.map((e) => [e.line, e.code])).toEqual([[5, 'AMOUNT_TOO_MANY_DECIMALS']]);
  });

  it('line numbers count the physical lines, a quoted memo over two lines included', () => {
    const p = parseBankStatement(utf8(csv(['T1,2025-10-14 09:00:00,1.00,"two\r\nlines"', 'T2,2025-10-14 09:00:00,x,'], '流水号,交易时间,金额,附言')));
    expect(p.errors.map((e) => e.line)).toEqual([4]);
  });

  it('blank lines are skipped; cells are trimmed and an Excel ="…" text formula is unwrapped', () => {
    const p = parseBankStatement(utf8(csv(['', ' T1 ,\t2025-10-14 09:00:00 ,="0012",="6222021234567890123"', ',,,'], '流水号,交易时间,金额,对方账号')));
    expect(p.errors).toEqual([]);
    expect(p.lines).toHaveLength(1);
    expect(p.lines[0]).toMatchObject({ txnId: 'T1', counterpartyAccount: '6222021234567890123', lineNumber: 3 });
    expect(p.lines[0].amount.toString()).toBe('12.00');
    expect(cleanCell('="a""b"')).toBe('a"b');
  });

  it('a line with more cells than the header is refused; a trailing empty cell is fine', () => {
    const p = parseBankStatement(utf8(csv(['T1,2025-10-14 09:00:00,1.00,', 'T2,2025-10-14 09:00:00,1.00,extra'], '流水号,交易时间,金额')));
    expect(p.errors.map((e) => [e.line, e.code])).toEqual([[3, 'ROW_TOO_MANY_CELLS']]);
  });

  it('an unterminated quote and text after a closing quote are CSV errors with the line', () => {
    expect(parseBankStatement(utf8(csv(['T1,2025-10-14 09:00:00,"1.00'], '流水号,交易时间,金额'))).errors.map((e) => [e.line, e.code])).toContainEqual([
      2,
      'CSV_UNTERMINATED_QUOTE',
    ]);
    expect(parseBankStatement(utf8(csv(['T1,2025-10-14 09:00:00,"1.00"x'], '流水号,交易时间,金额'))).errors.map((e) => [e.line, e.code])).toContainEqual([
      2,
      'CSV_MALFORMED_QUOTE',
    ]);
  });

  it('a text cell over 500 characters is refused', () => {
    const p = parseBankStatement(utf8(csv([`T1,2025-10-14 09:00:00,1.00,${'长'.repeat(501)}`], '流水号,交易时间,金额,附言')));
    expect(codes(p)).toEqual(['CELL_TOO_LONG']);
  });
});

describe('parseBankStatement: limits', () => {
  it('the default limits are 5 MiB and 50,000 lines', () => {
    expect(STATEMENT_LIMITS).toEqual({ maxBytes: 5 * 1024 * 1024, maxLines: 50_000 });
  });

  it('a statement over the byte limit is refused before it is read', () => {
    const p = parseBankStatement(utf8(csv()), { maxBytes: 100 });
    expect(p.errors).toEqual([{ line: 0, code: 'STATEMENT_TOO_LARGE', message: expect.stringContaining('at most 100 bytes') }]);
    expect(p.lines).toEqual([]);
  });

  it('a statement with more lines than allowed is refused with a clear error', () => {
    const p = parseBankStatement(utf8(csv()), { maxLines: 2 });
    expect(p.errors).toEqual([
      { line: 4, code: 'STATEMENT_TOO_MANY_LINES', message: 'the statement has 3 transaction lines; at most 2 are accepted — split it by date' },
    ]);
  });

  it('50,000 lines are accepted and 50,001 are refused with the default limits', () => {
    const rows = (n: number): string[] => Array.from({ length: n }, (_, i) => `T${i},2025-10-14 09:00:00,1.00`);
    const ok = parseBankStatement(utf8(csv(rows(50_000), '流水号,交易时间,金额')));
    expect(ok.errors).toEqual([]);
    expect(ok.lines).toHaveLength(50_000);
    expect(codes(parseBankStatement(utf8(csv(rows(50_001), '流水号,交易时间,金额'))))).toEqual(['STATEMENT_TOO_MANY_LINES']);
  });
});

describe('assertStatementValid / parseValidBankStatement', () => {
  it('a valid statement passes', () => {
    expect(parseValidBankStatement(utf8(csv())).lines).toHaveLength(3);
  });

  it('a statement with errors is rejected as a whole with STATEMENT_INVALID listing line and column', () => {
    const p = parseBankStatement(utf8(csv(['T1,2025-10-14 09:00:00,1.005', 'T1,2025-13-01 09:00:00,1.00'], '流水号,交易时间,金额')));
    try {
      assertStatementValid(p);
      throw new Error('expected STATEMENT_INVALID');
    } catch (e) {
      expect(e).toBeInstanceOf(DomainErrors);
      const err = e as DomainErrors;
      expect(err.code).toBe('STATEMENT_INVALID');
      expect(err.message).toContain('3 problem(s)');
      expect(err.errors.map((x) => [x.code, x.field])).toEqual([
        ['AMOUNT_TOO_MANY_DECIMALS', '金额'],
        ['TXN_ID_DUPLICATE', '流水号'],
        ['TIME_INVALID', '交易时间'],
      ]);
      expect(err.errors[0].message).toMatch(/^line 2, column "金额"/);
    }
  });

  it('lists at most 200 errors and says how many there were', () => {
    const rows = Array.from({ length: 250 }, (_, i) => `T${i},2025-10-14 09:00:00,NaN`);
    const p = parseBankStatement(utf8(csv(rows, '流水号,交易时间,金额')));
    expect(() => assertStatementValid(p)).toThrow(/250 problem\(s\), the first 200 listed/);
    try {
      assertStatementValid(p);
    } catch (e) {
      expect((e as DomainErrors).errors).toHaveLength(200);
    }
  });
});

describe('BANK_STATEMENT_FORMAT.md', () => {
  it('the example in the format document parses without errors', () => {
    const doc = readFileSync(path.join(__dirname, 'BANK_STATEMENT_FORMAT.md'), 'utf8');
    const example = /```csv\n([\s\S]*?)```/.exec(doc);
    expect(example).not.toBeNull();
    const p = parseBankStatement(Buffer.from(example![1], 'utf8'));
    expect(p.errors).toEqual([]);
    expect(p.lines.map((l) => [l.txnId, l.direction, l.amount.toString()])).toEqual([
      ['CMB20251014001', 'credit', '2500000.00'],
      ['CMB20251014002', 'debit', '2500000.00'],
      ['CMB20251014003', 'credit', '3750000.50'],
    ]);
  });
});
