import { cellText, checkTableShape, isNumericCell, type ExportCell } from './cells';

/**
 * CSV export for Excel and for machines (RFC 4180):
 * - UTF-8 with a BOM (EF BB BF) so that Excel opens Chinese text correctly; records end with CRLF,
 *   the last one included;
 * - a field is quoted when it contains a comma, a double quote, CR or LF; quotes inside are doubled;
 * - **formula injection** (CSV injection): a *text* cell whose first character is `=`, `+`, `-`, `@`,
 *   TAB or CR is prefixed with a single quote `'`, so a spreadsheet shows it as text instead of
 *   running it — except text that is a plain decimal number (`-12.50`, `-3`: `/^-?\d+(\.\d+)?$/`),
 *   which no spreadsheet can read as a formula. Numeric cells (Money, Area, Ratio, Decimal, counts) are
 *   never prefixed: "-12.50" from a Money stays "-12.50". Headers follow the same rule as text.
 *   The quote is visible when the file is read by a program: that is the accepted cost (OWASP).
 * - Long digit strings (bank account numbers) are written as they are; Excel may show them in
 *   scientific notation — use the XLSX export, which stores them as text, when that matters.
 */

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;
const NEEDS_QUOTES = /[",\r\n]/;

/** Prefixes `'` to text a spreadsheet would read as a formula (see the module notes). */
export function neutralizeFormula(text: string): string {
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
}

/** One field as written in the file: formula-neutralised (text only) and quoted when needed. */
export function csvField(cell: ExportCell): string {
  const raw = cellText(cell);
  const text = isNumericCell(cell) ? raw : neutralizeFormula(raw);
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export interface CsvOptions {
  /** Default true: start with a UTF-8 BOM (for Excel). */
  readonly bom?: boolean;
}

/** The table as CSV bytes (UTF-8, BOM, CRLF). Throws RangeError when a row's width differs from the headers'. */
export function toCsv(headers: ReadonlyArray<string>, rows: ReadonlyArray<ReadonlyArray<ExportCell>>, opts: CsvOptions = {}): Buffer {
  checkTableShape(headers, rows);
  const lines = [headers.map((h) => csvField(h)).join(','), ...rows.map((row) => row.map((c) => csvField(c)).join(','))];
  const body = Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8');
  return opts.bom === false ? body : Buffer.concat([UTF8_BOM, body]);
}
