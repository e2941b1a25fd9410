import { ValueType, Workbook, type Buffer as ExcelBuffer } from 'exceljs';
import fc from 'fast-check';
import { Money } from '@app/money/money';
import { Ratio } from '@app/money/ratio';
import { percent } from './cells';
import { exactSpreadsheetNumber, sanitizeSheetName, toXlsx } from './xlsx';

async function readBack(buf: Buffer): Promise<Workbook> {
  const wb = new Workbook();
  await wb.xlsx.load(buf as unknown as ExcelBuffer);
  return wb;
}

describe('toXlsx', () => {
  const headers = ['宗地编号', '成交价（元）', '溢价率', '宗数', '备注'];
  const rows = [
    ['寿光-2025-01 市林业局办公院', Money.parse('12500000.00'), Ratio.parse('0.2500'), 3, '=1+1'],
    ['最大金额', Money.parse('9999999999999999.99'), null, 1, undefined],
  ];

  it('writes a workbook that exceljs reads back with the Chinese headers and values', async () => {
    const buf = await toXlsx('2025年出让统计', headers, rows);
    expect(buf.subarray(0, 2).toString('latin1')).toBe('PK');
    const wb = await readBack(buf);
    const sheet = wb.getWorksheet('2025年出让统计');
    expect(sheet).toBeDefined();
    const s = sheet!;
    expect((s.getRow(1).values as unknown[]).slice(1)).toEqual(headers);
    expect(s.getRow(1).font?.bold).toBe(true);
    expect(s.getCell('A2').value).toBe('寿光-2025-01 市林业局办公院');
  });

  it('amounts are numeric cells formatted #,##0.00, so a spreadsheet sums them', async () => {
    const s = (await readBack(await toXlsx('s', headers, rows))).getWorksheet('s')!;
    expect(s.getCell('B2').value).toBe(12500000);
    expect(s.getCell('B2').type).toBe(ValueType.Number);
    expect(s.getCell('B2').numFmt).toBe('#,##0.00');
    expect(s.getCell('C2').value).toBe(0.25);
    expect(s.getCell('C2').numFmt).toBe('0.0000');
  });

  it('reading a numeric amount back gives the same fen value, for large amounts too', async () => {
    const amounts = ['9999999999.99', '9999999999999.99', '0.01', '0.07', '1234567890.12', '-20.00', '12345678901.23', '6422000.50'];
    const s = (await readBack(await toXlsx('s', ['金额（元）'], amounts.map((a) => [Money.parse(a, 'x', { allowNegative: true })])))).getWorksheet('s')!;
    amounts.forEach((amount, i) => {
      const cell = s.getCell(`A${i + 2}`);
      expect({ amount, type: cell.type, fen: (cell.value as number).toFixed(2) }).toEqual({ amount, type: ValueType.Number, fen: amount });
    });
  });

  it('an amount beyond what a double holds exactly keeps its exact text (right-aligned) rather than change', async () => {
    const s = (await readBack(await toXlsx('s', headers, rows))).getWorksheet('s')!;
    expect(s.getCell('B3').value).toBe('9999999999999999.99');
    expect(s.getCell('B3').alignment?.horizontal).toBe('right');
    expect(exactSpreadsheetNumber('9999999999999999.99', 2)).toBeUndefined();
    expect(exactSpreadsheetNumber('9999999999999.99', 2)).toBe(9999999999999.99);
  });

  it('any amount of up to 15 significant digits survives the round trip to the fen', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 15n) + 1n, max: 10n ** 15n - 1n }), (fen) => {
        const text = Money.fromFen(fen).toString();
        const n = exactSpreadsheetNumber(text, 2);
        expect(n).toBeDefined();
        expect((n as number).toFixed(2)).toBe(text);
      }),
    );
  });

  it('a percentage is the ratio as a number formatted 0.00%', async () => {
    const s = (await readBack(await toXlsx('s', ['溢价率'], [[percent(Ratio.parse('0.2845'))]]))).getWorksheet('s')!;
    expect(s.getCell('A2').value).toBe(0.2845);
    expect(s.getCell('A2').numFmt).toBe('0.00%');
  });

  it('counts are numbers; empty cells stay empty', async () => {
    const s = (await readBack(await toXlsx('s', headers, rows))).getWorksheet('s')!;
    expect(s.getCell('D2').value).toBe(3);
    expect(s.getCell('C3').value).toBeNull();
    expect(s.getCell('E3').value).toBeNull();
  });

  it('text that looks like a formula stays text (never evaluated, no prefix needed)', async () => {
    const s = (await readBack(await toXlsx('s', headers, rows))).getWorksheet('s')!;
    expect(s.getCell('E2').value).toBe('=1+1');
    expect(s.getCell('E2').type).toBe(ValueType.String);
  });

  it('freezes the header row', async () => {
    const s = (await readBack(await toXlsx('s', headers, rows))).getWorksheet('s')!;
    expect(s.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  });

  it('refuses a fractional JS number and a row of the wrong width', async () => {
    await expect(toXlsx('s', ['a'], [[0.1]])).rejects.toThrow(RangeError);
    await expect(toXlsx('s', ['a', 'b'], [['x']])).rejects.toThrow(/row 1/);
  });

  it('makes the sheet name valid for Excel', async () => {
    expect(sanitizeSheetName('对账/2025:10?')).toBe('对账_2025_10_');
    expect(sanitizeSheetName('')).toBe('Sheet1');
    expect(sanitizeSheetName("'x'")).toBe('x');
    expect(Array.from(sanitizeSheetName('很'.repeat(40)))).toHaveLength(31);
    const wb = await readBack(await toXlsx('[bad]*name', ['a'], []));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['_bad__name']);
  });
});
