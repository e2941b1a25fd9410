import { DomainError, DomainErrors } from '@app/common/domain-error';
import { Decimal, Money, Ratio } from '@app/money';

/**
 * Pure checks of a parcel's own data (DOMAIN.md §2). Each `check…` returns every violation it finds;
 * `assertValid…` throws them all at once as one DomainErrors, so a form shows every problem together.
 */

/** One broken rule, naming the field at fault. */
export interface RuleViolation {
  readonly code: string;
  readonly message: string;
  readonly field: string;
}

// ─── code (宗地编号) and district ────────────────────────────────────────────────────────────────

export const PARCEL_CODE_MAX_LENGTH = 40;

/**
 * ASCII letters and digits, `-`, `_` and Chinese characters (e.g. `寿光2024-05`, the 19-character
 * 不动产单元代码 `370783001001GB00001`). Other scripts and full-width forms are refused: they look like
 * ASCII and would make two codes that read the same.
 */
const PARCEL_CODE_PATTERN = /^[A-Za-z0-9_\-\p{Script=Han}]+$/u;

export function checkParcelCode(code: unknown, field = 'code'): RuleViolation[] {
  if (typeof code !== 'string' || code === '') {
    return [{ code: 'PARCEL_CODE_REQUIRED', message: 'the parcel code (宗地编号) is required', field }];
  }
  const violations: RuleViolation[] = [];
  const length = [...code].length; // characters, not UTF-16 units
  if (length > PARCEL_CODE_MAX_LENGTH) {
    violations.push({
      code: 'PARCEL_CODE_TOO_LONG',
      message: `the parcel code has ${length} characters; at most ${PARCEL_CODE_MAX_LENGTH} are allowed`,
      field,
    });
  }
  if (!PARCEL_CODE_PATTERN.test(code)) {
    violations.push({
      code: 'PARCEL_CODE_INVALID_CHARACTERS',
      message: 'the parcel code may contain only letters A–Z, digits, "-", "_" and Chinese characters (no spaces)',
      field,
    });
  }
  return violations;
}

export function checkDistrict(district: unknown, field = 'district'): RuleViolation[] {
  return typeof district === 'string' && district.trim() !== ''
    ? []
    : [{ code: 'DISTRICT_REQUIRED', message: 'the district is required', field }];
}

// ─── planned use and tenure ──────────────────────────────────────────────────────────────────────

export const PLANNED_USES = ['residential', 'commercial', 'industrial', 'mixed', 'public_service', 'other'] as const;
export type PlannedUse = (typeof PLANNED_USES)[number];

export function isPlannedUse(value: unknown): value is PlannedUse {
  return typeof value === 'string' && (PLANNED_USES as readonly string[]).includes(value);
}

export function checkPlannedUse(use: unknown, field = 'plannedUse'): RuleViolation[] {
  return isPlannedUse(use)
    ? []
    : [{ code: 'PLANNED_USE_INVALID', message: `the planned use must be one of ${PLANNED_USES.join(', ')}`, field }];
}

/** Years of the land use right by planned use: a setting (rules differ by place and over time). */
export type TenureYearsTable = Readonly<Record<PlannedUse, number>>;

/**
 * The statutory maxima (国务院令第55号 §12): residential 70, commercial (商业旅游娱乐) 40, industrial 50,
 * mixed (综合) 50, public service (教育科技文化卫生体育) 50, other 50.
 */
export const DEFAULT_TENURE_YEARS: TenureYearsTable = Object.freeze({
  residential: 70,
  commercial: 40,
  industrial: 50,
  mixed: 50,
  public_service: 50,
  other: 50,
});

/** The tenure for `use` from a settings table; a table entry that is not a whole number 1..70 is a setting error. */
export function tenureYearsFor(use: PlannedUse, table: TenureYearsTable = DEFAULT_TENURE_YEARS): number {
  const years = table[use];
  if (!Number.isInteger(years) || years < 1 || years > 70) {
    throw new RangeError(`tenure years for ${use} must be a whole number between 1 and 70, got ${String(years)}`);
  }
  return years;
}

// ─── planning conditions (规划条件) ───────────────────────────────────────────────────────────────

/** Plot ratio (容积率) must be above 0 and at most this; nothing built in China comes near 20. */
export const MAX_PLOT_RATIO = '20';

/**
 * Building density (建筑密度) and green ratio (绿地率) are Ratios as fractions of the site area
 * (0.3500 = 35%; parse form input with `Ratio.fromPercentString`), so "0–100%" is 0..1 here.
 * Any condition may still be missing while the parcel is in the reserve.
 */
export interface PlanningConditions {
  readonly plotRatioMin?: Ratio;
  readonly plotRatioMax?: Ratio;
  readonly buildingDensity?: Ratio;
  readonly greenRatio?: Ratio;
  /** Metres. */
  readonly heightLimitMetres?: Decimal;
}

const ZERO = new Decimal('0');
const ONE = new Decimal('1');

export function checkPlanningConditions(
  conditions: PlanningConditions,
  field = 'planningConditions',
): RuleViolation[] {
  const violations: RuleViolation[] = [];
  const maxPlotRatio = new Decimal(MAX_PLOT_RATIO);
  const plotRatio = (key: 'plotRatioMin' | 'plotRatioMax'): boolean => {
    const value = conditions[key];
    if (value === undefined) return true;
    if (value.toDecimal().lte(ZERO) || value.toDecimal().gt(maxPlotRatio)) {
      violations.push({
        code: 'PLOT_RATIO_OUT_OF_RANGE',
        message: `the plot ratio (容积率) ${value.toString()} must be above 0 and at most ${MAX_PLOT_RATIO}`,
        field: `${field}.${key}`,
      });
      return false;
    }
    return true;
  };
  const minOk = plotRatio('plotRatioMin');
  const maxOk = plotRatio('plotRatioMax');
  const { plotRatioMin, plotRatioMax } = conditions;
  if (minOk && maxOk && plotRatioMin !== undefined && plotRatioMax !== undefined && plotRatioMin.gt(plotRatioMax)) {
    violations.push({
      code: 'PLOT_RATIO_MIN_ABOVE_MAX',
      message: `the minimum plot ratio ${plotRatioMin.toString()} is above the maximum ${plotRatioMax.toString()}`,
      field: `${field}.plotRatioMin`,
    });
  }
  for (const [key, code, label] of [
    ['buildingDensity', 'BUILDING_DENSITY_OUT_OF_RANGE', 'building density (建筑密度)'],
    ['greenRatio', 'GREEN_RATIO_OUT_OF_RANGE', 'green ratio (绿地率)'],
  ] as const) {
    const value = conditions[key];
    if (value !== undefined && (value.toDecimal().lt(ZERO) || value.toDecimal().gt(ONE))) {
      violations.push({
        code,
        message: `the ${label} ${value.formatPercent()} must be between 0% and 100%`,
        field: `${field}.${key}`,
      });
    }
  }
  const height = conditions.heightLimitMetres;
  if (height !== undefined && !(height.isFinite() && height.gt(ZERO))) {
    violations.push({
      code: 'HEIGHT_LIMIT_NOT_POSITIVE',
      message: `the height limit must be more than 0 m, got ${height.toString()} m`,
      field: `${field}.heightLimitMetres`,
    });
  }
  return violations;
}

// ─── cost entries (储备成本) ──────────────────────────────────────────────────────────────────────

/**
 * acquisition: purchase or recovery price (收购/收回); compensation: requisition and relocation
 * compensation (征收补偿); development: preliminary development (前期开发); financing: interest on
 * reserve loans and bonds; other: anything else (surveys, fees).
 */
export const COST_KINDS = ['acquisition', 'compensation', 'development', 'financing', 'other'] as const;
export type CostKind = (typeof COST_KINDS)[number];

export function isCostKind(value: unknown): value is CostKind {
  return typeof value === 'string' && (COST_KINDS as readonly string[]).includes(value);
}

export interface CostEntry {
  readonly kind: CostKind;
  readonly amount: Money;
  /** `YYYY-MM-DD`, the day the cost was incurred. */
  readonly date: string;
  readonly description: string;
}

export const COST_DESCRIPTION_MAX_LENGTH = 500;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isCalendarDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (match === null) return false;
  const [year, month, day] = [match[1], match[2], match[3]].map((part) => Number.parseInt(part, 10));
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const monthDays = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return day <= monthDays[month - 1];
}

export interface CostEntryCheckOptions {
  /** If given (`YYYY-MM-DD`, the server's date in Asia/Shanghai), a later entry date is refused. */
  today?: string;
}

export function checkCostEntry(
  entry: CostEntry,
  field = 'costEntry',
  options: CostEntryCheckOptions = {},
): RuleViolation[] {
  const violations: RuleViolation[] = [];
  if (!isCostKind(entry.kind)) {
    violations.push({
      code: 'COST_KIND_INVALID',
      message: `the cost kind must be one of ${COST_KINDS.join(', ')}`,
      field: `${field}.kind`,
    });
  }
  if (!Money.isMoney(entry.amount) || !entry.amount.isPositive()) {
    violations.push({
      code: 'COST_AMOUNT_NOT_POSITIVE',
      message: 'the cost amount must be more than 0.00 yuan',
      field: `${field}.amount`,
    });
  }
  if (typeof entry.date !== 'string' || !isCalendarDate(entry.date)) {
    violations.push({
      code: 'COST_DATE_INVALID',
      message: 'the cost date must be a date YYYY-MM-DD',
      field: `${field}.date`,
    });
  } else if (options.today !== undefined && entry.date > options.today) {
    violations.push({
      code: 'COST_DATE_IN_FUTURE',
      message: `the cost date ${entry.date} is after today (${options.today})`,
      field: `${field}.date`,
    });
  }
  if (typeof entry.description !== 'string' || entry.description.trim() === '') {
    violations.push({
      code: 'COST_DESCRIPTION_REQUIRED',
      message: 'the cost needs a description',
      field: `${field}.description`,
    });
  } else if ([...entry.description].length > COST_DESCRIPTION_MAX_LENGTH) {
    violations.push({
      code: 'COST_DESCRIPTION_TOO_LONG',
      message: `the cost description may have at most ${COST_DESCRIPTION_MAX_LENGTH} characters`,
      field: `${field}.description`,
    });
  }
  return violations;
}

export function assertValidCostEntry(entry: CostEntry, field = 'costEntry', options: CostEntryCheckOptions = {}): void {
  throwIfAny('COST_ENTRY_INVALID', 'the cost entry', checkCostEntry(entry, field, options));
}

/**
 * The reserve cost of a parcel, exact to the fen. `acquisition` is the cost of getting the land
 * (acquisition + compensation entries), `development` the preliminary development; financing and other
 * costs are shown apart, and `total` is the sum of all four.
 */
export interface CostTotals {
  readonly acquisition: Money;
  readonly development: Money;
  readonly financing: Money;
  readonly other: Money;
  readonly total: Money;
}

const COST_BUCKET: Readonly<Record<CostKind, Exclude<keyof CostTotals, 'total'>>> = {
  acquisition: 'acquisition',
  compensation: 'acquisition',
  development: 'development',
  financing: 'financing',
  other: 'other',
};

export function totalCost(entries: Iterable<Pick<CostEntry, 'kind' | 'amount'>>): CostTotals {
  const buckets = { acquisition: Money.zero(), development: Money.zero(), financing: Money.zero(), other: Money.zero() };
  let total = Money.zero();
  for (const { kind, amount } of entries) {
    if (!isCostKind(kind)) {
      throw new DomainError('COST_KIND_INVALID', `unknown cost kind ${JSON.stringify(String(kind))}`, 'kind');
    }
    const bucket = COST_BUCKET[kind];
    buckets[bucket] = buckets[bucket].add(amount);
    total = total.add(amount);
  }
  return { ...buckets, total };
}

// ─── the parcel as a whole ───────────────────────────────────────────────────────────────────────

export interface ParcelData {
  readonly code: string;
  readonly district: string;
  readonly plannedUse: string;
  readonly planningConditions?: PlanningConditions;
  readonly costEntries?: readonly CostEntry[];
}

export function checkParcel(parcel: ParcelData, options: CostEntryCheckOptions = {}): RuleViolation[] {
  return [
    ...checkParcelCode(parcel.code),
    ...checkDistrict(parcel.district),
    ...checkPlannedUse(parcel.plannedUse),
    ...(parcel.planningConditions === undefined ? [] : checkPlanningConditions(parcel.planningConditions)),
    ...(parcel.costEntries ?? []).flatMap((entry, i) => checkCostEntry(entry, `costEntries[${i}]`, options)),
  ];
}

/** Throws DomainErrors('PARCEL_INVALID', …) listing every violation of {@link checkParcel}. */
export function assertValidParcel(parcel: ParcelData, options: CostEntryCheckOptions = {}): void {
  throwIfAny('PARCEL_INVALID', 'the parcel', checkParcel(parcel, options));
}

function throwIfAny(code: string, subject: string, violations: readonly RuleViolation[]): void {
  if (violations.length === 0) return;
  const count = violations.length === 1 ? 'one problem' : `${violations.length} problems`;
  throw new DomainErrors(code, `${subject} has ${count}: ${violations.map((v) => v.message).join('; ')}`, violations);
}
