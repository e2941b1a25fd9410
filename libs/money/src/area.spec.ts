import fc from 'fast-check';
import { DomainError } from '@app/common/domain-error';
import { Area } from './area';
import { Decimal } from './decimal';

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e.code;
    throw e;
  }
  throw new Error('expected a DomainError');
}

describe('Area', () => {
  it('toString always has exactly 2 places and JSON is a string', () => {
    expect(Area.parse('35000').toString()).toBe('35000.00');
    expect(JSON.stringify({ landArea: Area.parse('35000.5') })).toBe('{"landArea":"35000.50"}');
  });

  it('toString/parse round-trips for every area in NUMERIC(16,2)', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 16n - 1n }), (hundredths) => {
        const s = hundredths.toString().padStart(3, '0');
        const text = `${s.slice(0, -2)}.${s.slice(-2)}`;
        const area = Area.parse(text, 'landArea');
        expect(area.toString()).toBe(text);
        expect(Area.parse(area.toJSON()).eq(area)).toBe(true);
      }),
    );
  });

  it('rejects a JSON number', () => {
    expect(codeOf(() => Area.parse(35000, 'landArea'))).toBe('INVALID_DECIMAL');
    expect(codeOf(() => Area.of(35000 as unknown as string))).toBe('INVALID_DECIMAL');
  });

  it('rejects 3 decimal places naming the field', () => {
    try {
      Area.parse('1.005', 'landArea');
      throw new Error('expected a DomainError');
    } catch (e) {
      expect((e as DomainError).code).toBe('TOO_MANY_DECIMAL_PLACES');
      expect((e as DomainError).message).toContain('landArea must be a decimal string with at most 2 places, like "35000.00"');
    }
  });

  it('rejects a negative area from outside and one beyond NUMERIC(16,2)', () => {
    expect(codeOf(() => Area.parse('-1.00', 'landArea'))).toBe('NEGATIVE_NOT_ALLOWED');
    expect(codeOf(() => Area.parse('100000000000000.00', 'landArea'))).toBe('OUT_OF_RANGE');
    expect(Area.parse('99999999999999.99').toString()).toBe('99999999999999.99');
  });

  it('rejects a computed value with more than 2 places instead of rounding it', () => {
    expect(codeOf(() => Area.of(new Decimal('1.234')))).toBe('TOO_MANY_DECIMAL_PLACES');
  });

  it('adds and sums exactly', () => {
    expect(Area.parse('0.1').add(Area.parse('0.2')).toString()).toBe('0.30');
    expect(Area.sum([Area.parse('1000.10'), Area.parse('2000.20'), Area.parse('0.70')]).toString()).toBe('3001.00');
    expect(Area.sum([]).toString()).toBe('0.00');
    expect(Area.parse('10').subtract(Area.parse('2.5')).toString()).toBe('7.50');
  });

  it('compares numerically', () => {
    const a = Area.parse('9.00');
    const b = Area.parse('10.00');
    expect(a.lt(b) && a.lte(b) && b.gt(a) && b.gte(a) && !a.eq(b)).toBe(true);
    expect(Area.parse('10').eq(b)).toBe(true);
    expect(a.compare(b)).toBe(-1);
    expect(Area.zero().isZero()).toBe(true);
    expect(Area.of('-1').isNegative()).toBe(true);
  });

  it('formats as square metres with thousands separators', () => {
    expect(Area.parse('35000').formatSquareMetres()).toBe('35,000.00㎡');
    expect(Area.parse('12.5').formatSquareMetres()).toBe('12.50㎡');
  });

  it.each([
    ['666.67', '1.0000'],
    ['6666.67', '10.0000'],
    ['10000.00', '15.0000'],
    ['1.00', '0.0015'],
    ['0.03', '0.0000'],
    ['0.04', '0.0001'],
    ['35000.00', '52.5000'],
  ])('toMu converts ㎡ to 亩 (×15÷10000) rounded ROUND_HALF_UP to 4 places: %s㎡ → %s亩', (sqm, mu) => {
    expect(Area.parse(sqm).toMu().toFixed(4)).toBe(mu);
  });

  it('toMu returns a Decimal with at most 4 places', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 16n - 1n }), (hundredths) => {
        const area = Area.of(new Decimal(hundredths.toString()).div('100'));
        const mu = area.toMu();
        expect(mu.decimalPlaces()).toBeLessThanOrEqual(4);
        // within half a unit of the 4th place of the exact value
        expect(mu.minus(area.toDecimal().times('15').div('10000')).abs().lte('0.00005')).toBe(true);
      }),
    );
  });
});
