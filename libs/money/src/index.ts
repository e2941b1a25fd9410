/**
 * @app/money — money (yuan, 2 places), areas (㎡, 2 places) and ratios (default 4 places).
 *
 * Rules: these are never JS numbers. In code they are decimal.js `Decimal` (our own clone, 40 digits,
 * ROUND_HALF_UP), in PostgreSQL NUMERIC (MoneyColumn 18,2 · AreaColumn 16,2 · RatioColumn 9,4), in JSON
 * strings ("12500000.00"). Inputs go through `parseDecimalString` (strict, DomainError naming the field);
 * rounding happens only in `roundHalfUp` (and `divideHalfUp`, which truncates then calls it).
 */
export {
  Decimal,
  DecimalErrorCode,
  divideHalfUp,
  groupThousands,
  isDecimal,
  normalizeZero,
  roundHalfUp,
} from './decimal';
export {
  decimalFormatMessage,
  exampleFor,
  MAX_DECIMAL_INPUT_LENGTH,
  parseDecimalString,
  type DecimalParseOptions,
} from './parse-decimal';
export { allocateUnits, type AllocationWeight, type HasDecimal } from './allocation';
export { MAX_CHINESE_CAPITAL, toChineseCapital } from './chinese-capital';
export { Money, MONEY_EXAMPLE, MONEY_PRECISION, MONEY_SCALE, type MoneyParseOptions } from './money';
export { Area, AREA_EXAMPLE, AREA_PRECISION, AREA_SCALE, MU_PLACES, type AreaParseOptions } from './area';
export { Ratio, ratioExample, RATIO_PRECISION, RATIO_SCALE, type RatioParseOptions } from './ratio';
export {
  floorAreaOf,
  floorPrice,
  formatFloorArea,
  formatFloorAreaSquareMetres,
  landAreaOf,
  premiumRate,
  PREMIUM_RATE_PLACES,
  PRICE_UNIT_LABELS,
  PRICE_UNITS,
  saleFigures,
  totalPriceOf,
  unitPrice,
  type PriceUnit,
  type SaleFigures,
  type SaleFiguresInput,
  type SaleParcel,
} from './derived-figures';
export {
  AreaColumn,
  areaTransformer,
  MoneyColumn,
  moneyTransformer,
  RatioColumn,
  ratioTransformer,
  type DecimalColumnOptions,
  type DecimalColumnTransformer,
  type RatioColumnOptions,
} from './money-column.decorator';
export {
  IsArea,
  IsDecimalString,
  IsMoney,
  IsRatio,
  toArea,
  toMoney,
  toRatio,
  type IsAreaOptions,
  type IsDecimalStringOptions,
  type IsMoneyOptions,
  type IsRatioOptions,
} from './is-money.validator';
export { MoneyModule } from './money.module';
