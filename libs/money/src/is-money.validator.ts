import { registerDecorator, type ValidationArguments, type ValidationOptions } from 'class-validator';
import { DomainError } from '@app/common/domain-error';
import { Area, AREA_EXAMPLE, AREA_PRECISION, AREA_SCALE, type AreaParseOptions } from './area';
import { DecimalErrorCode } from './decimal';
import { Money, MONEY_EXAMPLE, MONEY_PRECISION, MONEY_SCALE, type MoneyParseOptions } from './money';
import { exampleFor, parseDecimalString, suggestionForNumber, type DecimalParseOptions } from './parse-decimal';
import { Ratio, ratioExample, RATIO_PRECISION, RATIO_SCALE, type RatioParseOptions } from './ratio';

/** Bounds shared by the decorators; the rest are ordinary class-validator options (message, each, groups…). */
interface BoundsOptions {
  /** Default false: "-0.01" and "-0" are invalid. */
  allowNegative?: boolean;
  /** Inclusive bounds as decimal strings. */
  min?: string;
  max?: string;
  /** NUMERIC precision of the target column (money 18, area 16, ratio 9 by default). */
  precision?: number;
}

export type IsMoneyOptions = BoundsOptions & ValidationOptions;
export type IsAreaOptions = BoundsOptions & ValidationOptions;
export type IsRatioOptions = BoundsOptions & ValidationOptions & { /** Default 4. */ scale?: number };
export type IsDecimalStringOptions = Omit<DecimalParseOptions, 'field'> & ValidationOptions;

interface Rule {
  name: string;
  /** "a money amount as a string" */
  description: string;
  parse: Omit<DecimalParseOptions, 'field'>;
}

function splitOptions<T extends BoundsOptions & ValidationOptions & { scale?: number; example?: string }>(
  options: T,
): { bounds: BoundsOptions & { scale?: number; example?: string }; validation: ValidationOptions } {
  const { allowNegative, min, max, precision, scale, example, ...validation } = options;
  return { bounds: { allowNegative, min, max, precision, scale, example }, validation };
}

/** The message for one invalid value, naming the property. */
function messageFor(rule: Rule, property: string, value: unknown): string {
  const { scale } = rule.parse;
  const example = rule.parse.example ?? exampleFor(scale);
  const places = scale === 0 ? 'no decimal places' : `at most ${scale} decimal ${scale === 1 ? 'place' : 'places'}`;
  const generic = `${property} must be ${rule.description} with ${places}, like "${example}"`;
  if (typeof value === 'number') {
    return `${property} must be a string, not a JSON number: send "${suggestionForNumber(value, scale, example)}"`;
  }
  try {
    parseDecimalString(value, { ...rule.parse, field: property });
  } catch (error: unknown) {
    if (
      error instanceof DomainError &&
      (error.code === DecimalErrorCode.NEGATIVE_NOT_ALLOWED || error.code === DecimalErrorCode.OUT_OF_RANGE)
    ) {
      return error.message;
    }
  }
  return generic;
}

function isValid(rule: Rule, value: unknown): boolean {
  try {
    parseDecimalString(value, rule.parse);
    return true;
  } catch {
    return false;
  }
}

function decorator(rule: Rule, validationOptions: ValidationOptions): PropertyDecorator {
  return (target: object, propertyKey: string | symbol): void => {
    registerDecorator({
      name: rule.name,
      target: target.constructor,
      propertyName: String(propertyKey),
      constraints: [rule.parse],
      options: validationOptions,
      validator: {
        validate: (value: unknown): boolean => isValid(rule, value),
        defaultMessage: (args?: ValidationArguments): string => {
          const property = args?.property ?? 'value';
          const raw: unknown = args?.value;
          // With `each: true` class-validator hands the whole array over: explain the first bad item.
          if (validationOptions.each === true && Array.isArray(raw)) {
            const firstBad: unknown = (raw as unknown[]).find((item) => !isValid(rule, item));
            return `each value in ${messageFor(rule, property, firstBad)}`;
          }
          return messageFor(rule, property, raw);
        },
      },
    });
  };
}

/**
 * A money amount in yuan sent as a string with at most 2 places ("12500000.00"), fitting NUMERIC(18,2).
 * Negative amounts are invalid unless `allowNegative`. Default message, e.g.
 * `deposit must be a money amount as a string with at most 2 decimal places, like "12500000.00"`.
 */
export function IsMoney(options: IsMoneyOptions = {}): PropertyDecorator {
  const { bounds, validation } = splitOptions(options);
  return decorator(
    {
      name: 'isMoney',
      description: 'a money amount as a string',
      parse: {
        scale: MONEY_SCALE,
        precision: bounds.precision ?? MONEY_PRECISION,
        allowNegative: bounds.allowNegative,
        min: bounds.min,
        max: bounds.max,
        example: MONEY_EXAMPLE,
      },
    },
    validation,
  );
}

/** An area in ㎡ sent as a string with at most 2 places ("35000.00"), fitting NUMERIC(16,2). */
export function IsArea(options: IsAreaOptions = {}): PropertyDecorator {
  const { bounds, validation } = splitOptions(options);
  return decorator(
    {
      name: 'isArea',
      description: 'an area in square metres as a string',
      parse: {
        scale: AREA_SCALE,
        precision: bounds.precision ?? AREA_PRECISION,
        allowNegative: bounds.allowNegative,
        min: bounds.min,
        max: bounds.max,
        example: AREA_EXAMPLE,
      },
    },
    validation,
  );
}

/** A ratio sent as a string with at most `scale` (default 4) places ("2.5000"), fitting NUMERIC(9,4). */
export function IsRatio(options: IsRatioOptions = {}): PropertyDecorator {
  const { bounds, validation } = splitOptions(options);
  const scale = bounds.scale ?? RATIO_SCALE;
  return decorator(
    {
      name: 'isRatio',
      description: 'a ratio as a string',
      parse: {
        scale,
        precision: bounds.precision ?? RATIO_PRECISION,
        allowNegative: bounds.allowNegative,
        min: bounds.min,
        max: bounds.max,
        example: ratioExample(scale),
      },
    },
    validation,
  );
}

/** Any decimal string accepted by {@link parseDecimalString} with the given NUMERIC(precision, scale). */
export function IsDecimalString(options: IsDecimalStringOptions): PropertyDecorator {
  const { scale, precision, allowNegative, min, max, example, ...validation } = options;
  return decorator(
    {
      name: 'isDecimalString',
      description: 'a decimal string',
      parse: { scale, precision, allowNegative, min, max, example },
    },
    validation,
  );
}

/**
 * For services, after validation: the DTO's string (or an already built Money) as Money.
 * Same rules as {@link Money.parse}; throws a DomainError naming `field` if the value is invalid.
 */
export function toMoney(value: unknown, field?: string, opts?: MoneyParseOptions): Money {
  return Money.isMoney(value) ? value : Money.parse(value, field, opts);
}

/** The DTO's string (or an Area) as Area; same rules as {@link Area.parse}. */
export function toArea(value: unknown, field?: string, opts?: AreaParseOptions): Area {
  return Area.isArea(value) ? value : Area.parse(value, field, opts);
}

/** The DTO's string (or a Ratio) as Ratio; same rules as {@link Ratio.parse}. */
export function toRatio(value: unknown, field?: string, opts?: RatioParseOptions): Ratio {
  return Ratio.isRatio(value) ? value : Ratio.parse(value, field, opts);
}
