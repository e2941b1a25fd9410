import { DomainError } from '@app/common/domain-error';
import { Area, Money } from '@app/money';
import { isParcelState, PARCEL_STATES, type ParcelState } from './parcel-lifecycle';

/**
 * The reserve report and the supply plan (DOMAIN.md §2): pure aggregation over parcels the caller has
 * loaded (and filtered: by date, by whether sold or withdrawn parcels belong in the report). Sums
 * are exact: areas and costs never round, so the parts always add up to the totals.
 */

export interface ReportTotals {
  readonly count: number;
  readonly area: Area;
  readonly cost: Money;
}

export interface ReserveReportParcel {
  readonly state: ParcelState;
  readonly district: string;
  readonly area: Area;
  readonly cost: Money;
}

export interface DistrictReportRow extends ReportTotals {
  readonly district: string;
  /** The district's parcels by state; every state is present, in lifecycle order. */
  readonly byState: Readonly<Record<ParcelState, ReportTotals>>;
}

export interface ReserveReport {
  readonly overall: ReportTotals;
  /** Every state is present (zeros included), in lifecycle order. */
  readonly byState: Readonly<Record<ParcelState, ReportTotals>>;
  /** Districts present in the input, in Chinese (pinyin) collation order. */
  readonly byDistrict: readonly DistrictReportRow[];
}

class Totals {
  count = 0;
  private readonly areas: Area[] = [];
  private readonly costs: Money[] = [];

  add(parcel: Pick<ReserveReportParcel, 'area' | 'cost'>): void {
    this.count += 1;
    this.areas.push(parcel.area);
    this.costs.push(parcel.cost);
  }

  freeze(): ReportTotals {
    return Object.freeze({ count: this.count, area: Area.sum(this.areas), cost: Money.sum(this.costs) });
  }
}

function byStateTable(): Record<ParcelState, Totals> {
  return Object.fromEntries(PARCEL_STATES.map((s) => [s, new Totals()])) as Record<ParcelState, Totals>;
}

function freezeByState(table: Record<ParcelState, Totals>): Readonly<Record<ParcelState, ReportTotals>> {
  const frozen = Object.fromEntries(PARCEL_STATES.map((s) => [s, table[s].freeze()]));
  return Object.freeze(frozen as Record<ParcelState, ReportTotals>);
}

const districtCollator = new Intl.Collator('zh-Hans-CN');

/** Chinese collation, then code points so the order is total. */
function compareDistricts(a: string, b: string): number {
  return districtCollator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}

/** Count, area and cost overall, by state and by district (district names are trimmed). */
export function reserveReport(parcels: Iterable<ReserveReportParcel>): ReserveReport {
  const overall = new Totals();
  const byState = byStateTable();
  const districts = new Map<string, { totals: Totals; byState: Record<ParcelState, Totals> }>();
  for (const parcel of parcels) {
    if (!isParcelState(parcel.state)) {
      throw new DomainError('INVALID_PARCEL_STATE', `unknown parcel state ${JSON.stringify(String(parcel.state))}`, 'state');
    }
    overall.add(parcel);
    byState[parcel.state].add(parcel);
    const name = parcel.district.trim();
    let district = districts.get(name);
    if (district === undefined) {
      district = { totals: new Totals(), byState: byStateTable() };
      districts.set(name, district);
    }
    district.totals.add(parcel);
    district.byState[parcel.state].add(parcel);
  }
  return {
    overall: overall.freeze(),
    byState: freezeByState(byState),
    byDistrict: [...districts.entries()]
      .sort(([a], [b]) => compareDistricts(a, b))
      .map(([name, district]) =>
        Object.freeze({ district: name, ...district.totals.freeze(), byState: freezeByState(district.byState) }),
      ),
  };
}

// ─── supply plan (年度供应计划) ──────────────────────────────────────────────────────────────────

export interface SupplyPlanParcel {
  /** `YYYY-Qn` (n = 1..4), or null/undefined when not yet scheduled. */
  readonly plannedSupplyQuarter?: string | null;
  readonly area: Area;
}

export interface SupplyQuarter<T> {
  /** `2025-Q3` */
  readonly quarter: string;
  readonly year: number;
  readonly quarterOfYear: 1 | 2 | 3 | 4;
  readonly count: number;
  readonly area: Area;
  /** The parcels planned for this quarter, in input order. */
  readonly parcels: readonly T[];
}

export interface SupplyPlan<T> {
  /** In chronological order. With `year` set, all four quarters of that year, empty ones included. */
  readonly quarters: readonly SupplyQuarter<T>[];
  /** The scheduled parcels the plan covers. */
  readonly total: { readonly count: number; readonly area: Area };
  /** Parcels without a planned quarter (always counted, whatever `year` says). */
  readonly unscheduled: { readonly count: number; readonly area: Area };
}

export interface SupplyPlanOptions {
  /** Only this year's quarters (the annual plan). */
  year?: number;
}

const QUARTER_PATTERN = /^(\d{4})-Q([1-4])$/;

/** Reads `2025-Q3`; throws INVALID_SUPPLY_QUARTER naming `field` otherwise. */
export function parseSupplyQuarter(
  value: unknown,
  field = 'plannedSupplyQuarter',
): { year: number; quarterOfYear: 1 | 2 | 3 | 4 } {
  const match = typeof value === 'string' ? QUARTER_PATTERN.exec(value) : null;
  if (match === null || match[1] === '0000') {
    throw new DomainError(
      'INVALID_SUPPLY_QUARTER',
      `${field} must be a quarter written YYYY-Qn, like "2025-Q3"`,
      field,
    );
  }
  return { year: Number.parseInt(match[1], 10), quarterOfYear: Number.parseInt(match[2], 10) as 1 | 2 | 3 | 4 };
}

/** Groups parcels by planned supply quarter, with counts and exact areas. */
export function supplyPlan<T extends SupplyPlanParcel>(
  parcels: readonly T[],
  options: SupplyPlanOptions = {},
): SupplyPlan<T> {
  const groups = new Map<string, T[]>();
  const unscheduled: T[] = [];
  if (options.year !== undefined) {
    if (!Number.isInteger(options.year) || options.year < 1 || options.year > 9999) {
      throw new RangeError(`the plan year must be a whole number 1..9999, got ${String(options.year)}`);
    }
    for (const q of [1, 2, 3, 4]) groups.set(`${String(options.year).padStart(4, '0')}-Q${q}`, []);
  }
  parcels.forEach((parcel, i) => {
    const value = parcel.plannedSupplyQuarter;
    if (value === null || value === undefined) {
      unscheduled.push(parcel);
      return;
    }
    const { year } = parseSupplyQuarter(value, `parcels[${i}].plannedSupplyQuarter`);
    if (options.year !== undefined && year !== options.year) return;
    const group = groups.get(value);
    if (group === undefined) groups.set(value, [parcel]);
    else group.push(parcel);
  });
  // `YYYY-Qn` with a four-digit year sorts chronologically as a string.
  const quarters = [...groups.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([quarter, members]): SupplyQuarter<T> => {
      const { year, quarterOfYear } = parseSupplyQuarter(quarter);
      const area = Area.sum(members.map((p) => p.area));
      return { quarter, year, quarterOfYear, count: members.length, area, parcels: members };
    });
  return {
    quarters,
    total: {
      count: quarters.reduce((n, q) => n + q.count, 0),
      area: Area.sum(quarters.map((q) => q.area)),
    },
    unscheduled: { count: unscheduled.length, area: Area.sum(unscheduled.map((p) => p.area)) },
  };
}
