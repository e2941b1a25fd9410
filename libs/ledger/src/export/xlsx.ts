import { Workbook } from 'exceljs';
import { cellText, checkTableShape, isNumericCell, type ExportCell } from './cells';

/**
 * XLSX export (exceljs), one sheet with a bold, frozen header row.
 *
 * Decisions:
 * - **Amounts are written as text** ("12500000.00", right-aligned, number format "@"), never as
 *   numbers. exceljs only takes JS numbers, and both JS numbers and Excel itself keep 15–17
 *   significant digits, while an amount of NUMERIC(18,2) can have 18: writing numbers could change an
 *   amount. Text keeps every fen; a user who needs sums in Excel can use VALUE(). The same goes for
 *   Area, Ratio and Decimal cells.
 * - Whole counts (safe-integer JS numbers) are written as numbers.
 * - Text is stored as text (shared strings), so a value starting with "=" is shown, never evaluated:
 *   XLSX needs no formula-injection prefix and none is added (the data stays exact).
 * - Dates are text in Beijing time ("2025-10-14 09:58:31"), avoiding Excel's zone-less date serials.
 * - The sheet name is made valid for Excel: `[]:*?/\` become "_", at most 31 characters, "Sheet1"
 *   when empty.
 */

const MAX_SHEET_NAME = 31;

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
      const target = excelRow.getCell(index + 1);
      if (cell === null || cell === undefined) return;
      const text = cellText(cell);
      widths[index] = Math.max(widths[index], displayWidth(text));
      if (typeof cell === 'number') {
        target.value = cell; // a safe integer (count): cellText has checked it
        target.numFmt = '0';
      } else if (isNumericCell(cell)) {
        target.value = text;
        target.numFmt = '@';
        target.alignment = { horizontal: 'right' };
      } else {
        target.value = text;
      }
    });
  }
  widths.forEach((w, i) => {
    sheet.getColumn(i + 1).width = Math.min(Math.max(w + 2, 8), 60);
  });
  const out = await workbook.xlsx.writeBuffer();
  return Buffer.from(out as ArrayBuffer);
}
