import { DomainError } from '@app/common/domain-error';
import { type AllocationWeight, allocateUnits } from './allocation';
import { toChineseCapital } from './chinese-capital';
import { Decimal, DecimalErrorCode, groupThousands, isDecimal, normalizeZero, roundHalfUp } from './decimal';
import { decimalWithScale, parseDecimalString, rejectNumber } from './parse-decimal';
import type { Ratio } from './ratio';

/** Money is in yuan with 2 decimal places (fen). */
export const MONEY_SCALE = 2;
/** Default column: NUMERIC(18,2), i.e. up to 9999999999999999.99 yuan. */
export const MONEY_PRECISION = 18;
export const MONEY_EXAMPLE = '12500000.00';

/** Options for parsing an amount that comes from outside (request body, import file). */
export interface MoneyParseOptions {
  /** Default false: "-0.01" and "-0" are rejected with NEGATIVE_NOT_ALLOWED. */
  allowNegative?: boolean;
  /** Inclusive bounds as decimal strings, e.g. min "0.01". */
  min?: string;
  max?: string;
  /** NUMERIC precision of the target column; default 18. */
  precision?: number;
}

const FEN_PER_YUAN = new Decimal('100');
const YUAN_PER_WAN = new Decimal('10000');

/**
 * An immutable amount of yuan with exactly 2 decimal places. Never a JS number: it is built from
 * strings ("12500000.00") or Decimals, stored as NUMERIC, serialised as a string.
 * Sums and differences are exact; the only operations that round are {@link Money.multiply} and the
 * formatters, always ROUND_HALF_UP through {@link roundHalfUp}.
 */
export class Money {
  private constructor(private readonly amount: Decimal) {
    Object.freeze(this);
  }

  /**
   * Parses an amount from outside: a string such as "12500000.00" (at most 2 places, NUMERIC(18,2)).
   * Throws a DomainError naming `field` (INVALID_DECIMAL, TOO_MANY_DECIMAL_PLACES,
   * NEGATIVE_NOT_ALLOWED unless opts.allowNegative, OUT_OF_RANGE).
   */
  static parse(value: unknown, field?: string, opts: MoneyParseOptions = {}): Money {
    return new Money(
      parseDecimalString(value, {
        field,
        scale: MONEY_SCALE,
        precision: opts.precision ?? MONEY_PRECISION,
        allowNegative: opts.allowNegative,
        min: opts.min,
        max: opts.max,
        example: MONEY_EXAMPLE,
      }),
    );
  }

  /**
   * Wraps a value computed in code. It must already have at most 2 places (round explicitly with
   * roundHalfUp first); negatives are allowed. A string must be in strict decimal notation.
   */
  static of(value: Decimal | string): Money {
    return new Money(decimalWithScale(value, MONEY_SCALE, 'Money'));
  }

  /** Builds Money from an integer number of fen (分). */
  static fromFen(fen: bigint): Money {
    return new Money(normalizeZero(new Decimal(fen.toString()).div(FEN_PER_YUAN)));
  }

  static zero(): Money {
    return new Money(new Decimal('0'));
  }

  /** Exact sum; the sum of an empty list is zero. */
  static sum(list: Iterable<Money>): Money {
    let total = new Decimal('0');
    for (const m of list) total = total.plus(m.amount);
    return new Money(normalizeZero(total));
  }

  static isMoney(value: unknown): value is Money {
    return value instanceof Money;
  }

  add(other: Money): Money {
    return new Money(normalizeZero(this.amount.plus(other.amount)));
  }

  subtract(other: Money): Money {
    return new Money(normalizeZero(this.amount.minus(other.amount)));
  }

  negate(): Money {
    return new Money(normalizeZero(this.amount.negated()));
  }

  abs(): Money {
    return new Money(this.amount.abs());
  }

  /**
   * `this × factor`, rounded to the fen with ROUND_HALF_UP (the product itself is exact: 18 digits ×
   * a ratio's digits stays well within 40 significant digits). E.g. a 20% deposit:
   * `startPrice.multiply(Ratio.fromPercentString("20"))`.
   */
  multiply(factor: Ratio | Decimal): Money {
    rejectNumber(factor, 'Money.multiply');
    const f = isDecimal(factor) ? new Decimal(factor) : factor.toDecimal();
    return new Money(roundHalfUp(this.amount.times(f), MONEY_SCALE));
  }

  /**
   * Splits this amount in proportion to `weights` (Ratios, Decimals, Money, Areas) fen by fen with the
   * largest-remainder method: the parts always add up exactly to this amount, each part is within one
   * fen of its exact share, and ties go to the earlier part (deterministic).
   */
  allocate(weights: ReadonlyArray<AllocationWeight>): Money[] {
    return allocateUnits(this.toFen(), weights).map((fen) => Money.fromFen(fen));
  }

  /** Splits into `n` parts that differ by at most one fen and add up exactly; larger parts come first. */
  split(n: number): Money[] {
    if (!Number.isSafeInteger(n) || n < 1) {
      throw new DomainError(DecimalErrorCode.INVALID_ALLOCATION, `cannot split into ${String(n)} parts`);
    }
    const one = new Decimal('1');
    return this.allocate(Array.from({ length: n }, () => one));
  }

  /** The amount as an integer number of fen. */
  toFen(): bigint {
    return BigInt(this.amount.times(FEN_PER_YUAN).toFixed(0));
  }

  compare(other: Money): -1 | 0 | 1 {
    const c = this.amount.comparedTo(other.amount);
    return c < 0 ? -1 : c > 0 ? 1 : 0;
  }

  eq(other: Money): boolean {
    return this.amount.eq(other.amount);
  }

  lt(other: Money): boolean {
    return this.amount.lt(other.amount);
  }

  lte(other: Money): boolean {
    return this.amount.lte(other.amount);
  }

  gt(other: Money): boolean {
    return this.amount.gt(other.amount);
  }

  gte(other: Money): boolean {
    return this.amount.gte(other.amount);
  }

  isZero(): boolean {
    return this.amount.isZero();
  }

  isNegative(): boolean {
    return this.amount.isNegative() && !this.amount.isZero();
  }

  isPositive(): boolean {
    return this.amount.isPositive() && !this.amount.isZero();
  }

  /** Always two places: "1250.00", "-0.50". This is the NUMERIC and JSON form. */
  toString(): string {
    return this.amount.toFixed(MONEY_SCALE);
  }

  /** JSON carries money as a string: "12500000.00". */
  toJSON(): string {
    return this.toString();
  }

  toDecimal(): Decimal {
    return this.amount;
  }

  /** "12,500,000.00元" */
  formatYuan(): string {
    return `${groupThousands(this.toString())}元`;
  }

  /** In 万元, rounded ROUND_HALF_UP to `places` (default 4): 12500000.00 → "1250.0000万元". */
  formatWanYuan(places = 4): string {
    return `${roundHalfUp(this.amount.div(YUAN_PER_WAN), places).toFixed(places)}万元`;
  }

  /** 中文大写金额 as on contracts: 12500000.00 → "壹仟贰佰伍拾万元整"; see {@link toChineseCapital}. */
  toChineseCapital(): string {
    return toChineseCapital(this.amount);
  }
}
