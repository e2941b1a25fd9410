import fc from 'fast-check';
import { DomainError } from '@app/common/domain-error';
import { Decimal } from './decimal';
import { Ratio } from './ratio';

function errorOf(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a DomainError');
}

describe('Ratio', () => {
  it('prints exactly `scale` places (default 4)', () => {
    expect(Ratio.parse('2.5').toString()).toBe('2.5000');
    expect(Ratio.parse('0.3333').toString()).toBe('0.3333');
    expect(Ratio.parse('1.5', 'x', { scale: 2 }).toString()).toBe('1.50');
    expect(JSON.stringify({ plotRatio: Ratio.parse('2.5') })).toBe('{"plotRatio":"2.5000"}');
  });

  it('toString/parse round-trips for every ratio in NUMERIC(9,4)', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 9n - 1n }), (units) => {
        const s = units.toString().padStart(5, '0');
        const text = `${s.slice(0, -4)}.${s.slice(-4)}`;
        const r = Ratio.parse(text, 'plotRatio');
        expect(r.toString()).toBe(text);
        expect(Ratio.parse(r.toJSON()).eq(r)).toBe(true);
      }),
    );
  });

  it('rejects more places than the scale, naming the field', () => {
    const e = errorOf(() => Ratio.parse('2.50001', 'plotRatio'));
    expect(e.code).toBe('TOO_MANY_DECIMAL_PLACES');
    expect(e.message).toContain('plotRatio must be a decimal string with at most 4 places, like "2.5000"');
  });

  it('rejects a JSON number, a negative and a value beyond NUMERIC(9,4)', () => {
    expect(errorOf(() => Ratio.parse(2.5, 'plotRatio')).code).toBe('INVALID_DECIMAL');
    expect(errorOf(() => Ratio.of(2.5 as unknown as string)).code).toBe('INVALID_DECIMAL');
    expect(errorOf(() => Ratio.parse('-0.1', 'plotRatio')).code).toBe('NEGATIVE_NOT_ALLOWED');
    expect(errorOf(() => Ratio.parse('100000', 'plotRatio')).code).toBe('OUT_OF_RANGE');
  });

  it('applies min and max', () => {
    expect(errorOf(() => Ratio.parse('0', 'plotRatio', { min: '0.1' })).code).toBe('OUT_OF_RANGE');
    expect(errorOf(() => Ratio.parse('8.1', 'plotRatio', { max: '8' })).code).toBe('OUT_OF_RANGE');
  });

  it('Ratio.of rejects a computed value with more places than the scale', () => {
    expect(errorOf(() => Ratio.of(new Decimal('1').div('3'))).code).toBe('TOO_MANY_DECIMAL_PLACES');
    expect(Ratio.of(new Decimal('0.125'), 3).toString()).toBe('0.125');
  });

  it.each([
    ['33.33', '0.3333'],
    ['25', '0.2500'],
    ['100', '1.0000'],
    ['0.01', '0.0001'],
    ['150', '1.5000'],
  ])('fromPercentString reads %s%% as %s', (percent, ratio) => {
    expect(Ratio.fromPercentString(percent, 'share').toString()).toBe(ratio);
  });

  it('fromPercentString rejects percentages finer than the ratio scale can hold', () => {
    const e = errorOf(() => Ratio.fromPercentString('33.333', 'share'));
    expect(e.code).toBe('TOO_MANY_DECIMAL_PLACES');
    expect(e.field).toBe('share');
    expect(e.message).toContain('share must be a decimal string with at most 2 places, like "33.33"');
  });

  it('fromPercentString rejects a JSON number', () => {
    expect(errorOf(() => Ratio.fromPercentString(33.33, 'share')).code).toBe('INVALID_DECIMAL');
  });

  it.each([
    ['0.3333', undefined, '33.33'],
    ['0.2500', undefined, '25.00'],
    ['0.33335', 1, '33.3'],
    ['0.12345', 2, '12.35'],
    ['0.12344', 2, '12.34'],
    ['-0.12345', 2, '-12.35'],
    ['2.5000', 0, '250'],
  ])('toPercentString rounds ROUND_HALF_UP: %s → %s places → %s', (value, places, expected) => {
    const r = Ratio.of(value, 5);
    expect(places === undefined ? Ratio.of(value).toPercentString() : r.toPercentString(places)).toBe(expected);
  });

  it('toPercentString/fromPercentString round-trip', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 9n - 1n }), (units) => {
        const r = Ratio.of(new Decimal(units.toString()).div('10000'));
        expect(Ratio.fromPercentString(r.toPercentString()).eq(r)).toBe(true);
      }),
    );
  });

  it('formatPercent appends %', () => {
    expect(Ratio.parse('0.3333').formatPercent()).toBe('33.33%');
  });

  it('adds and sums exactly; 0.1 + 0.2 === 0.3', () => {
    expect(Ratio.parse('0.1').add(Ratio.parse('0.2')).eq(Ratio.parse('0.3'))).toBe(true);
    expect(Ratio.sum([Ratio.parse('0.5'), Ratio.parse('0.3'), Ratio.parse('0.2')]).toString()).toBe('1.0000');
    expect(Ratio.sum([]).toString()).toBe('0.0000');
    expect(Ratio.parse('1').subtract(Ratio.parse('0.25')).toString()).toBe('0.7500');
  });

  it('keeps the larger scale when adding', () => {
    expect(Ratio.of('0.5', 2).add(Ratio.of('0.125', 3)).toString()).toBe('0.625');
  });

  it('equalsOne is true only for exactly 1 (shares that add up to one)', () => {
    expect(Ratio.sum([Ratio.parse('0.5'), Ratio.parse('0.5')]).equalsOne()).toBe(true);
    expect(Ratio.one().equalsOne()).toBe(true);
    const thirds = Ratio.sum([Ratio.parse('0.3333'), Ratio.parse('0.3333'), Ratio.parse('0.3333')]);
    expect(thirds.equalsOne()).toBe(false);
    expect(Ratio.parse('1.0001').equalsOne()).toBe(false);
  });

  it('compares numerically regardless of scale', () => {
    expect(Ratio.of('0.5', 1).eq(Ratio.of('0.5000', 4))).toBe(true);
    expect(Ratio.parse('2.5').gt(Ratio.parse('10').subtract(Ratio.parse('9')))).toBe(true);
    expect(Ratio.parse('0.9').lt(Ratio.parse('1.0'))).toBe(true);
    expect(Ratio.parse('1').lte(Ratio.parse('1'))).toBe(true);
    expect(Ratio.parse('1').gte(Ratio.parse('1'))).toBe(true);
    expect(Ratio.parse('3').compare(Ratio.parse('20'))).toBe(-1);
    expect(Ratio.zero().isZero()).toBe(true);
    expect(Ratio.of('-0.1').isNegative()).toBe(true);
  });
});
