import { toShanghaiDate } from '@app/calendar/domain/calendar-day';
import { Area } from '@app/money/area';
import { Money } from '@app/money/money';
import { Ratio } from '@app/money/ratio';
import { LAND_USE_LABELS, labelOf, METHOD_LABELS, periodLabel } from './labels';
import { throwIfViolations, type RuleViolation } from './violations';

/**
 * Land sales statistics (出让统计) from closed-lot facts: a pure aggregation with exact arithmetic.
 *
 * - Periods are Shanghai calendar periods of `closedAt`: month "2025-10", quarter "2025-Q4", year "2025".
 * - Per group: lots offered (every closed lot), sold, unsold, the sold area (出让面积, sum of the sold
 *   lots' land areas, ㎡), revenue (sum of the sold prices), the average premium rate and the deposits
 *   still held.
 * - **Average premium rate** = mean over the sold lots of (bid ÷ start − 1), both in the lot's price unit
 *   (the rate saleFigures gives each sale), computed exactly as a
 *   fraction of integers (fen), then rounded half up once to 4 places (0.2500 = 25%). It is the mean of
 *   the lots' rates, not (Σ price ÷ Σ start − 1); `null` when nothing was sold.
 * - Rows are sorted by period, then the dimension values in code-point order; dimensions left out of
 *   `by` are summed over.
 */

export const REPORT_PERIODS = ['month', 'quarter', 'year'] as const;
export type ReportPeriod = (typeof REPORT_PERIODS)[number];

export const REPORT_DIMENSIONS = ['district', 'landUse', 'method'] as const;
export type ReportDimension = (typeof REPORT_DIMENSIONS)[number];

/** Places of the average premium rate. */
export const AVERAGE_PREMIUM_RATE_PLACES = 4;

/** What is known about one closed lot. */
export interface ClosedLotFact {
  readonly lotId: string;
  readonly district: string;
  readonly landUse: string;
  /** auction / listing / tender. */
  readonly method: string;
  readonly closedAt: Date;
  readonly outcome: 'sold' | 'unsold';
  /** The lot's land area (Σ of its parcels' areas, ㎡); counted in the sold area only when sold. */
  readonly landArea: Area;
  /** The sale price (成交总价, 元, the revenue); required when sold, absent when unsold. */
  readonly price?: Money;
  /**
   * The winning price as bid in the lot's unit (元/㎡, 元/建筑㎡); absent for a lot priced as a total, where
   * it is `price`. The premium rate compares it with `startPrice`, like with like.
   */
  readonly bidPrice?: Money;
  /** In the lot's unit (the unit of `bidPrice`); must be more than zero. */
  readonly startPrice: Money;
  /** Deposits of this lot still held (not refunded, converted or forfeited) at report time. */
  readonly depositHeld: Money;
}

export interface LotReportOptions {
  readonly period: ReportPeriod;
  /** Dimensions to group by (default all three). */
  readonly by?: ReadonlyArray<ReportDimension>;
}

/** The figures of one group. */
export interface LotFigures {
  readonly offered: number;
  readonly sold: number;
  readonly unsold: number;
  /** 出让面积: Σ land area of the sold lots, ㎡. */
  readonly soldArea: Area;
  readonly revenue: Money;
  /** 4 places; null when no lot was sold. */
  readonly averagePremiumRate: Ratio | null;
  readonly depositsHeld: Money;
}

export interface LotReportRow extends LotFigures {
  readonly period: string;
  readonly district?: string;
  readonly landUse?: string;
  readonly method?: string;
}

export interface LotReport {
  readonly period: ReportPeriod;
  readonly by: ReadonlyArray<ReportDimension>;
  readonly rows: ReadonlyArray<LotReportRow>;
  /** The same figures over every fact. */
  readonly totals: LotFigures;
}

/** "2025-10", "2025-Q4" or "2025" for an instant, in Shanghai time. */
export function periodOf(at: Date, period: ReportPeriod): string {
  const date = toShanghaiDate(at);
  const year = date.slice(0, 4);
  const month = Number(date.slice(5, 7));
  if (period === 'year') return year;
  if (period === 'quarter') return `${year}-Q${Math.ceil(month / 3)}`;
  return date.slice(0, 7);
}

function factViolations(facts: ReadonlyArray<ClosedLotFact>): RuleViolation[] {
  const out: RuleViolation[] = [];
  const seen = new Set<string>();
  facts.forEach((f, i) => {
    const field = `facts[${i}]`;
    if (typeof f.lotId !== 'string' || f.lotId === '') out.push({ code: 'FACT_INVALID', message: `${field}.lotId is required`, field: `${field}.lotId` });
    else if (seen.has(f.lotId)) out.push({ code: 'FACT_DUPLICATE', message: `lot ${f.lotId} appears twice`, field: `${field}.lotId` });
    else seen.add(f.lotId);
    for (const key of REPORT_DIMENSIONS) {
      if (typeof f[key] !== 'string') out.push({ code: 'FACT_INVALID', message: `${field}.${key} must be a string`, field: `${field}.${key}` });
    }
    if (!(f.closedAt instanceof Date) || Number.isNaN(f.closedAt.getTime())) {
      out.push({ code: 'FACT_INVALID', message: `${field}.closedAt must be a valid instant`, field: `${field}.closedAt` });
    }
    if (!Money.isMoney(f.startPrice) || !f.startPrice.isPositive()) {
      out.push({ code: 'FACT_INVALID', message: `${field}.startPrice must be more than 0.00`, field: `${field}.startPrice` });
    }
    if (!Area.isArea(f.landArea) || f.landArea.isNegative()) {
      out.push({ code: 'FACT_INVALID', message: `${field}.landArea must not be negative`, field: `${field}.landArea` });
    }
    if (!Money.isMoney(f.depositHeld) || f.depositHeld.isNegative()) {
      out.push({ code: 'FACT_INVALID', message: `${field}.depositHeld must not be negative`, field: `${field}.depositHeld` });
    }
    if (f.outcome === 'sold') {
      if (!Money.isMoney(f.price) || !f.price.isPositive()) {
        out.push({ code: 'FACT_INVALID', message: `${field}.price is required and more than 0.00 for a sold lot`, field: `${field}.price` });
      }
      if (f.bidPrice !== undefined && (!Money.isMoney(f.bidPrice) || !f.bidPrice.isPositive())) {
        out.push({ code: 'FACT_INVALID', message: `${field}.bidPrice must be more than 0.00`, field: `${field}.bidPrice` });
      }
    } else if (f.outcome === 'unsold') {
      if (f.price !== undefined) out.push({ code: 'FACT_INVALID', message: `${field}.price must be absent for an unsold lot`, field: `${field}.price` });
      if (f.bidPrice !== undefined) out.push({ code: 'FACT_INVALID', message: `${field}.bidPrice must be absent for an unsold lot`, field: `${field}.bidPrice` });
    } else {
      out.push({ code: 'FACT_INVALID', message: `${field}.outcome must be "sold" or "unsold"`, field: `${field}.outcome` });
    }
  });
  return out;
}

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

/**
 * The mean of (priceᵢ ÷ startᵢ − 1), exact, rounded half up (away from zero) once to `places`.
 * `pairs` must not be empty and every start must be positive.
 */
export function averagePremiumRate(pairs: ReadonlyArray<{ price: Money; start: Money }>, places = AVERAGE_PREMIUM_RATE_PLACES): Ratio {
  if (pairs.length === 0) throw new RangeError('the average of no premium rates is undefined');
  // Σ (p − s)/s as num/den, reduced as we go; all in fen, so exact.
  let num = 0n;
  let den = 1n;
  for (const { price, start } of pairs) {
    const s = start.toFen();
    if (s <= 0n) throw new RangeError('a start price must be more than zero');
    const p = price.toFen();
    num = num * s + (p - s) * den;
    den = den * s;
    const g = gcd(num, den);
    if (g > 1n) {
      num /= g;
      den /= g;
    }
  }
  den *= BigInt(pairs.length);
  const scale = 10n ** BigInt(places);
  const negative = num < 0n;
  const magnitude = negative ? -num : num;
  // round half up: ⌊(2·|num|·scale + den) / (2·den)⌋
  const rounded = (2n * magnitude * scale + den) / (2n * den);
  const sign = negative && rounded !== 0n ? '-' : '';
  const fraction = places === 0 ? '' : `.${(rounded % scale).toString().padStart(places, '0')}`;
  return Ratio.of(`${sign}${rounded / scale}${fraction}`, places);
}

function figures(facts: ReadonlyArray<ClosedLotFact>): LotFigures {
  const sold = facts.filter((f) => f.outcome === 'sold');
  return Object.freeze({
    offered: facts.length,
    sold: sold.length,
    unsold: facts.length - sold.length,
    soldArea: Area.sum(sold.map((f) => f.landArea)),
    revenue: Money.sum(sold.map((f) => f.price as Money)),
    averagePremiumRate: sold.length === 0 ? null : averagePremiumRate(sold.map((f) => ({ price: f.bidPrice ?? (f.price as Money), start: f.startPrice }))),
    depositsHeld: Money.sum(facts.map((f) => f.depositHeld)),
  });
}

/**
 * Aggregates closed-lot facts by period and the chosen dimensions. Throws
 * `DomainErrors('REPORT_FACTS_INVALID')` listing bad facts (duplicate lot, sold without price, zero
 * start price, …).
 */
export function lotReport(facts: ReadonlyArray<ClosedLotFact>, opts: LotReportOptions): LotReport {
  if (!(REPORT_PERIODS as ReadonlyArray<string>).includes(opts.period)) throw new RangeError(`unknown report period ${String(opts.period)}`);
  const by = REPORT_DIMENSIONS.filter((d) => (opts.by ?? REPORT_DIMENSIONS).includes(d));
  throwIfViolations('REPORT_FACTS_INVALID', 'the report cannot be computed', factViolations(facts));

  const groups = new Map<string, { key: string[]; facts: ClosedLotFact[] }>();
  for (const fact of facts) {
    const key = [periodOf(fact.closedAt, opts.period), ...by.map((d) => fact[d])];
    const k = JSON.stringify(key);
    let group = groups.get(k);
    if (group === undefined) {
      group = { key, facts: [] };
      groups.set(k, group);
    }
    group.facts.push(fact);
  }
  const compareKeys = (a: string[], b: string[]): number => {
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
    return 0;
  };
  const rows = [...groups.values()]
    .sort((a, b) => compareKeys(a.key, b.key))
    .map(({ key, facts: groupFacts }) => {
      const dims: Partial<Record<ReportDimension, string>> = {};
      by.forEach((d, i) => {
        dims[d] = key[i + 1];
      });
      return Object.freeze({ period: key[0], ...dims, ...figures(groupFacts) });
    });
  return Object.freeze({ period: opts.period, by: Object.freeze(by), rows: Object.freeze(rows), totals: figures(facts) });
}

/** Chinese column headers of {@link lotReportTable}. */
export const LOT_REPORT_HEADERS: Readonly<Record<ReportDimension | 'period' | keyof LotFigures, string>> = Object.freeze({
  period: '期间',
  district: '区域',
  landUse: '用途',
  method: '出让方式',
  offered: '出让宗数',
  sold: '成交宗数',
  unsold: '流拍宗数',
  soldArea: '出让面积（㎡）',
  revenue: '成交总价（元）',
  averagePremiumRate: '平均溢价率',
  depositsHeld: '未退保证金（元）',
});

/** A ratio to show as a percentage (the export's PercentCell has the same shape). */
export interface PercentOf {
  readonly ratio: Ratio;
}

/** Cells of {@link lotReportTable}: text, whole counts, exact amounts and areas or a percentage. */
export type LotReportCell = string | number | Money | Area | PercentOf | null;

/**
 * The report as a table for people (CSV/XLSX export, `toCsv(table.headers, table.rows)`): Chinese
 * headers and labels (出让方式 拍卖/挂牌/招标, 用途 城镇住宅用地…, 期间 2025年第4季度), one row per group
 * and a final 合计 (total) row. Counts are whole numbers; amounts are Money, the sold area an Area; the rate is a percentage
 * (`percent` builds the cell) or null (blank) when nothing was sold.
 */
export function lotReportTable(report: LotReport, percent: (r: Ratio) => PercentOf): { headers: string[]; rows: LotReportCell[][] } {
  const headers = [
    LOT_REPORT_HEADERS.period,
    ...report.by.map((d) => LOT_REPORT_HEADERS[d]),
    LOT_REPORT_HEADERS.offered,
    LOT_REPORT_HEADERS.sold,
    LOT_REPORT_HEADERS.unsold,
    LOT_REPORT_HEADERS.soldArea,
    LOT_REPORT_HEADERS.revenue,
    LOT_REPORT_HEADERS.averagePremiumRate,
    LOT_REPORT_HEADERS.depositsHeld,
  ];
  const figureCells = (f: LotFigures): LotReportCell[] => [f.offered, f.sold, f.unsold, f.soldArea, f.revenue, f.averagePremiumRate === null ? null : percent(f.averagePremiumRate), f.depositsHeld];
  const label = (d: ReportDimension, code: string): string => (d === 'method' ? labelOf(METHOD_LABELS, code) : d === 'landUse' ? labelOf(LAND_USE_LABELS, code) : code);
  const rows: LotReportCell[][] = report.rows.map((r) => [periodLabel(r.period), ...report.by.map((d) => label(d, r[d] ?? '')), ...figureCells(r)]);
  rows.push(['合计', ...report.by.map(() => ''), ...figureCells(report.totals)]);
  return { headers, rows };
}
