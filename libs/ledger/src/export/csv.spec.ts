import fc from 'fast-check';
import { Area } from '@app/money/area';
import { Decimal } from '@app/money/decimal';
import { Money } from '@app/money/money';
import { Ratio } from '@app/money/ratio';
import { readCsv } from '../domain/csv';
import { cellText, formatShanghaiDateTime, percent } from './cells';
import { csvField, neutralizeFormula, toCsv } from './csv';

const m = (s: string): Money => Money.parse(s, 'x', { allowNegative: true });

describe('toCsv', () => {
  const out = toCsv(['宗地编号', '成交价（元）', '竞得人'], [
    ['寿光-2025-01', m('12500000.00'), '山东某某置业有限公司'],
    ['寿光-2025-02', m('6422000.50'), '某某公司, 联合体'],
  ]);

  it('starts with a UTF-8 BOM so Excel shows Chinese', () => {
    expect([...out.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(out.subarray(3).toString('utf8').startsWith('宗地编号,')).toBe(true);
  });

  it('ends every record with CRLF, the last one included', () => {
    expect(out.subarray(3).toString('utf8')).toBe(
      '宗地编号,成交价（元）,竞得人\r\n寿光-2025-01,12500000.00,山东某某置业有限公司\r\n寿光-2025-02,6422000.50,"某某公司, 联合体"\r\n',
    );
  });

  it('can leave the BOM out', () => {
    expect(toCsv(['a'], [['1']], { bom: false }).toString('utf8')).toBe('a\r\n1\r\n');
  });

  it('quotes fields with a comma, a quote, CR or LF and doubles the quotes (RFC 4180)', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\rhere')).toBe('"cr\rhere"');
    expect(csvField('plain 文本')).toBe('plain 文本');
  });

  it('refuses a row whose width differs from the headers', () => {
    expect(() => toCsv(['a', 'b'], [['1']])).toThrow(/row 1 has 1 cells but there are 2 headers/);
    expect(() => toCsv([], [])).toThrow(RangeError);
  });
});

describe('toCsv: formula injection', () => {
  it('a text cell starting with = + - @ TAB or CR gets a single-quote prefix', () => {
    expect(csvField('=HYPERLINK("http://x","点我")')).toBe('"\'=HYPERLINK(""http://x"",""点我"")"');
    expect(csvField('+86 138')).toBe("'+86 138");
    expect(csvField('-1+1')).toBe("'-1+1");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('\tcmd')).toBe("'\tcmd");
    expect(neutralizeFormula('=1')).toBe("'=1");
  });

  it('text that is a plain negative number such as "-12.50" is left as it is', () => {
    expect(csvField('-12.50')).toBe('-12.50');
    expect(csvField('-3')).toBe('-3');
    expect(csvField('-1e5')).toBe("'-1e5");
  });

  it('numeric cells are never prefixed: a negative Money stays a number', () => {
    expect(csvField(m('-12.50'))).toBe('-12.50');
    expect(csvField(-5)).toBe('-5');
  });

  it('headers are protected too', () => {
    expect(toCsv(['=cmd'], [], { bom: false }).toString('utf8')).toBe("'=cmd\r\n");
  });
});

describe('cells', () => {
  it('writes Money, Area, Ratio and Decimal from their exact strings', () => {
    expect(cellText(m('9999999999999999.99'))).toBe('9999999999999999.99');
    expect(cellText(Area.parse('35000.5'))).toBe('35000.50');
    expect(cellText(Ratio.parse('0.25'))).toBe('0.2500');
    expect(cellText(new Decimal('12345678901234567890.123'))).toBe('12345678901234567890.123');
    expect(cellText(12n)).toBe('12');
    expect(cellText(null)).toBe('');
    expect(cellText(undefined)).toBe('');
  });

  it('writes a percentage cell as people read it, never prefixed', () => {
    expect(cellText(percent(Ratio.parse('0.2845')))).toBe('28.45%');
    expect(csvField(percent(Ratio.parse('-0.0500', 'x', { allowNegative: true })))).toBe('-5.00%');
  });

  it('takes JS numbers only as whole counts', () => {
    expect(cellText(42)).toBe('42');
    expect(() => cellText(0.1)).toThrow(/whole counts/);
    expect(() => cellText(Number.NaN)).toThrow(RangeError);
    expect(() => cellText(2 ** 53)).toThrow(RangeError);
  });

  it('writes a Date as Beijing wall-clock time', () => {
    expect(formatShanghaiDateTime(new Date('2025-12-31T16:30:05Z'))).toBe('2026-01-01 00:30:05');
    expect(cellText(new Date('2025-10-14T01:58:31Z'))).toBe('2025-10-14 09:58:31');
    expect(() => cellText(new Date('nope'))).toThrow(RangeError);
  });
});

describe('toCsv: property', () => {
  it('what toCsv writes, an RFC 4180 reader reads back cell for cell', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', '甲', ',', '"', '\n', ' ', '1', '.', '=', '-', '@'), maxLength: 8 });
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4 }).chain((w) => fc.tuple(fc.array(cell, { minLength: w, maxLength: w }), fc.array(fc.array(cell, { minLength: w, maxLength: w }), { maxLength: 5 }))), ([headers, rows]) => {
        const text = toCsv(headers, rows).subarray(3).toString('utf8');
        const { records, errors } = readCsv(text);
        expect(errors).toEqual([]);
        expect(records.map((r) => r.cells)).toEqual([headers, ...rows].map((row) => row.map((c) => neutralizeFormula(c))));
      }),
    );
  });
});
