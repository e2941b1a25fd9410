import { Decimal, groupThousands, normalizeZero, roundHalfUp } from './decimal';
import { decimalWithScale, parseDecimalString } from './parse-decimal';

/** Areas are in square metres (㎡) with 2 decimal places. */
export const AREA_SCALE = 2;
/** Default column: NUMERIC(16,2), i.e. up to 99999999999999.99 ㎡. */
export const AREA_PRECISION = 16;
export const AREA_EXAMPLE = '35000.00';
/** Places of {@link Area.toMu}. */
export const MU_PLACES = 4;

/** 1 亩 = 10000/15 ㎡, so ㎡ → 亩 is × 15 ÷ 10000 (exact, then rounded). */
const MU_NUMERATOR = new Decimal('15');
const MU_DENOMINATOR = new Decimal('10000');

export interface AreaParseOptions {
  /** Default false. */
  allowNegative?: boolean;
  min?: string;
  max?: string;
  /** NUMERIC precision of the target column; default 16. */
  precision?: number;
}

/** An immutable land or floor area in ㎡ with exactly 2 decimal places; never a JS number. */
export class Area {
  private constructor(private readonly squareMetres: Decimal) {
    Object.freeze(this);
  }

  /** Parses "35000.00" (at most 2 places, NUMERIC(16,2)); DomainError names `field`. */
  static parse(value: unknown, field?: string, opts: AreaParseOptions = {}): Area {
    return new Area(
      parseDecimalString(value, {
        field,
        scale: AREA_SCALE,
        precision: opts.precision ?? AREA_PRECISION,
        allowNegative: opts.allowNegative,
        min: opts.min,
        max: opts.max,
        example: AREA_EXAMPLE,
      }),
    );
  }

  /** Wraps a value computed in code; it must already have at most 2 places. */
  static of(value: Decimal | string): Area {
    return new Area(decimalWithScale(value, AREA_SCALE, 'Area'));
  }

  static zero(): Area {
    return new Area(new Decimal('0'));
  }

  /** Exact sum; the sum of an empty list is zero. */
  static sum(list: Iterable<Area>): Area {
    let total = new Decimal('0');
    for (const a of list) total = total.plus(a.squareMetres);
    return new Area(normalizeZero(total));
  }

  static isArea(value: unknown): value is Area {
    return value instanceof Area;
  }

  add(other: Area): Area {
    return new Area(normalizeZero(this.squareMetres.plus(other.squareMetres)));
  }

  subtract(other: Area): Area {
    return new Area(normalizeZero(this.squareMetres.minus(other.squareMetres)));
  }

  compare(other: Area): -1 | 0 | 1 {
    const c = this.squareMetres.comparedTo(other.squareMetres);
    return c < 0 ? -1 : c > 0 ? 1 : 0;
  }

  eq(other: Area): boolean {
    return this.squareMetres.eq(other.squareMetres);
  }

  lt(other: Area): boolean {
    return this.squareMetres.lt(other.squareMetres);
  }

  lte(other: Area): boolean {
    return this.squareMetres.lte(other.squareMetres);
  }

  gt(other: Area): boolean {
    return this.squareMetres.gt(other.squareMetres);
  }

  gte(other: Area): boolean {
    return this.squareMetres.gte(other.squareMetres);
  }

  isZero(): boolean {
    return this.squareMetres.isZero();
  }

  isNegative(): boolean {
    return this.squareMetres.isNegative() && !this.squareMetres.isZero();
  }

  /** Always two places: "35000.00". This is the NUMERIC and JSON form. */
  toString(): string {
    return this.squareMetres.toFixed(AREA_SCALE);
  }

  toJSON(): string {
    return this.toString();
  }

  toDecimal(): Decimal {
    return this.squareMetres;
  }

  /** "35,000.00㎡" */
  formatSquareMetres(): string {
    return `${groupThousands(this.toString())}㎡`;
  }

  /** In 亩 (1 亩 = 10000/15 ㎡), rounded ROUND_HALF_UP to 4 places: 6666.67㎡ → 10.0000. */
  toMu(): Decimal {
    return roundHalfUp(this.squareMetres.times(MU_NUMERATOR).div(MU_DENOMINATOR), MU_PLACES);
  }
}
