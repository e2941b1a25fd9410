import { Area } from './area';
import { divideHalfUp } from './decimal';
import { Money, MONEY_SCALE } from './money';
import { Ratio } from './ratio';

/** Places of {@link premiumRate}: 0.2500 = 25.00%. */
export const PREMIUM_RATE_PLACES = 4;

/**
 * 单价 (元/㎡) = price ÷ area, rounded ROUND_HALF_UP to 2 places (fen).
 * Throws DIVISION_BY_ZERO (field "area") when the area is zero.
 */
export function unitPrice(price: Money, area: Area): Money {
  return Money.of(divideHalfUp(price.toDecimal(), area.toDecimal(), MONEY_SCALE, 'area'));
}

/**
 * 楼面价 (元/㎡ of permitted floor area) = price ÷ (area × plot ratio), rounded ROUND_HALF_UP to 2 places.
 * The floor area is exact (not rounded) before dividing, so there is a single rounding.
 * Throws DIVISION_BY_ZERO (field "plotRatio" or "area") when area × plot ratio is zero.
 */
export function floorPrice(price: Money, area: Area, plotRatio: Ratio): Money {
  const floorArea = area.toDecimal().times(plotRatio.toDecimal());
  const field = plotRatio.isZero() ? 'plotRatio' : 'area';
  return Money.of(divideHalfUp(price.toDecimal(), floorArea, MONEY_SCALE, field));
}

/**
 * 溢价率 = price ÷ start − 1, computed as (price − start) ÷ start and rounded ROUND_HALF_UP to 4 places
 * (0.2500 = 25%). Throws DIVISION_BY_ZERO (field "startPrice") when the start price is zero.
 */
export function premiumRate(price: Money, start: Money): Ratio {
  const premium = price.toDecimal().minus(start.toDecimal());
  return Ratio.of(divideHalfUp(premium, start.toDecimal(), PREMIUM_RATE_PLACES, 'startPrice'), PREMIUM_RATE_PLACES);
}
