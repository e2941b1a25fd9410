import BaseDecimal from 'decimal.js';
import { DomainError } from '@app/common/domain-error';

/**
 * The one Decimal constructor used for money, areas and ratios.
 *
 * - `precision: 40` significant digits is far more than any NUMERIC column we store (at most 18 digits),
 *   so additions, subtractions and the multiplications we do (≤ 18 digits × ≤ 9 digits) are exact.
 * - `rounding: ROUND_HALF_UP` is the only rounding mode of the platform (四舍五入).
 * - `toExpNeg/toExpPos` are pushed out so `toString()` never prints an exponent such as "1e+21".
 *
 * Never construct a `Decimal` from a JS number in this codebase: amounts arrive as strings.
 */
export const Decimal = BaseDecimal.clone({
  precision: 40,
  rounding: BaseDecimal.ROUND_HALF_UP,
  toExpNeg: -9e15,
  toExpPos: 9e15,
});
export type Decimal = BaseDecimal;

/** Same digits, but quotients are truncated: see {@link divideHalfUp} for why. */
const TruncatingDecimal = BaseDecimal.clone({
  precision: 40,
  rounding: BaseDecimal.ROUND_DOWN,
  toExpNeg: -9e15,
  toExpPos: 9e15,
});

/** Stable machine codes of the errors raised by this library (mapped to HTTP statuses elsewhere). */
export const DecimalErrorCode = {
  INVALID_DECIMAL: 'INVALID_DECIMAL',
  TOO_MANY_DECIMAL_PLACES: 'TOO_MANY_DECIMAL_PLACES',
  NEGATIVE_NOT_ALLOWED: 'NEGATIVE_NOT_ALLOWED',
  OUT_OF_RANGE: 'OUT_OF_RANGE',
  DIVISION_BY_ZERO: 'DIVISION_BY_ZERO',
  INVALID_ALLOCATION: 'INVALID_ALLOCATION',
} as const;
export type DecimalErrorCode = (typeof DecimalErrorCode)[keyof typeof DecimalErrorCode];

function assertPlaces(places: number): void {
  if (!Number.isInteger(places) || places < 0 || places > 20) {
    throw new RangeError(`places must be an integer between 0 and 20, got ${String(places)}`);
  }
}

/** Turns "-0" into "0" so nothing ever prints "-0.00". */
export function normalizeZero(d: Decimal): Decimal {
  return d.isZero() ? new Decimal('0') : d;
}

/**
 * THE rounding rule of the platform: round `d` to `places` decimal places, half away from zero
 * (ROUND_HALF_UP: 2.345 → 2.35, -2.345 → -2.35). Every rounded figure goes through here.
 */
export function roundHalfUp(d: Decimal, places: number): Decimal {
  assertPlaces(places);
  return normalizeZero(new Decimal(d).toDecimalPlaces(places, Decimal.ROUND_HALF_UP));
}

/**
 * `dividend ÷ divisor`, rounded once with {@link roundHalfUp} to `places` decimal places.
 *
 * The quotient is first computed to 40 significant digits *truncated* (never rounded), then rounded
 * half-up. Truncation can never move a quotient across the ".5" boundary of the final place, so the
 * result is exactly what rounding the true (possibly non-terminating) quotient would give — no double
 * rounding. Throws DIVISION_BY_ZERO (naming `field` if given) when the divisor is zero.
 */
export function divideHalfUp(dividend: Decimal, divisor: Decimal, places: number, field?: string): Decimal {
  if (divisor.isZero()) {
    throw new DomainError(
      DecimalErrorCode.DIVISION_BY_ZERO,
      `${field ?? 'value'} cannot be computed: division by zero`,
      field,
    );
  }
  const truncated = new TruncatingDecimal(dividend).div(new TruncatingDecimal(divisor));
  return roundHalfUp(new Decimal(truncated), places);
}

/** True for a Decimal from any decimal.js constructor (ours, the default one, another clone). */
export function isDecimal(value: unknown): value is Decimal {
  return BaseDecimal.isDecimal(value);
}

/** "12500000.00" → "12,500,000.00" (the sign and the fraction are kept as they are). */
export function groupThousands(fixed: string): string {
  const negative = fixed.startsWith('-');
  const body = negative ? fixed.slice(1) : fixed;
  const [intPart, fraction] = body.split('.');
  const grouped = intPart.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '-' : ''}${grouped}${fraction === undefined ? '' : `.${fraction}`}`;
}
