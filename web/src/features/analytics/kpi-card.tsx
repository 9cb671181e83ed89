import { Badge, Group, Paper, Stack, Text, Tooltip, UnstyledButton } from '@mantine/core';
import { useCallback } from 'react';
import type { KpiBoard, KpiTile } from './analytics-types.ts';
import { changeIsGood, formatChange, formatKpi } from './kpi-format.ts';
import { Sparkline } from './sparkline.tsx';

const statusBadge = {
  on_target: { color: 'teal', label: 'On target' },
  off_target: { color: 'red', label: 'Off target' },
  no_target: { color: 'gray', label: 'No target' },
  no_value: { color: 'gray', label: 'No value' },
} as const;

/** One KPI: value, target and status, change against the comparison period, trend; opens the records behind it. */
export function KpiCard({ kpi, board, onOpen }: { kpi: KpiTile; board: KpiBoard; onOpen: (kpi: KpiTile) => void }) {
  const format = useCallback((v: number | null) => formatKpi(v, kpi.unit, board.currency), [kpi.unit, board.currency]);
  const change = formatChange(kpi.change, kpi.unit, board.currency);
  const badge = statusBadge[kpi.status];
  const color = kpi.status === 'off_target' ? 'var(--mantine-color-red-6)' : 'var(--mantine-color-blue-6)';
  return (
    <Paper p={0} withBorder data-testid={`kpi-${kpi.id}`}>
      <UnstyledButton
        onClick={() => onOpen(kpi)}
        p="md"
        w="100%"
        h="100%"
        aria-label={`${kpi.name}: ${format(kpi.value)}. Show the records behind it`}
        style={{ borderRadius: 'inherit' }}
      >
        <Stack gap={6}>
          <Group justify="space-between" wrap="nowrap" align="flex-start">
            <Tooltip label={kpi.formula} multiline w={280} withArrow>
              <Text size="sm" fw={600} c="dimmed">
                {kpi.name}
              </Text>
            </Tooltip>
            <Badge size="sm" variant="light" color={badge.color}>
              {badge.label}
            </Badge>
          </Group>
          <Text fz={26} fw={700} lh={1.1} data-testid="kpi-value">
            {format(kpi.value)}
          </Text>
          {kpi.value === null ? (
            <Text size="xs" c="dimmed" lineClamp={2}>
              {kpi.reason}
            </Text>
          ) : (
            <Group gap="xs" wrap="nowrap">
              {change && (
                <Text
                  size="xs"
                  fw={600}
                  c={kpi.change === 0 ? 'dimmed' : changeIsGood(kpi.change!, kpi.direction) ? 'teal' : 'red'}
                  style={{ whiteSpace: 'nowrap' }}
                >
                  {change}
                </Text>
              )}
              <Text size="xs" c="dimmed">
                vs {board.comparison.label}
                {kpi.target !== null && ` · target ${kpi.direction === 'higher' ? '≥' : '≤'} ${format(kpi.target)}`}
              </Text>
            </Group>
          )}
          <Sparkline points={kpi.trend} color={color} label={kpi.name} format={format} />
        </Stack>
      </UnstyledButton>
    </Paper>
  );
}
