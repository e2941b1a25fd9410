import { Workbook, type Cell } from 'exceljs';
import { Area } from '@app/money/area';
import { Money } from '@app/money/money';
import { Ratio } from '@app/money/ratio';
import { cellText, checkTableShape, isNumericCell, PercentCell, type ExportCell } from './cells';

/**
 * XLSX export (exceljs), one sheet with a bold, frozen header row, for people who sum and sort.
 *
 * Decisions:
 * - **Amounts are numeric cells** with a number format (`#,##0.00` for money and areas, `0.00%` for
 *   percentages, `0.0000` for other ratios), so that a spreadsheet sums them. exceljs (and the XLSX
 *   format, and Excel) hold numbers as IEEE doubles, so this is the one place the platform turns an
 *   exact decimal into a JS number — see {@link exactSpreadsheetNumber}: the number is written only
 *   when it converts back to the very same decimal text, to the fen. Every amount with at most 15
 *   significant digits does (up to 9,999,999,999,999.99 元); an amount beyond that (more than Excel
 *   itself can hold) is written as its exact text, right-aligned, rather than changed.
 * - Whole counts (safe-integer JS numbers) are numbers with the format `0`.
 * - Text is stored as text (shared strings), so a value starting with "=" is shown, never evaluated:
 *   XLSX needs no formula-injection prefix and none is added (the data stays exact).
 * - Totals rows (合计) carry the exact totals computed by the platform, not float sums.
 * - Dates are text in Beijing time ("2025-10-14 09:58:31"), avoiding Excel's zone-less date serials.
 * - The sheet name is made valid for Excel: `[]:*?/\` become "_", at most 31 characters, "Sheet1"
 *   when empty.
 */

const MAX_SHEET_NAME = 31;
export const MONEY_FORMAT = '#,##0.00';

/** An Excel-valid sheet name (see the module notes). */
export function sanitizeSheetName(name: string): string {
  const cleaned = Array.from(name.replace(/[[\]:*?/\\]/g, '_').replace(/^'+|'+$/g, '').trim())
    .slice(0, MAX_SHEET_NAME)
    .join('');
  return cleaned === '' ? 'Sheet1' : cleaned;
}

/** Display width: CJK and other wide characters count twice. */
function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch) ? 2 : 1;
  return width;
}

/**
 * The JS number of an exact decimal text with `places` decimals, or undefined when no double holds it
 * exactly. Safe because it is checked, not assumed: `Number(text)` is the double nearest the decimal,
 * and `toFixed(places)` prints that double's exact binary value rounded to `places`; the two agree only
 * when the double stands for exactly this decimal at this precision (always true up to 15 significant
 * digits, the precision of a double and of Excel). A spreadsheet reading the number back gets the same
 * decimal to the fen.
 */
export function exactSpreadsheetNumber(text: string, places: number): number | undefined {
  const n = Number(text);
  if (!Number.isFinite(n) || n.toFixed(places) !== text) return undefined;
  return Object.is(n, -0) ? 0 : n;
}

/** How a numeric cell is written: its exact decimal text, its places and its number format. */
function numericForm(cell: ExportCell): { text: string; places: number; format: string } | undefined {
  if (Money.isMoney(cell) || Area.isArea(cell)) return { text: cell.toString(), places: 2, format: MONEY_FORMAT };
  if (cell instanceof PercentCell) {
    const places = Math.max(cell.ratio.scale - 2, 0);
    return { text: cell.ratio.toString(), places: cell.ratio.scale, format: places === 0 ? '0%' : `0.${'0'.repeat(places)}%` };
  }
  if (Ratio.isRatio(cell)) return { text: cell.toString(), places: cell.scale, format: cell.scale === 0 ? '0' : `0.${'0'.repeat(cell.scale)}` };
  return undefined;
}

function writeCell(target: Cell, cell: ExportCell, text: string): void {
  if (typeof cell === 'number') {
    target.value = cell; // a safe integer (count): cellText has checked it
    target.numFmt = '0';
    return;
  }
  const form = numericForm(cell);
  const value = form === undefined ? undefined : exactSpreadsheetNumber(form.text, form.places);
  if (form !== undefined && value !== undefined) {
    target.value = value;
    target.numFmt = form.format;
    return;
  }
  if (isNumericCell(cell)) {
    // beyond what a double holds exactly (or a plain Decimal): the exact text, right-aligned like a number
    target.value = text;
    target.numFmt = '@';
    target.alignment = { horizontal: 'right' };
    return;
  }
  target.value = text;
}

/** The table as an .xlsx file. Throws RangeError when a row's width differs from the headers'. */
export async function toXlsx(sheetName: string, headers: ReadonlyArray<string>, rows: ReadonlyArray<ReadonlyArray<ExportCell>>): Promise<Buffer> {
  checkTableShape(headers, rows);
  const workbook = new Workbook();
  workbook.creator = 'land-trading-platform';
  const sheet = workbook.addWorksheet(sanitizeSheetName(sheetName), { views: [{ state: 'frozen', ySplit: 1 }] });

  const widths = headers.map((h) => displayWidth(h));
  const headerRow = sheet.addRow([...headers]);
  headerRow.font = { bold: true };

  for (const row of rows) {
    const excelRow = sheet.addRow([]);
    row.forEach((cell, index) => {
      if (cell === null || cell === undefined) return;
      const text = cellText(cell);
      // grouping separators widen a formatted amount
      widths[index] = Math.max(widths[index], displayWidth(text) + (isNumericCell(cell) ? Math.floor(text.length / 3) : 0));
      writeCell(excelRow.getCell(index + 1), cell, text);
    });
  }
  widths.forEach((w, i) => {
    sheet.getColumn(i + 1).width = Math.min(Math.max(w + 2, 8), 60);
  });
  const out = await workbook.xlsx.writeBuffer();
  return Buffer.from(out as ArrayBuffer);
}
