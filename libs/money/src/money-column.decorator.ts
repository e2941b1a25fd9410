import { Column, type ValueTransformer } from 'typeorm';
import { Area, AREA_PRECISION, AREA_SCALE } from './area';
import { Money, MONEY_PRECISION, MONEY_SCALE } from './money';
import { Ratio, RATIO_PRECISION, RATIO_SCALE } from './ratio';

/**
 * A TypeORM transformer between a value type and a NUMERIC column.
 * `to`: the value → its exact string ("12500000.00"); null/undefined → null; anything else (a
 * FindOperator such as `MoreThan(...)`, a raw string) is returned unchanged.
 * `from`: the driver's string → the value type; null → null. node-postgres returns NUMERIC as strings,
 * so a JS number here is a bug and is rejected.
 */
export interface DecimalColumnTransformer<T> extends ValueTransformer {
  to(value: T | null | undefined): string | null;
  to<U>(value: U): U;
  from(value: string | null): T | null;
}

function makeTransformer<T extends { toString(): string }>(
  isValue: (value: unknown) => value is T,
  fromString: (value: string) => T,
): DecimalColumnTransformer<T> {
  function to(value: T | null | undefined): string | null;
  function to<U>(value: U): U;
  function to(value: unknown): unknown {
    if (value === null || value === undefined) return null;
    if (isValue(value)) return value.toString();
    return value;
  }
  return {
    to,
    from(value: string | null): T | null {
      if (value === null || value === undefined) return null;
      return fromString(value);
    },
  };
}

/** Money ⇄ NUMERIC(18,2). */
export const moneyTransformer: DecimalColumnTransformer<Money> = makeTransformer(Money.isMoney, (s) => Money.of(s));

/** Area ⇄ NUMERIC(16,2). */
export const areaTransformer: DecimalColumnTransformer<Area> = makeTransformer(Area.isArea, (s) => Area.of(s));

const ratioTransformers = new Map<number, DecimalColumnTransformer<Ratio>>();

/** Ratio ⇄ NUMERIC(p, scale); values read back keep `scale` places. */
export function ratioTransformer(scale: number = RATIO_SCALE): DecimalColumnTransformer<Ratio> {
  let transformer = ratioTransformers.get(scale);
  if (transformer === undefined) {
    transformer = makeTransformer(Ratio.isRatio, (s) => Ratio.of(s, scale));
    ratioTransformers.set(scale, transformer);
  }
  return transformer;
}

/** Options of the column decorators (everything else is fixed by the value type). */
export interface DecimalColumnOptions<T> {
  /** Column name in the database (default: TypeORM naming strategy). */
  name?: string;
  nullable?: boolean;
  /** Column default, as the value type or a decimal string ("0.00"), or a raw SQL function. */
  default?: T | string | (() => string);
  /** NUMERIC precision; defaults to the value type's (money 18, area 16, ratio 9). */
  precision?: number;
  comment?: string;
}

export interface RatioColumnOptions extends DecimalColumnOptions<Ratio> {
  /** Decimal places; default 4. */
  scale?: number;
}

function decimalColumn<T extends { toString(): string }>(
  options: DecimalColumnOptions<T>,
  precision: number,
  scale: number,
  transformer: ValueTransformer,
): PropertyDecorator {
  const { default: defaultValue, precision: customPrecision, ...rest } = options;
  return Column({
    ...rest,
    type: 'numeric',
    precision: customPrecision ?? precision,
    scale,
    transformer,
    ...(defaultValue === undefined
      ? {}
      : { default: typeof defaultValue === 'function' ? defaultValue : defaultValue.toString() }),
  });
}

/** `@MoneyColumn()` → `numeric(18,2)` holding a {@link Money}. */
export function MoneyColumn(options: DecimalColumnOptions<Money> = {}): PropertyDecorator {
  return decimalColumn(options, MONEY_PRECISION, MONEY_SCALE, moneyTransformer);
}

/** `@AreaColumn()` → `numeric(16,2)` holding an {@link Area}. */
export function AreaColumn(options: DecimalColumnOptions<Area> = {}): PropertyDecorator {
  return decimalColumn(options, AREA_PRECISION, AREA_SCALE, areaTransformer);
}

/** `@RatioColumn()` → `numeric(9,4)` holding a {@link Ratio}; `scale` changes the places. */
export function RatioColumn(options: RatioColumnOptions = {}): PropertyDecorator {
  const { scale = RATIO_SCALE, ...rest } = options;
  return decimalColumn(rest, RATIO_PRECISION, scale, ratioTransformer(scale));
}
