import fc from 'fast-check';
import { DomainError } from '@app/common/domain-error';
import { Area, Ratio } from '@app/money';
import { compareDeclaredArea, DEFAULT_AREA_TOLERANCE, defaultAreaTolerance } from './area-check';

const area = (value: string): Area => Area.of(value);

function caught(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (error: unknown) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError');
}

describe('compareDeclaredArea', () => {
  it('defaults to a tolerance of 0.5%', () => {
    expect(DEFAULT_AREA_TOLERANCE).toBe('0.0050');
    expect(defaultAreaTolerance().toString()).toBe('0.0050');
  });

  it('accepts a computed area exactly 0.5% above or below the declared one', () => {
    expect(compareDeclaredArea(area('10000.00'), area('10050.00')).withinTolerance).toBe(true);
    expect(compareDeclaredArea(area('10000.00'), area('9950.00')).withinTolerance).toBe(true);
  });

  it('flags a computed area one hundredth of a ㎡ beyond 0.5% either way', () => {
    expect(compareDeclaredArea(area('10000.00'), area('10050.01')).withinTolerance).toBe(false);
    expect(compareDeclaredArea(area('10000.00'), area('9949.99')).withinTolerance).toBe(false);
  });

  it('decides on exact values, not on the rounded relative difference', () => {
    // 0.50004% rounds to 0.5000% at 4 places but is still over the tolerance.
    const result = compareDeclaredArea(area('1000000.00'), area('1005000.40'), Ratio.of('0.0050'));
    expect(result.withinTolerance).toBe(false);
    expect(result.relativeDifference.toString()).toBe('0.005000');
  });

  it('reports the signed difference computed − declared and the relative difference', () => {
    const over = compareDeclaredArea(area('35000.00'), area('35070.35'));
    expect(over.difference.toString()).toBe('70.35');
    expect(over.relativeDifference.toString()).toBe('0.002010');
    const under = compareDeclaredArea(area('35000.00'), area('34929.65'));
    expect(under.difference.toString()).toBe('-70.35');
    expect(under.relativeDifference.toString()).toBe('-0.002010');
  });

  it('uses the tolerance setting it is given', () => {
    const onePercent = Ratio.of('0.0100');
    expect(compareDeclaredArea(area('10000.00'), area('10080.00')).withinTolerance).toBe(false);
    expect(compareDeclaredArea(area('10000.00'), area('10080.00'), onePercent).withinTolerance).toBe(true);
  });

  it('with a zero tolerance accepts only an exact match', () => {
    const zero = Ratio.zero();
    expect(compareDeclaredArea(area('9898.92'), area('9898.92'), zero).withinTolerance).toBe(true);
    expect(compareDeclaredArea(area('9898.92'), area('9898.93'), zero).withinTolerance).toBe(false);
  });

  it('refuses a declared area of zero', () => {
    const error = caught(() => compareDeclaredArea(Area.zero(), area('1.00')));
    expect(error.code).toBe('AREA_NOT_POSITIVE');
    expect(error.field).toBe('area');
  });

  it('refuses a negative or a whole (≥ 100%) tolerance', () => {
    expect(caught(() => compareDeclaredArea(area('1.00'), area('1.00'), Ratio.of('-0.0010'))).code).toBe(
      'AREA_TOLERANCE_OUT_OF_RANGE',
    );
    expect(caught(() => compareDeclaredArea(area('1.00'), area('1.00'), Ratio.one())).field).toBe('tolerance');
  });

  it('agrees with an integer (hundredths of a ㎡) oracle on random areas and tolerances', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 1n, max: 10_000_000_000n }),
        fc.bigInt({ min: 0n, max: 20_000_000_000n }),
        fc.integer({ min: 0, max: 9999 }),
        (declaredHundredths, computedHundredths, toleranceTenThousandths) => {
          const declared = Area.of(fromHundredths(declaredHundredths));
          const computed = Area.of(fromHundredths(computedHundredths));
          const tolerance = Ratio.of(`0.${String(toleranceTenThousandths).padStart(4, '0')}`);
          const gap = computedHundredths > declaredHundredths ? computedHundredths - declaredHundredths : declaredHundredths - computedHundredths;
          // |c − d| ≤ t·d  ⇔  |c − d| · 10000 ≤ t·10000 · d  (all in hundredths)
          const oracle = gap * 10000n <= BigInt(toleranceTenThousandths) * declaredHundredths;
          const result = compareDeclaredArea(declared, computed, tolerance);
          expect(result.withinTolerance).toBe(oracle);
          expect(result.difference.toString()).toBe(fromHundredths(computedHundredths - declaredHundredths));
        },
      ),
    );
  });
});

function fromHundredths(value: bigint): string {
  const negative = value < 0n;
  const abs = negative ? -value : value;
  const text = abs.toString().padStart(3, '0');
  return `${negative ? '-' : ''}${text.slice(0, -2)}.${text.slice(-2)}`;
}
