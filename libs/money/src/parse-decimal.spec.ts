import fc from 'fast-check';
import { DomainError } from '@app/common/domain-error';
import { parseDecimalString, type DecimalParseOptions } from './parse-decimal';

const PRICE: DecimalParseOptions = { field: 'price', scale: 2, precision: 18 };

function errorOf(value: unknown, opts: DecimalParseOptions = PRICE): DomainError {
  try {
    parseDecimalString(value, opts);
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error(`expected ${JSON.stringify(value)} to be rejected`);
}

describe('parseDecimalString accepts', () => {
  it.each([
    ['0', '0'],
    ['0.5', '0.5'],
    ['12500000.00', '12500000'],
    ['12500000', '12500000'],
    ['1.1', '1.1'],
    ['9999999999999999.99', '9999999999999999.99'],
  ])('a plain decimal string such as %s', (input, expected) => {
    expect(parseDecimalString(input, PRICE).toString()).toBe(expected);
  });

  it('a negative string when negatives are allowed', () => {
    expect(parseDecimalString('-0.01', { ...PRICE, allowNegative: true }).toString()).toBe('-0.01');
  });

  it('"-0" as plain zero (never negative zero) when negatives are allowed', () => {
    const d = parseDecimalString('-0', { ...PRICE, allowNegative: true });
    expect(d.isZero()).toBe(true);
    expect(d.isNegative()).toBe(false);
  });

  it('values exactly at min and max', () => {
    expect(parseDecimalString('0.01', { ...PRICE, min: '0.01', max: '100' }).toString()).toBe('0.01');
    expect(parseDecimalString('100.00', { ...PRICE, min: '0.01', max: '100' }).toString()).toBe('100');
  });

  it('every string produced from a random amount with at most `scale` places (round-trip)', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 18n - 1n }), (fen) => {
        const s = fen.toString().padStart(3, '0');
        const text = `${s.slice(0, -2)}.${s.slice(-2)}`;
        expect(parseDecimalString(text, PRICE).toFixed(2)).toBe(text);
      }),
    );
  });
});

describe('parseDecimalString rejects with INVALID_DECIMAL', () => {
  it('a JSON number, saying amounts must be sent as strings', () => {
    const e = errorOf(1250000);
    expect(e.code).toBe('INVALID_DECIMAL');
    expect(e.field).toBe('price');
    expect(e.message).toBe(
      'price must be a string, not a JSON number: amounts must be sent as strings, like "1250000.00"',
    );
  });

  it('a JSON number with a binary fraction such as 0.1', () => {
    expect(errorOf(0.1).message).toContain('must be sent as strings');
  });

  it('any random JS number', () => {
    fc.assert(
      fc.property(fc.double(), (n) => {
        expect(errorOf(n).code).toBe('INVALID_DECIMAL');
      }),
    );
  });

  it.each([
    ['an exponent such as 1e21', '1e21'],
    ['an exponent with a sign such as 1.5E-3', '1.5E-3'],
    ['"NaN"', 'NaN'],
    ['"Infinity"', 'Infinity'],
    ['"-Infinity"', '-Infinity'],
    ['leading whitespace', ' 1.00'],
    ['trailing whitespace', '1.00 '],
    ['a trailing newline', '1.00\n'],
    ['an explicit plus sign such as "+1"', '+1'],
    ['a leading dot such as ".5"', '.5'],
    ['a trailing dot such as "5."', '5.'],
    ['a leading zero such as "01"', '01'],
    ['the empty string', ''],
    ['a lone minus sign', '-'],
    ['thousands separators such as "1,000.00"', '1,000.00'],
    ['a currency sign such as "¥100"', '¥100'],
    ['a hexadecimal literal such as "0x10"', '0x10'],
    ['full-width digits such as "１００"', '１００'],
    ['two dots such as "1.2.3"', '1.2.3'],
  ])('%s', (_label, input) => {
    const e = errorOf(input);
    expect(e.code).toBe('INVALID_DECIMAL');
    expect(e.field).toBe('price');
    expect(e.message).toBe('price must be a decimal string with at most 2 places, like "12500000.00"');
  });

  it.each([
    ['null', null],
    ['undefined', undefined],
    ['a boolean', true],
    ['an object', { amount: '1.00' }],
    ['an array', ['1.00']],
  ])('a non-string value: %s', (_label, input) => {
    expect(errorOf(input).code).toBe('INVALID_DECIMAL');
  });

  it('a bigint', () => {
    expect(errorOf(10n).message).toContain('not a JSON number');
  });

  it('input longer than 64 characters, before running the regular expression', () => {
    const e = errorOf('1'.repeat(65));
    expect(e.code).toBe('INVALID_DECIMAL');
    expect(e.message).toContain('64 characters');
    // a pathological string is rejected quickly whatever its content
    expect(errorOf(`${'1'.repeat(100000)}x`).code).toBe('INVALID_DECIMAL');
  });

  it('says "value" when no field name is given', () => {
    const e = errorOf('abc', { scale: 2, precision: 18 });
    expect(e.field).toBeUndefined();
    expect(e.message).toBe('value must be a decimal string with at most 2 places, like "12500000.00"');
  });
});

describe('parseDecimalString rejects with TOO_MANY_DECIMAL_PLACES', () => {
  it('"1.005" for a 2-place field, naming the field', () => {
    const e = errorOf('1.005');
    expect(e.code).toBe('TOO_MANY_DECIMAL_PLACES');
    expect(e.field).toBe('price');
    expect(e.message).toContain('price must be a decimal string with at most 2 places, like "12500000.00"');
  });

  it('trailing zeros beyond the scale such as "1.000" (the string is checked, not the value)', () => {
    expect(errorOf('1.000').code).toBe('TOO_MANY_DECIMAL_PLACES');
  });

  it('any fraction for a 0-place field', () => {
    const e = errorOf('3.5', { field: 'count', scale: 0, precision: 5 });
    expect(e.code).toBe('TOO_MANY_DECIMAL_PLACES');
    expect(e.message).toContain('count must be a decimal string with no decimal places, like "12500000"');
  });
});

describe('parseDecimalString rejects with NEGATIVE_NOT_ALLOWED', () => {
  it.each(['-0.01', '-0', '-0.00', '-12500000.00'])('%s when negatives are not allowed', (input) => {
    const e = errorOf(input);
    expect(e.code).toBe('NEGATIVE_NOT_ALLOWED');
    expect(e.field).toBe('price');
    expect(e.message).toBe('price must not be negative');
  });
});

describe('parseDecimalString rejects with OUT_OF_RANGE', () => {
  it('more integer digits than NUMERIC(18,2) holds', () => {
    const e = errorOf('10000000000000000.00');
    expect(e.code).toBe('OUT_OF_RANGE');
    expect(e.field).toBe('price');
    expect(e.message).toBe('price is out of range: at most 9999999999999999.99 in absolute value is allowed');
  });

  it('a negative value beyond the capacity', () => {
    expect(errorOf('-10000000000000000', { ...PRICE, allowNegative: true }).code).toBe('OUT_OF_RANGE');
  });

  it('the capacity of a smaller column such as NUMERIC(9,4)', () => {
    expect(parseDecimalString('99999.9999', { scale: 4, precision: 9 }).toString()).toBe('99999.9999');
    expect(errorOf('100000', { field: 'plotRatio', scale: 4, precision: 9 }).message).toBe(
      'plotRatio is out of range: at most 99999.9999 in absolute value is allowed',
    );
  });

  it('below the given min', () => {
    const e = errorOf('0.00', { ...PRICE, min: '0.01' });
    expect(e.code).toBe('OUT_OF_RANGE');
    expect(e.message).toBe('price must be at least 0.01');
  });

  it('above the given max', () => {
    const e = errorOf('100.01', { ...PRICE, max: '100' });
    expect(e.code).toBe('OUT_OF_RANGE');
    expect(e.message).toBe('price must be at most 100');
  });
});
