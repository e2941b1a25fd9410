import { DomainError } from '@app/common/domain-error';
import { Area } from './area';
import { Decimal, DecimalErrorCode, divideHalfUp, groupThousands } from './decimal';
import { Money, MONEY_PRECISION, MONEY_SCALE } from './money';
import { Ratio } from './ratio';

/**
 * The figures of a sale (DOMAIN.md §3, §7), computed in one place. Every context that shows or books
 * a sale's price — the close (result row), the public result, the confirmation (成交确认书), the
 * contract and its installments, the ledger and the reports — gets them from {@link saleFigures}
 * (or {@link totalPriceOf} for a price alone, e.g. the deposit rule on a start price).
 *
 * Rules:
 * - A lot is priced in one of three units: the total (元), per ㎡ of land (元/㎡) or per ㎡ of floor area
 *   (元/建筑㎡). Bids, the start price, the increment, the reserve and the cap are all in that unit; the
 *   deposit is always a total in 元.
 * - **Land area** = Σ parcel areas. **Floor area** (建筑面积) = Σ (parcel area × the parcel's *maximum*
 *   plot ratio 容积率上限), exact. The maximum is the basis of 楼面地价 and of per-floor-area totals: it is
 *   the floor area the buyer is allowed to build, the figure the price is quoted against. A parcel
 *   without a maximum plot ratio leaves the floor area unknown (never a default of 1.0).
 * - **Total price** = unit price × land area (per ㎡) or × floor area (per 建筑㎡), the product exact and
 *   rounded ROUND_HALF_UP to the fen **once** (through Money.multiply).
 * - **Unit price** (单价, 元/㎡ of land) = total ÷ land area, rounded half up — except for a lot priced per
 *   ㎡ of land, where it is the bid itself. **Floor price** (楼面地价, 元/建筑㎡) = total ÷ floor area,
 *   rounded half up — except for a lot priced per 建筑㎡, where it is the bid itself.
 * - **Premium rate** (溢价率) = bid ÷ start − 1 with both in the lot's unit (like with like), 4 places.
 */

export const PRICE_UNITS = ['total', 'per_square_metre', 'per_floor_area'] as const;
/** 元 (total), 元/㎡ (land area), 元/建筑㎡ (floor area). */
export type PriceUnit = (typeof PRICE_UNITS)[number];

export const PRICE_UNIT_LABELS: Readonly<Record<PriceUnit, string>> = Object.freeze({
  total: '元',
  per_square_metre: '元/㎡',
  per_floor_area: '元/建筑㎡',
});

/** Places of {@link premiumRate}: 0.2500 = 25.00%. */
export const PREMIUM_RATE_PLACES = 4;

/** The largest total a NUMERIC(18,2) column holds. */
const MAX_TOTAL = new Decimal('1e16').minus('0.01');

/** What the figures need of a parcel. */
export interface SaleParcel {
  readonly area: Area;
  /** 容积率上限; absent or null when the planning conditions do not set one. */
  readonly plotRatioMax?: Ratio | null;
}

export interface SaleFiguresInput {
  readonly priceUnit: PriceUnit;
  /** The winning price as bid, in the lot's unit. */
  readonly bidPrice: Money;
  /** The start price (起始价), in the lot's unit. */
  readonly startPrice: Money;
  /** Every parcel of the lot. */
  readonly parcels: ReadonlyArray<SaleParcel>;
}

export interface SaleFigures {
  readonly priceUnit: PriceUnit;
  /** As bid, in the lot's unit. */
  readonly bidPrice: Money;
  /** In the lot's unit. */
  readonly startPrice: Money;
  /** 成交总价, 元: what the contract, the installments and the ledger book. */
  readonly totalPrice: Money;
  /** The start price as a total, 元 (the deposit rule and the reports compare totals with it). */
  readonly startTotal: Money;
  /** Σ parcel areas, ㎡. */
  readonly landArea: Area;
  /** Σ (area × maximum plot ratio), exact, ㎡; null when a parcel has no maximum plot ratio. */
  readonly floorArea: Decimal | null;
  /** 单价, 元/㎡ of land; null for a lot without land area. */
  readonly unitPrice: Money | null;
  /** 楼面地价, 元/建筑㎡; null when the floor area is unknown. */
  readonly floorPrice: Money | null;
  /** 溢价率, 4 places. */
  readonly premiumRate: Ratio;
}

/** Σ parcel areas (exact). */
export function landAreaOf(parcels: ReadonlyArray<SaleParcel>): Area {
  return Area.sum(parcels.map((p) => p.area));
}

/** Σ (area × maximum plot ratio), exact; null when there is no parcel or one has no maximum plot ratio. */
export function floorAreaOf(parcels: ReadonlyArray<SaleParcel>): Decimal | null {
  if (parcels.length === 0) return null;
  let total = new Decimal('0');
  for (const p of parcels) {
    if (p.plotRatioMax === undefined || p.plotRatioMax === null) return null;
    total = total.plus(p.area.toDecimal().times(p.plotRatioMax.toDecimal()));
  }
  return total;
}

/**
 * A price in the lot's unit as a total in 元: × 1, × land area or × floor area, rounded half up to the
 * fen once. Throws FLOOR_AREA_UNKNOWN (field "plotRatioMax") for a per-floor-area price when a parcel
 * has no maximum plot ratio, LAND_AREA_REQUIRED (field "parcels") for a per-area price without area,
 * OUT_OF_RANGE (field `field`) when the total does not fit NUMERIC(18,2).
 */
export function totalPriceOf(price: Money, unit: PriceUnit, parcels: ReadonlyArray<SaleParcel>, field = 'price'): Money {
  let total: Money;
  if (unit === 'total') {
    total = price;
  } else if (unit === 'per_square_metre') {
    const land = landAreaOf(parcels);
    if (!land.gt(Area.zero())) throw new DomainError('LAND_AREA_REQUIRED', 'a price per ㎡ of land needs parcels with an area', 'parcels');
    total = price.multiply(land.toDecimal());
  } else if (unit === 'per_floor_area') {
    const floor = floorAreaOf(parcels);
    if (floor === null) {
      throw new DomainError('FLOOR_AREA_UNKNOWN', 'a price per ㎡ of floor area needs the maximum plot ratio (容积率上限) of every parcel', 'plotRatioMax');
    }
    if (!floor.isPositive() || floor.isZero()) throw new DomainError('FLOOR_AREA_UNKNOWN', 'the floor area of the parcels is zero', 'plotRatioMax');
    total = price.multiply(floor);
  } else {
    throw new DomainError('INVALID_PRICE_UNIT', `unknown price unit ${JSON.stringify(unit)}; use ${PRICE_UNITS.join(', ')}`, 'priceUnit');
  }
  if (total.toDecimal().abs().gt(MAX_TOTAL)) {
    throw new DomainError(DecimalErrorCode.OUT_OF_RANGE, `the total of ${field} exceeds ${MONEY_PRECISION} digits`, field);
  }
  return total;
}

/** Every figure of a sale; see the module notes for the rules. Throws as {@link totalPriceOf}, and DIVISION_BY_ZERO for a zero start price. */
export function saleFigures(input: SaleFiguresInput): SaleFigures {
  const { priceUnit, bidPrice, startPrice, parcels } = input;
  const totalPrice = totalPriceOf(bidPrice, priceUnit, parcels, 'price');
  const startTotal = totalPriceOf(startPrice, priceUnit, parcels, 'startPrice');
  const landArea = landAreaOf(parcels);
  const floorArea = floorAreaOf(parcels);
  const unit = priceUnit === 'per_square_metre' ? bidPrice : landArea.isZero() ? null : unitPrice(totalPrice, landArea);
  const floor = priceUnit === 'per_floor_area' ? bidPrice : floorArea === null || floorArea.isZero() ? null : Money.of(divideHalfUp(totalPrice.toDecimal(), floorArea, MONEY_SCALE, 'plotRatioMax'));
  return Object.freeze({
    priceUnit,
    bidPrice,
    startPrice,
    totalPrice,
    startTotal,
    landArea,
    floorArea,
    unitPrice: unit,
    floorPrice: floor,
    premiumRate: premiumRate(bidPrice, startPrice),
  });
}

/** An exact floor area as printed: at least 2 places, never rounded ("87500.00", "87500.125"). */
export function formatFloorArea(floorArea: Decimal): string {
  return floorArea.toFixed(Math.max(MONEY_SCALE, floorArea.decimalPlaces()));
}

/** "87,500.00㎡" (exact, thousands grouped). */
export function formatFloorAreaSquareMetres(floorArea: Decimal): string {
  return `${groupThousands(formatFloorArea(floorArea))}㎡`;
}

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
 * (0.2500 = 25%). Both in the same unit. Throws DIVISION_BY_ZERO (field "startPrice") when the start
 * price is zero.
 */
export function premiumRate(price: Money, start: Money): Ratio {
  const premium = price.toDecimal().minus(start.toDecimal());
  return Ratio.of(divideHalfUp(premium, start.toDecimal(), PREMIUM_RATE_PLACES, 'startPrice'), PREMIUM_RATE_PLACES);
}
