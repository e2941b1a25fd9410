import { DomainError } from '@app/common/domain-error';
import { Area, divideHalfUp, Ratio } from '@app/money';

/**
 * How far the area computed from the boundary may stray from the declared (surveyed) area before the
 * parcel is flagged: a setting, 0.5% by default. Survey areas are planar Gauss–Krüger areas like ours,
 * so a larger gap means a wrong boundary or a wrong figure, not a different method.
 */
export const DEFAULT_AREA_TOLERANCE = '0.0050';

/** Places of the reported relative difference: finer than any tolerance setting (4 places). */
export const RELATIVE_DIFFERENCE_SCALE = 6;

export interface AreaComparison {
  /** Whether |computed − declared| ≤ tolerance × declared, decided on exact values. */
  readonly withinTolerance: boolean;
  /** computed − declared (negative when the boundary encloses less than declared). */
  readonly difference: Area;
  /** difference ÷ declared, signed, ROUND_HALF_UP to {@link RELATIVE_DIFFERENCE_SCALE} places (for display). */
  readonly relativeDifference: Ratio;
}

/** The default tolerance as a Ratio. */
export function defaultAreaTolerance(): Ratio {
  return Ratio.of(DEFAULT_AREA_TOLERANCE);
}

/**
 * Compares the declared area with the computed one. The verdict is exact (no rounding before the
 * comparison), so a gap of exactly the tolerance is within it and 0.50001% over 0.5% is not.
 */
export function compareDeclaredArea(
  declared: Area,
  computed: Area,
  tolerance: Ratio = defaultAreaTolerance(),
): AreaComparison {
  if (!declared.gt(Area.zero())) {
    throw new DomainError('AREA_NOT_POSITIVE', 'the declared area must be greater than 0.00 ㎡', 'area', {
      declared: declared.toString(),
    });
  }
  if (computed.isNegative()) {
    throw new DomainError('AREA_NOT_POSITIVE', 'the computed area cannot be negative', 'computedArea');
  }
  if (tolerance.isNegative() || tolerance.gte(Ratio.one())) {
    throw new DomainError('AREA_TOLERANCE_OUT_OF_RANGE', 'the area tolerance must be at least 0 and below 1', 'tolerance', {
      tolerance: tolerance.toString(),
    });
  }
  const difference = computed.subtract(declared);
  const gap = difference.toDecimal().abs();
  return {
    withinTolerance: gap.lte(declared.toDecimal().times(tolerance.toDecimal())),
    difference,
    relativeDifference: Ratio.of(
      divideHalfUp(difference.toDecimal(), declared.toDecimal(), RELATIVE_DIFFERENCE_SCALE),
      RELATIVE_DIFFERENCE_SCALE,
    ),
  };
}
