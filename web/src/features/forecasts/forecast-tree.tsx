import { ActionIcon, Group, Progress, Stack, Table, Text, Tooltip } from '@mantine/core';
import { IconChevronDown, IconChevronRight } from '@tabler/icons-react';
import { useState } from 'react';
import { TableCard } from '../../components/table-card.tsx';
import { formatWhole } from '../deals/money.ts';
import type { Forecast, ForecastNode, OverrideCategory } from './forecast-types.ts';
import { OverridePopover } from './override-popover.tsx';

const figureOf: Record<OverrideCategory, 'commit' | 'bestCase' | 'pipeline'> = {
  commit: 'commit',
  best_case: 'bestCase',
  pipeline: 'pipeline',
};

function Money({ value, currency }: { value: number | null; currency: string }) {
  return <>{value === null ? '—' : formatWhole(value, currency)}</>;
}

/** A category cell: the figure in force (an override, with the computed one beside it) and, for managers, its editor. */
function CategoryCell({
  node,
  category,
  f,
  canOverride,
}: {
  node: ForecastNode;
  category: OverrideCategory;
  f: Forecast;
  canOverride: boolean;
}) {
  const computed = node.figures[figureOf[category]];
  const o = node.overrides[category];
  return (
    <Table.Td ta="right">
      <Group gap={4} justify="flex-end" wrap="nowrap">
        <Stack gap={0} align="flex-end">
          {o ? (
            <Tooltip label={`${o.authorName ?? 'A manager'}: “${o.comment}”`} multiline w={260}>
              <Text size="sm" fw={650} c="violet" data-testid={`override-${category}`}>
                {formatWhole(o.amount, f.currency)}
              </Text>
            </Tooltip>
          ) : (
            <Text size="sm">{formatWhole(computed, f.currency)}</Text>
          )}
          {o && (
            <Text size="xs" c="dimmed">
              computed {formatWhole(computed, f.currency)}
            </Text>
          )}
        </Stack>
        {canOverride && node.type !== 'unassigned' && (
          <OverridePopover
            node={node}
            category={category}
            computed={computed}
            period={f.period}
            pipelineId={f.pipelineId ?? undefined}
            currency={f.currency}
          />
        )}
      </Group>
    </Table.Td>
  );
}

function Attainment({ node }: { node: ForecastNode }) {
  if (node.attainment === null)
    return (
      <Text size="sm" c="dimmed">
        No quota
      </Text>
    );
  const color = node.attainment >= 100 ? 'teal' : node.attainment >= 70 ? 'blue' : node.attainment >= 40 ? 'yellow' : 'red';
  return (
    <Stack gap={2} miw={90}>
      <Text size="sm" ta="right" fw={550}>
        {node.attainment}%
      </Text>
      <Progress
        value={Math.min(100, node.attainment)}
        color={color}
        size="sm"
        aria-label={`Attainment of ${node.name}: ${node.attainment}%`}
      />
    </Stack>
  );
}

function Rows({ node, depth, f, canOverride }: { node: ForecastNode; depth: number; f: Forecast; canOverride: boolean }) {
  const [open, setOpen] = useState(true);
  const c = f.currency;
  return (
    <>
      <Table.Tr data-testid={`forecast-row-${node.type}`} data-name={node.name} fw={node.type === 'user' ? undefined : 600}>
        <Table.Td>
          <Group gap={6} wrap="nowrap" pl={depth * 20}>
            {node.children.length > 0 ? (
              <ActionIcon
                variant="subtle"
                size="sm"
                color="gray"
                aria-expanded={open}
                aria-label={`${open ? 'Collapse' : 'Expand'} ${node.name}`}
                onClick={() => setOpen(!open)}
              >
                {open ? <IconChevronDown size={14} /> : <IconChevronRight size={14} />}
              </ActionIcon>
            ) : (
              <span style={{ width: 22 }} />
            )}
            <Text size="sm" fw={node.type === 'user' ? 500 : 650} style={{ whiteSpace: 'nowrap' }}>
              {node.name}
            </Text>
          </Group>
        </Table.Td>
        <Table.Td ta="right">
          <Money value={node.figures.closedWon} currency={c} />
        </Table.Td>
        <CategoryCell node={node} category="commit" f={f} canOverride={canOverride} />
        <Table.Td ta="right">
          <Money value={node.forecast} currency={c} />
        </Table.Td>
        <Table.Td ta="right">
          <Text size="sm">
            <Money value={node.quota} currency={c} />
          </Text>
          {node.quotaSource === 'reps' && node.quota !== null && node.type !== 'user' && (
            <Text size="xs" c="dimmed">
              sum of reps
            </Text>
          )}
        </Table.Td>
        <Table.Td>
          <Attainment node={node} />
        </Table.Td>
        <Table.Td ta="right">
          <Text
            size="sm"
            c={node.gap !== null && node.gap <= 0 ? 'teal' : undefined}
            title={node.gap !== null && node.gap < 0 ? 'Forecast above quota' : undefined}
          >
            {node.gap === null ? '—' : node.gap < 0 ? `+${formatWhole(-node.gap, c)}` : formatWhole(node.gap, c)}
          </Text>
        </Table.Td>
        <CategoryCell node={node} category="best_case" f={f} canOverride={canOverride} />
        <CategoryCell node={node} category="pipeline" f={f} canOverride={canOverride} />
        <Table.Td ta="right">
          <Money value={node.figures.weighted} currency={c} />
        </Table.Td>
      </Table.Tr>
      {open &&
        node.children.map((child) => (
          <Rows key={`${child.type}:${child.id ?? child.name}`} node={child} depth={depth + 1} f={f} canOverride={canOverride} />
        ))}
    </>
  );
}

/**
 * The rep → team → workspace table of one period: what is won and committed against quota first, the upside (best case,
 * pipeline, weighted) after it.
 */
export function ForecastTree({ forecast, canOverride }: { forecast: Forecast; canOverride: boolean }) {
  return (
    <TableCard label="Forecast by team and rep" minWidth={1100} dense>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Team / rep</Table.Th>
          <Table.Th ta="right">Closed won</Table.Th>
          <Table.Th ta="right">Commit</Table.Th>
          <Table.Th ta="right">Forecast</Table.Th>
          <Table.Th ta="right">Quota</Table.Th>
          <Table.Th>Attainment</Table.Th>
          <Table.Th ta="right">Gap</Table.Th>
          <Table.Th ta="right">Best case</Table.Th>
          <Table.Th ta="right">Pipeline</Table.Th>
          <Table.Th ta="right">Weighted</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        <Rows node={forecast.tree} depth={0} f={forecast} canOverride={canOverride} />
      </Table.Tbody>
    </TableCard>
  );
}
