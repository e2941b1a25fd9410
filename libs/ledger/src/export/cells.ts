import { Area } from '@app/money/area';
import { isDecimal, type Decimal } from '@app/money/decimal';
import { Money } from '@app/money/money';
import { Ratio } from '@app/money/ratio';

/** A ratio shown to people as a percentage: "25.00%" in CSV, 0.25 formatted `0.00%` in XLSX. */
export class PercentCell {
  constructor(readonly ratio: Ratio) {
    Object.freeze(this);
  }
}

/** Marks a ratio (premium rate, share) to be shown as a percentage. */
export function percent(ratio: Ratio): PercentCell {
  return new PercentCell(ratio);
}

/**
 * A cell of an exported table. Amounts are Money (or Area, Ratio, Decimal) and are written from their
 * exact decimal strings; JS numbers are only for whole counts (a fractional number is refused so that
 * an amount can never slip through as a float).
 */
export type ExportCell = string | number | bigint | Money | Area | Ratio | PercentCell | Decimal | Date | null | undefined;

/** True for cells that hold a number (amount, count, rate), as opposed to text. */
export function isNumericCell(cell: ExportCell): boolean {
  return (
    typeof cell === 'number' ||
    typeof cell === 'bigint' ||
    Money.isMoney(cell) ||
    Area.isArea(cell) ||
    Ratio.isRatio(cell) ||
    cell instanceof PercentCell ||
    isDecimal(cell)
  );
}

/** "2025-10-14 09:58:31", the Beijing wall-clock time (+08:00) of an instant. */
export function formatShanghaiDateTime(at: Date): string {
  if (Number.isNaN(at.getTime())) throw new RangeError('cannot export an invalid Date');
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');
}

/**
 * The exact text of a cell: Money/Area/Ratio with their fixed places ("12500000.00", "0.2500"), a
 * percentage with the ratio's places less two ("25.00%"), a Decimal in plain notation, a Date in
 * Beijing time, null/undefined as ''. Throws RangeError for a
 * number that is not a safe integer.
 */
export function cellText(cell: ExportCell): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'string') return cell;
  if (typeof cell === 'number') {
    if (!Number.isSafeInteger(cell)) {
      throw new RangeError(`export cells take JS numbers only for whole counts, got ${String(cell)}; pass amounts as Money`);
    }
    return String(cell);
  }
  if (typeof cell === 'bigint') return cell.toString();
  if (cell instanceof Date) return formatShanghaiDateTime(cell);
  if (Money.isMoney(cell) || Area.isArea(cell) || Ratio.isRatio(cell)) return cell.toString();
  if (cell instanceof PercentCell) return cell.ratio.formatPercent();
  if (isDecimal(cell)) return cell.toFixed();
  throw new RangeError(`unsupported export cell ${Object.prototype.toString.call(cell)}`);
}

/** Checks every row has as many cells as there are headers (RangeError naming the row otherwise). */
export function checkTableShape(headers: ReadonlyArray<string>, rows: ReadonlyArray<ReadonlyArray<ExportCell>>): void {
  if (headers.length === 0) throw new RangeError('an export needs at least one column');
  rows.forEach((row, i) => {
    if (row.length !== headers.length) {
      throw new RangeError(`row ${i + 1} has ${row.length} cells but there are ${headers.length} headers`);
    }
  });
}
