import BaseDecimal from 'decimal.js';
import fc from 'fast-check';
import { DomainError } from '@app/common/domain-error';
import { Decimal, divideHalfUp, groupThousands, roundHalfUp } from './decimal';

describe('Decimal clone', () => {
  it('is a dedicated clone with 40 significant digits and ROUND_HALF_UP', () => {
    expect(Decimal).not.toBe(BaseDecimal);
    expect(Decimal.precision).toBe(40);
    expect(Decimal.rounding).toBe(BaseDecimal.ROUND_HALF_UP);
  });

  it('never prints an exponent', () => {
    expect(new Decimal('1000000000000000000000').toString()).toBe('1000000000000000000000');
    expect(new Decimal('0.0000000001').toString()).toBe('0.0000000001');
  });

  it('adds 0.1 and 0.2 to exactly 0.3', () => {
    expect(new Decimal('0.1').plus(new Decimal('0.2')).eq(new Decimal('0.3'))).toBe(true);
  });
});

describe('roundHalfUp', () => {
  it.each([
    ['2.345', 2, '2.35'],
    ['2.344', 2, '2.34'],
    ['-2.345', 2, '-2.35'],
    ['0.005', 2, '0.01'],
    ['0.0049999', 2, '0'],
    ['1.5', 0, '2'],
    ['2.5', 0, '3'],
  ])('rounds half away from zero: %s to %i places is %s', (input, places, expected) => {
    expect(roundHalfUp(new Decimal(input), places).toString()).toBe(expected);
  });

  it('never returns negative zero', () => {
    const r = roundHalfUp(new Decimal('-0.001'), 2);
    expect(r.isNegative()).toBe(false);
    expect(r.toFixed(2)).toBe('0.00');
  });

  it('accepts a Decimal from another decimal.js constructor and returns our clone', () => {
    const r = roundHalfUp(new BaseDecimal('1.005'), 2);
    expect(r).toBeInstanceOf(Decimal);
    expect(r.toString()).toBe('1.01');
  });

  it('rejects a negative or fractional number of places', () => {
    expect(() => roundHalfUp(new Decimal('1'), -1)).toThrow(RangeError);
    expect(() => roundHalfUp(new Decimal('1'), 1.5)).toThrow(RangeError);
  });
});

describe('divideHalfUp', () => {
  it('rounds the true quotient once: 2 ÷ 3 = 0.67, 1 ÷ 3 = 0.33', () => {
    expect(divideHalfUp(new Decimal('2'), new Decimal('3'), 2).toString()).toBe('0.67');
    expect(divideHalfUp(new Decimal('1'), new Decimal('3'), 2).toString()).toBe('0.33');
  });

  it('does not double-round a quotient just below the half: 0.004999… stays 0.00', () => {
    // 4999999999999999999999999999999999999999999 / 10^45 has more digits than the precision
    const dividend = new Decimal('4999999999999999999999999999999999999999999');
    const divisor = new Decimal('1000000000000000000000000000000000000000000000');
    expect(divideHalfUp(dividend, divisor, 2).toString()).toBe('0');
  });

  it('agrees with exact integer half-up division on random fen amounts', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 18n }),
        fc.bigInt({ min: 1n, max: 10n ** 16n }),
        (a, b) => {
          // a/100 ÷ b/100 to 2 places, done with integers: round(a * 100 / b)
          const expectedHundredths = (a * 100n * 2n + b) / (2n * b);
          const got = divideHalfUp(new Decimal(a.toString()), new Decimal(b.toString()), 2);
          expect(got.times('100').toFixed(0)).toBe(expectedHundredths.toString());
        },
      ),
    );
  });

  it('throws DIVISION_BY_ZERO naming the field', () => {
    try {
      divideHalfUp(new Decimal('1'), new Decimal('0'), 2, 'area');
      throw new Error('expected a DomainError');
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError);
      expect((e as DomainError).code).toBe('DIVISION_BY_ZERO');
      expect((e as DomainError).field).toBe('area');
      expect((e as DomainError).message).toContain('area');
    }
  });
});

describe('groupThousands', () => {
  it.each([
    ['0.00', '0.00'],
    ['999.99', '999.99'],
    ['1000.00', '1,000.00'],
    ['12500000.00', '12,500,000.00'],
    ['-1234567.50', '-1,234,567.50'],
    ['1234', '1,234'],
  ])('groups the integer digits by three: %s → %s', (input, expected) => {
    expect(groupThousands(input)).toBe(expected);
  });
});
