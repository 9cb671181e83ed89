import { Box } from '@mantine/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import type { FunnelStage, FunnelStageRow } from './analytics-types.ts';
import { percent } from './report-period.ts';

echarts.use([BarChart, GridComponent, TooltipComponent, SVGRenderer]);

/** Contacts per stage as horizontal bars (ECharts, SVG); selecting a bar opens its drop-off. */
export function FunnelChart({ stages, onSelect }: { stages: FunnelStageRow[]; onSelect: (stage: FunnelStage) => void }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!ref.current) return;
    const chart = echarts.init(ref.current, undefined, { renderer: 'svg' });
    const ordered = [...stages].reverse();
    chart.setOption({
      animation: false,
      grid: { left: 100, right: 60, top: 8, bottom: 24 },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: ordered.map((s) => s.name) },
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        formatter: (params: { dataIndex: number }[]) => {
          const s = ordered[params[0]!.dataIndex]!;
          return `${s.name}: ${s.count}<br/>from previous ${percent(s.conversionFromPrevious)}<br/>from first ${percent(s.conversionFromFirst)}`;
        },
      },
      series: [
        {
          type: 'bar',
          data: ordered.map((s) => s.count),
          itemStyle: { color: '#228be6', borderRadius: [0, 4, 4, 0] },
          label: { show: true, position: 'right' },
          cursor: 'pointer',
        },
      ],
    });
    chart.on('click', (e) => {
      const s = ordered[e.dataIndex];
      if (s && s.stage !== 'customer') onSelect(s.stage);
    });
    const resize = new ResizeObserver(() => chart.resize());
    resize.observe(ref.current);
    return () => {
      resize.disconnect();
      chart.dispose();
    };
  }, [stages, onSelect]);
  return <Box ref={ref} h={260} role="img" aria-label={stages.map((s) => `${s.name} ${s.count}`).join(', ')} data-testid="funnel-chart" />;
}
