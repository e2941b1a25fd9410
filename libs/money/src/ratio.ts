import { DomainError } from '@app/common/domain-error';
import { Decimal, DecimalErrorCode, normalizeZero, roundHalfUp } from './decimal';
import { decimalWithScale, parseDecimalString } from './parse-decimal';

/** Default ratio column: NUMERIC(9,4), e.g. 容积率 "2.5000", a share "0.3333". */
export const RATIO_SCALE = 4;
export const RATIO_PRECISION = 9;

export interface RatioParseOptions {
  /** Decimal places allowed (and kept in toString); default 4. */
  scale?: number;
  /** NUMERIC precision of the target column; default 9. */
  precision?: number;
  /** Default false. */
  allowNegative?: boolean;
  min?: string;
  max?: string;
}

const HUNDRED = new Decimal('100');
const ONE = new Decimal('1');

export function ratioExample(scale: number): string {
  return scale > 0 ? `2.${'5'.padEnd(scale, '0')}` : '2';
}

function checkScale(scale: number): void {
  if (!Number.isInteger(scale) || scale < 0 || scale > 20) {
    throw new RangeError(`ratio scale must be an integer between 0 and 20, got ${String(scale)}`);
  }
}

/**
 * An immutable dimensionless ratio with a fixed number of decimal places (default 4): plot ratio
 * 容积率 "2.5000", a share "0.3333", a premium rate "0.2500" (= 25%). Printed with exactly `scale` places.
 */
export class Ratio {
  private constructor(
    private readonly value: Decimal,
    readonly scale: number,
  ) {
    Object.freeze(this);
  }

  /** Parses "2.5000" (at most `scale` places, NUMERIC(precision, scale)); DomainError names `field`. */
  static parse(value: unknown, field?: string, opts: RatioParseOptions = {}): Ratio {
    const scale = opts.scale ?? RATIO_SCALE;
    checkScale(scale);
    return new Ratio(
      parseDecimalString(value, {
        field,
        scale,
        precision: opts.precision ?? RATIO_PRECISION,
        allowNegative: opts.allowNegative,
        min: opts.min,
        max: opts.max,
        example: ratioExample(scale),
      }),
      scale,
    );
  }

  /**
   * Parses a percentage such as "33.33" into the ratio 0.3333. The percentage may have at most
   * `scale - 2` places so the ratio fits `scale` exactly; min/max apply to the percentage.
   */
  static fromPercentString(value: unknown, field?: string, opts: RatioParseOptions = {}): Ratio {
    const scale = opts.scale ?? RATIO_SCALE;
    checkScale(scale);
    const percentScale = Math.max(scale - 2, 0);
    const percent = parseDecimalString(value, {
      field,
      scale: percentScale,
      precision: opts.precision ?? RATIO_PRECISION,
      allowNegative: opts.allowNegative,
      min: opts.min,
      max: opts.max,
      example: percentScale > 0 ? `33.${'3'.repeat(percentScale)}` : '33',
    });
    const ratio = percent.div(HUNDRED);
    if (ratio.decimalPlaces() > scale) {
      // only possible when scale < 2
      throw new DomainError(
        DecimalErrorCode.TOO_MANY_DECIMAL_PLACES,
        `${field ?? 'value'} as a ratio would need more than ${scale} decimal places`,
        field,
      );
    }
    return new Ratio(normalizeZero(ratio), scale);
  }

  /** Wraps a value computed in code; it must already have at most `scale` places. */
  static of(value: Decimal | string, scale: number = RATIO_SCALE): Ratio {
    checkScale(scale);
    return new Ratio(decimalWithScale(value, scale, 'Ratio'), scale);
  }

  static zero(scale: number = RATIO_SCALE): Ratio {
    checkScale(scale);
    return new Ratio(new Decimal('0'), scale);
  }

  static one(scale: number = RATIO_SCALE): Ratio {
    checkScale(scale);
    return new Ratio(new Decimal('1'), scale);
  }

  /** Exact sum, with the largest scale of the terms (or `scale` for an empty list). */
  static sum(list: Iterable<Ratio>, scale: number = RATIO_SCALE): Ratio {
    let total = Ratio.zero(scale);
    let first = true;
    for (const r of list) {
      total = first ? r : total.add(r);
      first = false;
    }
    return total;
  }

  static isRatio(value: unknown): value is Ratio {
    return value instanceof Ratio;
  }

  /** Exact; the result keeps the larger scale. */
  add(other: Ratio): Ratio {
    return new Ratio(normalizeZero(this.value.plus(other.value)), Math.max(this.scale, other.scale));
  }

  subtract(other: Ratio): Ratio {
    return new Ratio(normalizeZero(this.value.minus(other.value)), Math.max(this.scale, other.scale));
  }

  compare(other: Ratio): -1 | 0 | 1 {
    const c = this.value.comparedTo(other.value);
    return c < 0 ? -1 : c > 0 ? 1 : 0;
  }

  /** Numeric equality: 0.5 equals 0.5000 whatever the scales. */
  eq(other: Ratio): boolean {
    return this.value.eq(other.value);
  }

  lt(other: Ratio): boolean {
    return this.value.lt(other.value);
  }

  lte(other: Ratio): boolean {
    return this.value.lte(other.value);
  }

  gt(other: Ratio): boolean {
    return this.value.gt(other.value);
  }

  gte(other: Ratio): boolean {
    return this.value.gte(other.value);
  }

  isZero(): boolean {
    return this.value.isZero();
  }

  isNegative(): boolean {
    return this.value.isNegative() && !this.value.isZero();
  }

  /** Exactly 1 (e.g. shares of a consortium must add up to one). */
  equalsOne(): boolean {
    return this.value.eq(ONE);
  }

  /** Exactly `scale` places: "2.5000". */
  toString(): string {
    return this.value.toFixed(this.scale);
  }

  toJSON(): string {
    return this.toString();
  }

  toDecimal(): Decimal {
    return this.value;
  }

  /**
   * As a percentage without the sign, rounded ROUND_HALF_UP to `places` (default `scale - 2`, i.e. 2):
   * 0.3333 → "33.33", 0.25 → "25.00".
   */
  toPercentString(places: number = Math.max(this.scale - 2, 0)): string {
    return roundHalfUp(this.value.times(HUNDRED), places).toFixed(places);
  }

  /** "33.33%" */
  formatPercent(places: number = Math.max(this.scale - 2, 0)): string {
    return `${this.toPercentString(places)}%`;
  }
}
