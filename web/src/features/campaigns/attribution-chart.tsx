import { useComputedColorScheme } from '@mantine/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { formatMinor } from '../deals/money.ts';
import type { AttributionRow } from './campaign-types.ts';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/** Attributed revenue and spend per row (channel or campaign), as grouped bars. */
export function AttributionChart({ rows, currency, label }: { rows: AttributionRow[]; currency: string; label: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const scheme = useComputedColorScheme('light');
  useEffect(() => {
    if (!ref.current) return;
    const chart = echarts.init(ref.current, scheme === 'dark' ? 'dark' : undefined, { renderer: 'canvas' });
    const money = (v: number) => formatMinor(v, currency, true);
    chart.setOption({
      backgroundColor: 'transparent',
      // A report, not a show: bars drawn at once (also keeps screenshots and slow machines honest).
      animation: false,
      tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => formatMinor(Number(v), currency) },
      legend: { top: 0, data: ['Attributed revenue', 'Spend'] },
      grid: { left: 8, right: 16, bottom: 8, top: 40, containLabel: true },
      xAxis: { type: 'category', data: rows.map((r) => r.label), axisLabel: { interval: 0, rotate: rows.length > 6 ? 30 : 0 } },
      yAxis: { type: 'value', axisLabel: { formatter: money } },
      series: [
        { name: 'Attributed revenue', type: 'bar', data: rows.map((r) => r.revenue), itemStyle: { color: '#12b886' } },
        { name: 'Spend', type: 'bar', data: rows.map((r) => r.spend), itemStyle: { color: '#fa5252' } },
      ],
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [rows, currency, scheme]);
  return <div ref={ref} role="img" aria-label={label} style={{ width: '100%', height: 320 }} />;
}
