import { Alert, Group, Paper, Progress, Select, SimpleGrid, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { formatMinor } from '../deals/money.ts';
import { type Campaign, type Model, models } from './campaign-types.ts';
import { formatRoi, modelLabels, roiColor } from './labels.ts';
import { usePerformance } from './use-campaigns.ts';

function Figure({ label, value, color }: { label: string; value: string; color?: string }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="xl" fw={700} c={color}>
        {value}
      </Text>
    </Stack>
  );
}

/** Return on the campaign under the chosen model, and what every model credits it, side by side. */
export function RoiCard({ campaign, model, onModel }: { campaign: Campaign; model: Model; onModel: (m: Model) => void }) {
  const perf = usePerformance(campaign.id, model);
  const row = perf.data?.row;
  const currency = perf.data?.currency ?? 'USD';
  return (
    <Paper p="lg">
      <Group justify="space-between" mb="md" wrap="wrap">
        <Title order={2} size="h4">
          Return on investment
        </Title>
        <Select
          aria-label="Attribution model"
          size="xs"
          w={240}
          data={models.map((m) => ({ value: m, label: modelLabels[m] }))}
          value={model}
          onChange={(v) => v && onModel(v as Model)}
          allowDeselect={false}
        />
      </Group>
      {perf.isError ? (
        <ErrorAlert error={perf.error} onRetry={() => perf.refetch()} />
      ) : !row ? (
        <Skeleton height={120} aria-busy="true" aria-label="Loading return on investment" />
      ) : (
        <Stack gap="md" aria-busy={perf.isFetching}>
          <SimpleGrid cols={{ base: 2, sm: 4 }}>
            <Figure label="Attributed revenue" value={formatMinor(row.revenue, currency)} />
            <Figure label="Spend" value={formatMinor(row.spend, currency)} />
            <Figure label="ROI" value={formatRoi(row.roi)} color={roiColor(row.roi)} />
            <Figure label="Cost per lead" value={row.costPerLead === null ? '—' : formatMinor(row.costPerLead, currency)} />
          </SimpleGrid>
          {row.roiNote && (
            <Alert variant="light" color="gray" icon={<IconInfoCircle size={16} />} py={6}>
              <Text size="sm">{row.roiNote}</Text>
            </Alert>
          )}
          <Table aria-label="Revenue and ROI by model">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Model</Table.Th>
                <Table.Th ta="right">Revenue</Table.Th>
                <Table.Th ta="right">ROI</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {models.map((m) => (
                <Table.Tr key={m} bg={m === model ? 'var(--mantine-primary-color-light)' : undefined}>
                  <Table.Td>{modelLabels[m]}</Table.Td>
                  <Table.Td ta="right">{formatMinor(row.revenueByModel[m], currency)}</Table.Td>
                  <Table.Td ta="right" c={roiColor(row.roiByModel[m])}>
                    {formatRoi(row.roiByModel[m])}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      )}
    </Paper>
  );
}

function GoalBar({ label, actual, goal, format }: { label: string; actual: number; goal: number; format: (n: number) => string }) {
  const share = goal > 0 ? actual / goal : 0;
  return (
    <Stack gap={4}>
      <Group justify="space-between">
        <Text size="sm">{label}</Text>
        <Text size="sm" c="dimmed">
          {format(actual)} of {format(goal)} ({Math.round(share * 100)}%)
        </Text>
      </Group>
      <Progress
        value={Math.min(100, share * 100)}
        color={share >= 1 ? 'teal' : 'blue'}
        aria-label={`${label}: ${Math.round(share * 100)}% of goal`}
      />
    </Stack>
  );
}

/** Progress towards each goal set on the campaign (revenue under the chosen model). */
export function GoalsCard({ campaign, model }: { campaign: Campaign; model: Model }) {
  const perf = usePerformance(campaign.id, model);
  const g = campaign.goals;
  const row = perf.data?.row;
  const currency = perf.data?.currency ?? 'USD';
  const count = (n: number) => n.toLocaleString();
  const set = [g.leads, g.mqls, g.sqls, g.customers, g.revenue].some((v) => v !== undefined && v !== null);
  return (
    <Paper p="lg">
      <Title order={2} size="h4" mb="sm">
        Goals
      </Title>
      {!set ? (
        <Text size="sm" c="dimmed">
          No goals set. Edit the campaign to set targets for leads, MQLs, SQLs, customers or revenue.
        </Text>
      ) : !row ? (
        <Skeleton height={80} />
      ) : (
        <Stack gap="sm">
          {g.leads != null && <GoalBar label="Leads" actual={row.leads} goal={g.leads} format={count} />}
          {g.mqls != null && <GoalBar label="MQLs" actual={row.mqls} goal={g.mqls} format={count} />}
          {g.sqls != null && <GoalBar label="SQLs" actual={row.sqls} goal={g.sqls} format={count} />}
          {g.customers != null && <GoalBar label="Customers" actual={row.customers} goal={g.customers} format={count} />}
          {g.revenue != null && (
            <GoalBar label="Revenue" actual={row.revenue} goal={g.revenue} format={(n) => formatMinor(n, currency, true)} />
          )}
        </Stack>
      )}
    </Paper>
  );
}
