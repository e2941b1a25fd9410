import { DomainError } from '@app/common/domain-error';
import { Decimal, DecimalErrorCode, isDecimal, normalizeZero } from './decimal';

/** How a decimal string is checked before it becomes a {@link Decimal}. */
export interface DecimalParseOptions {
  /** Name of the input, used in messages and as the DomainError field (e.g. "price", "terms.deposit"). */
  field?: string;
  /** Maximum number of decimal places (the column's NUMERIC scale). */
  scale: number;
  /** Total significant digits of the column (NUMERIC precision): at most `precision - scale` integer digits. */
  precision: number;
  /** Negative values (including "-0") are rejected unless this is true. Default false. */
  allowNegative?: boolean;
  /** Inclusive lower bound, as a decimal string. */
  min?: string;
  /** Inclusive upper bound, as a decimal string. */
  max?: string;
  /** Example used in messages; defaults to "12500000" followed by `scale` zeros after the point. */
  example?: string;
}

/** Longest input looked at; anything longer is rejected before the regular expression runs. */
export const MAX_DECIMAL_INPUT_LENGTH = 64;

/** Plain decimal notation only: optional "-", no leading zeros, no exponent, no bare "." at either end. */
const DECIMAL_PATTERN = /^-?(0|[1-9]\d*)(\.\d+)?$/;

/** Example shown in messages for a field with `scale` decimal places: "12500000.00" for scale 2. */
export function exampleFor(scale: number): string {
  return scale > 0 ? `12500000.${'0'.repeat(scale)}` : '12500000';
}

function subject(field: string | undefined): string {
  return field ?? 'value';
}

function placesPhrase(scale: number): string {
  if (scale === 0) return 'no decimal places';
  return `at most ${scale} ${scale === 1 ? 'place' : 'places'}`;
}

/** `price must be a decimal string with at most 2 places, like "12500000.00"` */
export function decimalFormatMessage(opts: Pick<DecimalParseOptions, 'field' | 'scale' | 'example'>): string {
  const example = opts.example ?? exampleFor(opts.scale);
  return `${subject(opts.field)} must be a decimal string with ${placesPhrase(opts.scale)}, like "${example}"`;
}

/**
 * The string a client should have sent instead of a JSON number: 1250000 → "1250000.00".
 * Falls back to the generic example when the number cannot be shown faithfully.
 */
export function suggestionForNumber(value: number, scale: number, example?: string): string {
  if (Number.isFinite(value) && Math.abs(value) < 1e15) {
    const text = value.toFixed(scale);
    if (DECIMAL_PATTERN.test(text)) return text;
  }
  return example ?? exampleFor(scale);
}

function fail(code: DecimalErrorCode, message: string, field: string | undefined): never {
  throw new DomainError(code, message, field);
}

/**
 * Strict parser for money, area and ratio inputs. Accepts only a JS string in plain decimal notation
 * (`/^-?(0|[1-9]\d*)(\.\d+)?$/`, at most 64 characters) with at most `scale` decimal places, fitting
 * NUMERIC(precision, scale) and the optional min/max. Everything else throws a DomainError:
 *
 * - INVALID_DECIMAL: not a string (a JSON number gets its own message: amounts must be sent as strings),
 *   exponents ("1e21"), "NaN", "Infinity", whitespace, "+1", ".5", "5.", "01", too long;
 * - TOO_MANY_DECIMAL_PLACES: "1.005" when scale is 2 (trailing zeros count: "1.000" is rejected too);
 * - NEGATIVE_NOT_ALLOWED: "-0.01" and "-0" unless `allowNegative`;
 * - OUT_OF_RANGE: more integer digits than the column holds, or outside min/max.
 *
 * The returned Decimal is never negative zero.
 */
export function parseDecimalString(value: unknown, opts: DecimalParseOptions): Decimal {
  const { field, scale, precision } = opts;
  if (!Number.isInteger(scale) || scale < 0 || !Number.isInteger(precision) || precision < 1 || scale > precision) {
    throw new RangeError(`invalid NUMERIC(${String(precision)}, ${String(scale)}) options`);
  }
  const example = opts.example ?? exampleFor(scale);
  const name = subject(field);

  if (typeof value === 'number' || typeof value === 'bigint') {
    const suggestion = typeof value === 'number' ? suggestionForNumber(value, scale, example) : example;
    fail(
      DecimalErrorCode.INVALID_DECIMAL,
      `${name} must be a string, not a JSON number: amounts must be sent as strings, like "${suggestion}"`,
      field,
    );
  }
  if (typeof value !== 'string') {
    fail(DecimalErrorCode.INVALID_DECIMAL, decimalFormatMessage({ field, scale, example }), field);
  }
  if (value.length > MAX_DECIMAL_INPUT_LENGTH) {
    fail(
      DecimalErrorCode.INVALID_DECIMAL,
      `${decimalFormatMessage({ field, scale, example })} (at most ${MAX_DECIMAL_INPUT_LENGTH} characters)`,
      field,
    );
  }
  const match = DECIMAL_PATTERN.exec(value);
  if (match === null) {
    fail(DecimalErrorCode.INVALID_DECIMAL, decimalFormatMessage({ field, scale, example }), field);
  }
  if (value.startsWith('-') && opts.allowNegative !== true) {
    fail(DecimalErrorCode.NEGATIVE_NOT_ALLOWED, `${name} must not be negative`, field);
  }
  const places = match[2] === undefined ? 0 : match[2].length - 1;
  if (places > scale) {
    fail(
      DecimalErrorCode.TOO_MANY_DECIMAL_PLACES,
      `${decimalFormatMessage({ field, scale, example })}; got ${places} decimal places`,
      field,
    );
  }
  const integerDigits = match[1] === '0' ? 0 : match[1].length;
  const maxIntegerDigits = precision - scale;
  if (integerDigits > maxIntegerDigits) {
    const largest = `${'9'.repeat(maxIntegerDigits) || '0'}${scale > 0 ? `.${'9'.repeat(scale)}` : ''}`;
    fail(
      DecimalErrorCode.OUT_OF_RANGE,
      `${name} is out of range: at most ${largest} in absolute value is allowed`,
      field,
    );
  }

  const result = normalizeZero(new Decimal(value));
  if (opts.min !== undefined && result.lt(new Decimal(opts.min))) {
    fail(DecimalErrorCode.OUT_OF_RANGE, `${name} must be at least ${opts.min}`, field);
  }
  if (opts.max !== undefined && result.gt(new Decimal(opts.max))) {
    fail(DecimalErrorCode.OUT_OF_RANGE, `${name} must be at most ${opts.max}`, field);
  }
  return result;
}

/** Throws INVALID_DECIMAL for a JS number or bigint: values here are never built from numbers. */
export function rejectNumber(value: unknown, what: string): void {
  if (typeof value === 'number' || typeof value === 'bigint') {
    throw new DomainError(
      DecimalErrorCode.INVALID_DECIMAL,
      `${what} never accepts a JS number (got ${String(value)}); pass a decimal string or a Decimal`,
    );
  }
}

/** Checks a Decimal (or decimal string, strictly) has at most `scale` places and returns our Decimal. */
export function decimalWithScale(value: Decimal | string, scale: number, what: string): Decimal {
  rejectNumber(value, what);
  if (typeof value === 'string') {
    return parseDecimalString(value, { scale, precision: 40, allowNegative: true });
  }
  if (!isDecimal(value) || !value.isFinite()) {
    throw new DomainError(DecimalErrorCode.INVALID_DECIMAL, `${what} needs a finite Decimal or a decimal string`);
  }
  if (value.decimalPlaces() > scale) {
    throw new DomainError(
      DecimalErrorCode.TOO_MANY_DECIMAL_PLACES,
      `${what} has at most ${scale} decimal places, got ${new Decimal(value).toString()}; round it explicitly with roundHalfUp first`,
    );
  }
  return normalizeZero(new Decimal(value));
}

