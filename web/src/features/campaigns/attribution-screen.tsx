import { Alert, Group, Paper, SegmentedControl, Select, Table, Text, TextInput } from '@mantine/core';
import { IconAlertTriangle, IconChartBar } from '@tabler/icons-react';
import { useState } from 'react';
import { Empty } from '../../components/empty.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { AnchorLink } from '../../components/links.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { LoadingCard, TableCard } from '../../components/table-card.tsx';
import { formatMinor, formatWhole } from '../deals/money.ts';
import { AttributionChart } from './attribution-chart.tsx';
import { type AttributionRow, type Channel, type Model, models } from './campaign-types.ts';
import { channelLabels, formatRoi, modelLabels, roiColor } from './labels.ts';
import { useAttribution } from './use-campaigns.ts';

const yearStart = () => `${new Date().getFullYear()}-01-01`;

function RowName({ row, groupBy }: { row: AttributionRow; groupBy: 'campaign' | 'channel' }) {
  if (groupBy === 'channel') return <Text size="sm">{channelLabels[row.key as Channel] ?? row.key}</Text>;
  return (
    <AnchorLink to="/campaigns/$campaignId" params={{ campaignId: row.key }} size="sm">
      {row.label}
    </AnchorLink>
  );
}

/** Leads, MQLs, SQLs, customers, attributed revenue, spend and ROI per channel or campaign for a period. */
export function AttributionScreen() {
  const [model, setModel] = useState<Model>('linear');
  const [groupBy, setGroupBy] = useState<'campaign' | 'channel'>('channel');
  const [from, setFrom] = useState(yearStart());
  const [to, setTo] = useState('');
  const report = useAttribution({ model, groupBy, from, to });
  const data = report.data;
  const currency = data?.currency ?? 'USD';
  const rows = (data?.rows ?? []).map((r) => (groupBy === 'channel' ? { ...r, label: channelLabels[r.key as Channel] ?? r.key } : r));
  return (
    <>
      <PageHeader
        title="Attribution"
        description="Won deals' revenue credited to the campaigns that touched the deal's people before the win, under the model you choose. Funnel counts are people who reached the stage after a touch."
      />
      <Group gap="sm" mb="md" wrap="wrap" align="flex-end">
        <Select
          label="Model"
          w={260}
          data={models.map((m) => ({ value: m, label: modelLabels[m] }))}
          value={model}
          onChange={(v) => v && setModel(v as Model)}
          allowDeselect={false}
        />
        <SegmentedControl
          aria-label="Group by"
          value={groupBy}
          onChange={(v) => setGroupBy(v as 'campaign' | 'channel')}
          data={[
            { value: 'channel', label: 'By channel' },
            { value: 'campaign', label: 'By campaign' },
          ]}
        />
        <TextInput label="From" type="date" value={from} onChange={(e) => setFrom(e.currentTarget.value)} />
        <TextInput label="To" type="date" value={to} onChange={(e) => setTo(e.currentTarget.value)} />
      </Group>
      {report.isPending ? (
        <LoadingCard label="Loading attribution" />
      ) : report.isError ? (
        <ErrorAlert error={report.error} title="Could not compute attribution" onRetry={() => report.refetch()} />
      ) : rows.length === 0 ? (
        <Empty
          icon={<IconChartBar size={28} />}
          title="No campaigns yet"
          description="Create campaigns and record their spend; touchpoints and won deals then fill this report."
        />
      ) : (
        <>
          {data!.unconverted.length > 0 && (
            <Alert color="orange" variant="light" icon={<IconAlertTriangle size={16} />} mb="md">
              {data!.unconverted.length} amount{data!.unconverted.length === 1 ? '' : 's'} left out for lack of an exchange rate into{' '}
              {currency} (e.g. {data!.unconverted[0]!.currency} on {data!.unconverted[0]!.day}). Add rates under Settings → Pipelines.
            </Alert>
          )}
          <Paper p="lg" mb="lg" aria-busy={report.isFetching}>
            <Group justify="space-between" mb="xs">
              <Text fw={600}>Revenue and spend {groupBy === 'channel' ? 'per channel' : 'per campaign'}</Text>
              <Text size="sm" c="dimmed">
                {data!.totals.wonDeals} won deals, {formatWhole(data!.totals.revenue, currency)}; {data!.totals.wonWithoutTouches} without
                any campaign touch
              </Text>
            </Group>
            <AttributionChart
              rows={rows}
              currency={currency}
              label={`Attributed revenue and spend ${groupBy === 'channel' ? 'per channel' : 'per campaign'}`}
            />
          </Paper>
          <TableCard label="Attribution" minWidth={1000}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{groupBy === 'channel' ? 'Channel' : 'Campaign'}</Table.Th>
                <Table.Th ta="right">Touchpoints</Table.Th>
                <Table.Th ta="right">Leads</Table.Th>
                <Table.Th ta="right">MQLs</Table.Th>
                <Table.Th ta="right">SQLs</Table.Th>
                <Table.Th ta="right">Customers</Table.Th>
                <Table.Th ta="right">Revenue</Table.Th>
                <Table.Th ta="right">Spend</Table.Th>
                <Table.Th ta="right">Cost / lead</Table.Th>
                <Table.Th ta="right">ROI</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => (
                <Table.Tr key={r.key}>
                  <Table.Td>
                    <RowName row={r} groupBy={groupBy} />
                  </Table.Td>
                  <Table.Td ta="right">{r.touchpoints.toLocaleString()}</Table.Td>
                  <Table.Td ta="right">{r.leads.toLocaleString()}</Table.Td>
                  <Table.Td ta="right">{r.mqls.toLocaleString()}</Table.Td>
                  <Table.Td ta="right">{r.sqls.toLocaleString()}</Table.Td>
                  <Table.Td ta="right">{r.customers.toLocaleString()}</Table.Td>
                  <Table.Td ta="right">{formatWhole(r.revenue, currency)}</Table.Td>
                  <Table.Td ta="right">{formatWhole(r.spend, currency)}</Table.Td>
                  <Table.Td ta="right">{r.costPerLead === null ? '—' : formatMinor(r.costPerLead, currency)}</Table.Td>
                  <Table.Td ta="right" title={r.roiNote ?? undefined}>
                    <Text size="sm" fw={600} c={roiColor(r.roi)}>
                      {formatRoi(r.roi)}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </TableCard>
        </>
      )}
    </>
  );
}
