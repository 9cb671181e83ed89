import { Box } from '@mantine/core';
import { LineChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([LineChart, GridComponent, TooltipComponent, SVGRenderer]);

/** A small trend line (ECharts, SVG); gaps where a period has no value. */
export function Sparkline({
  points,
  color,
  label,
  format,
}: {
  points: { period: string; value: number | null }[];
  color: string;
  label: string;
  format: (v: number | null) => string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!ref.current) return;
    const chart = echarts.init(ref.current, undefined, { renderer: 'svg' });
    chart.setOption({
      animation: false,
      grid: { left: 2, right: 2, top: 4, bottom: 2 },
      xAxis: { type: 'category', show: false, data: points.map((p) => p.period) },
      yAxis: { type: 'value', show: false, scale: true },
      tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => format(typeof v === 'number' ? v : null), confine: true },
      series: [
        {
          type: 'line',
          data: points.map((p) => p.value),
          smooth: true,
          symbol: 'circle',
          symbolSize: 4,
          lineStyle: { width: 2, color },
          itemStyle: { color },
          connectNulls: false,
        },
      ],
    });
    const resize = new ResizeObserver(() => chart.resize());
    resize.observe(ref.current);
    return () => {
      resize.disconnect();
      chart.dispose();
    };
  }, [points, color, format]);
  const summary = points.map((p) => `${p.period}: ${format(p.value)}`).join(', ');
  return <Box ref={ref} h={40} role="img" aria-label={`${label} trend: ${summary}`} />;
}
