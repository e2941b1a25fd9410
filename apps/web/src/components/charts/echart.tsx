import { Skeleton } from 'antd';
import { lazy, Suspense } from 'react';
import type { EChartsCoreOption } from 'echarts/core';

export interface EChartProps {
  /** A bar / line chart's option (categories, series of numeric strings, axes). */
  option: EChartsCoreOption;
  /** What the chart shows, for screen readers (the page gives the figures as a table too). */
  label: string;
  height?: number;
}

// ECharts is loaded only by the pages that draw a chart (never in the portal's first load).
const EChartView = lazy(() => import('./echart-view'));

/** An ECharts chart (bar and line), drawn on a canvas once ECharts has loaded. */
export function EChart(props: EChartProps) {
  return (
    <Suspense fallback={<Skeleton.Node active style={{ width: '100%', height: props.height ?? 320 }} />}>
      <EChartView {...props} />
    </Suspense>
  );
}
