import { Decimal } from '@app/money/decimal';

/** A joint group's share as the API takes it: a percentage with at most two decimal places ("33.34"). */
export const SHARE_PATTERN = /^(100(\.0{1,2})?|\d{1,2}(\.\d{1,2})?)$/;

export function isShare(text: string | undefined): text is string {
  return text !== undefined && SHARE_PATTERN.test(text.trim());
}

/** The exact sum of the well-formed shares, as "100.00" (decimal arithmetic: 33.33 + 33.33 + 33.34 is 100.00). */
export function sumShares(shares: ReadonlyArray<string | undefined>): string {
  return shares
    .filter(isShare)
    .reduce((sum, s) => sum.plus(new Decimal(s.trim())), new Decimal(0))
    .toFixed(2);
}
