import { Alert, Empty, Skeleton } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { EChartsCoreOption } from 'echarts/core';
import { EChart } from '@web/components/charts/echart';
import { Panel } from '@web/components/panel';
import { formatArea } from '@web/lib/money';
import { useLandSales, type LandSalesFigures } from './api';
import { sumByDistrict, toPercent, toWan } from './statistics';

const RED = '#b71c1c';
const GOLD = '#d48806';
const TEAL = '#00695c';

interface Row extends LandSalesFigures {
  label: string;
}

interface Series {
  name: string;
  values: Array<string | null>;
}

/** Two value axes: bars (万元 or 万㎡) and a line (percentages or a count) with its own unit. */
function barLineOption(rows: readonly Row[], bar: Series & { color: string }, line: Series & { unit: string; whole?: boolean }): EChartsCoreOption {
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 56, right: 56, top: 40, bottom: 32 },
    xAxis: { type: 'category', data: rows.map((r) => r.label) },
    yAxis: [
      { type: 'value', name: bar.name, nameTextStyle: { align: 'left' } },
      // a count has no half lots on its axis
      { type: 'value', name: line.unit, splitLine: { show: false }, ...(line.whole ? { minInterval: 1 } : {}) },
    ],
    // Values are exact decimal strings; ECharts reads numeric strings itself.
    series: [
      { name: bar.name, type: 'bar', data: bar.values, itemStyle: { color: bar.color }, barMaxWidth: 36 },
      { name: line.name, type: 'line', yAxisIndex: 1, data: line.values, itemStyle: { color: GOLD }, connectNulls: true },
    ],
  };
}

/** The series names, in the page's language. */
interface SeriesNames {
  revenue: string;
  premiumRate: string;
  soldAreaWan: string;
  sold: string;
}

/** Revenue (万元 bars) with the average premium rate (a line, %), one category per row. */
function revenueOption(rows: readonly Row[], names: SeriesNames): EChartsCoreOption {
  return barLineOption(
    rows,
    { name: names.revenue, color: RED, values: rows.map((r) => toWan(r.revenue)) },
    { name: names.premiumRate, unit: '%', values: rows.map((r) => toPercent(r.averagePremiumRate)) },
  );
}

/** Sold area (万㎡ bars) with the lots sold (a line), one category per row. */
function areaOption(rows: readonly Row[], names: SeriesNames): EChartsCoreOption {
  return barLineOption(
    rows,
    { name: names.soldAreaWan, color: TEAL, values: rows.map((r) => toWan(r.soldArea)) },
    { name: names.sold, unit: names.sold, whole: true, values: rows.map((r) => String(r.sold)) },
  );
}

/** 出让统计: sold area, revenue and average premium rate by month and by district, as charts and tables. */
export function StatisticsPage() {
  const { t } = useTranslation();
  const byMonth = useLandSales(null);
  const byDistrict = useLandSales('district');
  const months = useMemo<Row[]>(() => (byMonth.data?.rows ?? []).map((r) => ({ ...r, label: r.period })), [byMonth.data]);
  const districts = useMemo<Row[]>(() => sumByDistrict(byDistrict.data?.rows ?? []).map((r) => ({ ...r, label: r.district })), [byDistrict.data]);
  const names = useMemo<SeriesNames>(
    () => ({
      revenue: t('features.portal.statistics.revenue'),
      premiumRate: t('features.portal.statistics.premiumRate'),
      soldAreaWan: t('features.portal.statistics.soldAreaWan'),
      sold: t('features.portal.statistics.sold'),
    }),
    [t],
  );
  const monthOptions = useMemo(() => ({ revenue: revenueOption(months, names), area: areaOption(months, names) }), [months, names]);
  const districtOptions = useMemo(() => ({ revenue: revenueOption(districts, names), area: areaOption(districts, names) }), [districts, names]);

  return (
    <>
      <header className="page-head">
        <h1 className="page-title">{t('features.portal.statistics.title')}</h1>
        <p className="muted">{t('features.portal.statistics.intro')}</p>
      </header>
      {byMonth.isPending ? (
        <Skeleton active paragraph={{ rows: 10 }} />
      ) : byMonth.isError ? (
        <Alert type="error" showIcon title={byMonth.error.message} />
      ) : months.length === 0 ? (
        <Empty description={t('features.portal.statistics.empty')} />
      ) : (
        <div className="portal-stack">
          <Panel id="stats-month" title={t('features.portal.statistics.byMonth')}>
            <EChart option={monthOptions.revenue} label={t('features.portal.statistics.chartMonth')} />
            <EChart option={monthOptions.area} label={t('features.portal.statistics.chartMonthArea')} />
            <FiguresTable id="table-month" rows={months} head={t('features.portal.statistics.period')} totals={byMonth.data.totals} />
          </Panel>
          <Panel id="stats-district" title={t('features.portal.statistics.byDistrict')}>
            {byDistrict.isPending ? (
              <Skeleton active />
            ) : byDistrict.isError ? (
              <Alert type="error" showIcon title={byDistrict.error.message} />
            ) : (
              <>
                <EChart option={districtOptions.revenue} label={t('features.portal.statistics.chartDistrict')} />
                <EChart option={districtOptions.area} label={t('features.portal.statistics.chartDistrictArea')} />
                <FiguresTable id="table-district" rows={districts} head={t('features.portal.statistics.district')} totals={byDistrict.data.totals} />
              </>
            )}
          </Panel>
        </div>
      )}
    </>
  );
}

/** The chart's figures as a table: what a screen reader (and anyone checking the numbers) reads. */
function FiguresTable({ id, rows, head, totals }: { id: string; rows: readonly Row[]; head: string; totals: LandSalesFigures }) {
  const { t } = useTranslation();
  const cells = (f: LandSalesFigures) => (
    <>
      <td>{f.offered}</td>
      <td>{f.sold}</td>
      <td>{f.unsold}</td>
      <td>{formatArea(f.soldArea)}</td>
      <td>{toWan(f.revenue)}</td>
      <td>{f.averagePremiumRate === null ? '—' : `${toPercent(f.averagePremiumRate)}%`}</td>
    </>
  );
  return (
    // Focusable, so a keyboard can scroll a table wider than a phone.
    <div className="table-scroll" tabIndex={0} role="group" aria-labelledby={`${id}-caption`}>
      <table className="stat-table" id={id} data-testid={id}>
        <caption className="data-table-caption" id={`${id}-caption`}>{t('features.portal.statistics.table')}</caption>
        <thead>
          <tr>
            <th scope="col">{head}</th>
            <th scope="col">{t('features.portal.statistics.offered')}</th>
            <th scope="col">{t('features.portal.statistics.sold')}</th>
            <th scope="col">{t('features.portal.statistics.unsold')}</th>
            <th scope="col">{t('features.portal.statistics.soldArea')}</th>
            <th scope="col">{t('features.portal.statistics.revenue')}</th>
            <th scope="col">{t('features.portal.statistics.premiumRate')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.label}>
              <th scope="row">{r.label}</th>
              {cells(r)}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('features.portal.statistics.totals')}</th>
            {cells(totals)}
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
