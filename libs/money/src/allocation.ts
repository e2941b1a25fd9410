import { DomainError } from '@app/common/domain-error';
import { Decimal, DecimalErrorCode, isDecimal } from './decimal';

/** Anything with a decimal value that can serve as an allocation weight (Money, Area, Ratio). */
export interface HasDecimal {
  toDecimal(): Decimal;
}
export type AllocationWeight = Decimal | HasDecimal;

function weightToDecimal(weight: AllocationWeight): Decimal {
  return isDecimal(weight) ? new Decimal(weight) : weight.toDecimal();
}

/**
 * Splits the integer `units` (e.g. a number of fen) in proportion to `weights` with the largest-remainder
 * (Hamilton) method, in exact integer arithmetic: each part first gets ⌊units × wᵢ / Σw⌋, then the units
 * left over go one by one to the parts with the largest remainders; ties go to the earlier part.
 * The parts always add up to `units` exactly and each differs from its exact share by less than one unit.
 *
 * Weights must be finite and non-negative, and not all zero. `units` may be negative: the magnitude is
 * allocated and every part gets the sign.
 */
export function allocateUnits(units: bigint, weights: ReadonlyArray<AllocationWeight>): bigint[] {
  if (weights.length === 0) {
    throw new DomainError(DecimalErrorCode.INVALID_ALLOCATION, 'cannot allocate over an empty list of weights');
  }
  const decimals = weights.map(weightToDecimal);
  for (const w of decimals) {
    if (!w.isFinite() || w.isNegative()) {
      throw new DomainError(DecimalErrorCode.INVALID_ALLOCATION, 'allocation weights must be finite and not negative');
    }
  }
  const places = Math.max(...decimals.map((w) => w.decimalPlaces()));
  const scaled = decimals.map((w) => BigInt(w.times(new Decimal('10').pow(places)).toFixed(0)));
  const total = scaled.reduce((a, b) => a + b, 0n);
  if (total === 0n) {
    throw new DomainError(DecimalErrorCode.INVALID_ALLOCATION, 'allocation weights must not all be zero');
  }

  const negative = units < 0n;
  const magnitude = negative ? -units : units;
  const parts = scaled.map((w) => (magnitude * w) / total);
  const remainders = scaled.map((w, index) => ({ index, remainder: (magnitude * w) % total }));
  let left = magnitude - parts.reduce((a, b) => a + b, 0n);
  remainders.sort((a, b) => (a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1));
  for (const { index } of remainders) {
    if (left === 0n) break;
    parts[index] += 1n;
    left -= 1n;
  }
  return negative ? parts.map((p) => -p) : parts;
}
