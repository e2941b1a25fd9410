/**
 * A small RFC 4180 CSV reader for decoded text (bank statements). Pure and forgiving only where the
 * meaning stays clear:
 * - records end at LF, CRLF or a lone CR; a line break inside a quoted field belongs to the field
 *   (and is returned as LF);
 * - a quoted field may contain commas and doubled quotes (`"a ""b"", c"` → `a "b", c`);
 * - a quote inside an unquoted field is kept as a literal character (`12" pipe`);
 * - text after a closing quote (`"abc"def`) is CSV_MALFORMED_QUOTE; a quote never closed is
 *   CSV_UNTERMINATED_QUOTE (both name the line where the record starts).
 * Cells are returned exactly as written (no trimming). The delimiter is the comma.
 */

export interface CsvRecord {
  /** 1-based physical line number on which the record starts. */
  readonly line: number;
  readonly cells: ReadonlyArray<string>;
}

export interface CsvSyntaxError {
  readonly line: number;
  readonly code: 'CSV_UNTERMINATED_QUOTE' | 'CSV_MALFORMED_QUOTE';
  readonly message: string;
}

/** Splits `text` into records. Stops after `maxRecords` records when given (the rest is not read). */
export function readCsv(text: string, maxRecords = Number.POSITIVE_INFINITY): { records: CsvRecord[]; errors: CsvSyntaxError[] } {
  const src = text.replace(/\r\n?/g, '\n');
  const n = src.length;
  const records: CsvRecord[] = [];
  const errors: CsvSyntaxError[] = [];
  let i = 0;
  let line = 1;
  while (i < n && records.length < maxRecords) {
    const recordLine = line;
    const cells: string[] = [];
    for (;;) {
      if (src[i] === '"') {
        let value = '';
        let j = i + 1;
        let closed = false;
        while (j < n) {
          const q = src.indexOf('"', j);
          if (q === -1) break;
          value += src.slice(j, q);
          if (src[q + 1] === '"') {
            value += '"';
            j = q + 2;
          } else {
            j = q + 1;
            closed = true;
            break;
          }
        }
        if (!closed) {
          value += src.slice(j);
          errors.push({
            line: recordLine,
            code: 'CSV_UNTERMINATED_QUOTE',
            message: `line ${recordLine}: a quoted field is never closed`,
          });
          line += countNewlines(src, i, n);
          i = n;
          cells.push(value);
          break;
        }
        line += countNewlines(src, i, j);
        i = j;
        if (i < n && src[i] !== ',' && src[i] !== '\n') {
          errors.push({
            line: recordLine,
            code: 'CSV_MALFORMED_QUOTE',
            message: `line ${recordLine}: unexpected text after a closing quote; a quote inside a quoted field must be doubled ("")`,
          });
          const end = nextDelimiter(src, i);
          value += src.slice(i, end);
          i = end;
        }
        cells.push(value);
      } else {
        const end = nextDelimiter(src, i);
        cells.push(src.slice(i, end));
        i = end;
      }
      if (i < n && src[i] === ',') {
        i += 1;
        continue;
      }
      // end of record: a newline or the end of the text
      if (i < n) {
        i += 1;
        line += 1;
      }
      break;
    }
    records.push({ line: recordLine, cells });
  }
  return { records, errors };
}

function nextDelimiter(src: string, from: number): number {
  for (let k = from; k < src.length; k++) {
    const c = src[k];
    if (c === ',' || c === '\n') return k;
  }
  return src.length;
}

function countNewlines(src: string, from: number, to: number): number {
  let count = 0;
  for (let k = from; k < to; k++) if (src[k] === '\n') count += 1;
  return count;
}
