import { Decimal } from '@app/money/decimal';
import type { components } from '@web/api/schema';

type LandSalesFigures = components['schemas']['LandSalesFiguresDto'];
type LandSalesRow = components['schemas']['LandSalesRowDto'];

/**
 * Groupings of the public land-sales report done in the browser, exactly (Decimal, never a JS number):
 * the report gives one row per month and district; the district view sums the months.
 */
export interface DistrictFigures extends LandSalesFigures {
  district: string;
}

const WAN = new Decimal('10000');

/** 元 → 万元 (or ㎡ → 万㎡) with 2 places, as a numeric string (what ECharts and the table show). */
export function toWan(amount: string): string {
  return new Decimal(amount).div(WAN).toFixed(2);
}

/** A ratio ("0.1523") as a percentage with 2 places ("15.23"); null stays null. */
export function toPercent(ratio: string | null): string | null {
  return ratio === null ? null : new Decimal(ratio).times(100).toFixed(2);
}

/**
 * Sums the months of each district. The average premium rate of a district is the mean over its sold
 * lots, so each month's average counts as many times as it sold lots (4 places, as the report gives).
 */
export function sumByDistrict(rows: readonly LandSalesRow[]): DistrictFigures[] {
  const groups = new Map<string, { offered: number; sold: number; unsold: number; soldArea: Decimal; revenue: Decimal; depositsHeld: Decimal; rateSum: Decimal; rated: number }>();
  for (const r of rows) {
    const key = r.district ?? '';
    const g = groups.get(key) ?? { offered: 0, sold: 0, unsold: 0, soldArea: new Decimal(0), revenue: new Decimal(0), depositsHeld: new Decimal(0), rateSum: new Decimal(0), rated: 0 };
    g.offered += r.offered;
    g.sold += r.sold;
    g.unsold += r.unsold;
    g.soldArea = g.soldArea.plus(r.soldArea);
    g.revenue = g.revenue.plus(r.revenue);
    g.depositsHeld = g.depositsHeld.plus(r.depositsHeld);
    if (r.averagePremiumRate !== null && r.sold > 0) {
      g.rateSum = g.rateSum.plus(new Decimal(r.averagePremiumRate).times(r.sold));
      g.rated += r.sold;
    }
    groups.set(key, g);
  }
  return [...groups.entries()]
    .map(([district, g]) => ({
      district,
      offered: g.offered,
      sold: g.sold,
      unsold: g.unsold,
      soldArea: g.soldArea.toFixed(2),
      revenue: g.revenue.toFixed(2),
      depositsHeld: g.depositsHeld.toFixed(2),
      averagePremiumRate: g.rated ? g.rateSum.div(g.rated).toFixed(4) : null,
    }))
    .sort((a, b) => new Decimal(b.revenue).comparedTo(a.revenue) || a.district.localeCompare(b.district, 'zh-CN'));
}
