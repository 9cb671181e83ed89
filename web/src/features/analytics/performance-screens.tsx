import { Alert, Button, Group, Paper, Select, Stack, Table, Title } from '@mantine/core';
import { IconChartBar, IconDownload } from '@tabler/icons-react';
import { useState } from 'react';
import { Empty } from '../../components/empty.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { LoadingCard, TableCard } from '../../components/table-card.tsx';
import { formatMinor } from '../deals/money.ts';
import type { MarketingRow, PerformanceRow } from './analytics-types.ts';
import { periodChoices } from './kpi-format.ts';
import { csvHref, currentQuarter, days, percent, periodRange } from './report-period.ts';
import { useMarketingPerformance, useSalesPerformance } from './use-analytics.ts';

const salesPeriods = () => periodChoices().filter((g) => g.group !== 'Years');

function SalesTable({ rows, label, currency }: { rows: PerformanceRow[]; label: string; currency: string }) {
  return (
    <TableCard label={label} minWidth={1100}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{label === 'Teams' ? 'Team' : 'Rep'}</Table.Th>
          <Table.Th ta="right">Activities</Table.Th>
          <Table.Th ta="right">Median first response</Table.Th>
          <Table.Th ta="right">Deals created</Table.Th>
          <Table.Th ta="right">Won</Table.Th>
          <Table.Th ta="right">Revenue</Table.Th>
          <Table.Th ta="right">Win rate</Table.Th>
          <Table.Th ta="right">Cycle</Table.Th>
          <Table.Th ta="right">Quota</Table.Th>
          <Table.Th ta="right">Attainment</Table.Th>
          <Table.Th ta="right">Forecast accuracy</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((r) => (
          <Table.Tr key={r.id}>
            <Table.Td>{r.name}</Table.Td>
            <Table.Td ta="right">{r.activities}</Table.Td>
            <Table.Td ta="right">{r.medianResponseMinutes === null ? '—' : `${Math.round(r.medianResponseMinutes)} min`}</Table.Td>
            <Table.Td ta="right">{r.dealsCreated}</Table.Td>
            <Table.Td ta="right">{r.dealsWon}</Table.Td>
            <Table.Td ta="right">{formatMinor(r.revenue, currency)}</Table.Td>
            <Table.Td ta="right">{percent(r.winRate)}</Table.Td>
            <Table.Td ta="right">{days(r.cycleDays)}</Table.Td>
            <Table.Td ta="right">{r.quota === null ? '—' : formatMinor(r.quota, currency)}</Table.Td>
            <Table.Td ta="right">{percent(r.attainment)}</Table.Td>
            <Table.Td ta="right">{r.forecastAccuracy === null ? '—' : `${r.forecastAccuracy} %`}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </TableCard>
  );
}

/** Per rep and team: activity, response, deals, revenue, win rate, cycle, quota attainment and forecast accuracy. */
export function SalesPerformanceScreen() {
  const [period, setPeriod] = useState(currentQuarter());
  const perf = useSalesPerformance(period);
  const data = perf.data;
  return (
    <Stack gap="lg">
      <PageHeader
        title="Sales performance"
        description="Each rep's and team's figures for a month or quarter. Quotas and forecast snapshots come from Forecast; response times from lead routing."
        actions={
          <Button
            component="a"
            href={csvHref('/api/analytics/sales-performance.csv', { period })}
            variant="default"
            leftSection={<IconDownload size={16} />}
          >
            Export CSV
          </Button>
        }
      />
      <Group>
        <Select
          label="Period"
          data={salesPeriods()}
          value={period}
          onChange={(v) => v && setPeriod(v)}
          allowDeselect={false}
          searchable
          w={160}
        />
      </Group>
      {data && data.unconvertedCurrencies.length > 0 && (
        <Alert color="yellow" title="Some amounts are left out">
          No exchange rate into {data.currency} for {data.unconvertedCurrencies.join(', ')}.
        </Alert>
      )}
      {perf.isPending ? (
        <LoadingCard label="Loading sales performance" />
      ) : perf.error ? (
        <ErrorAlert error={perf.error} title="Could not compute sales performance" onRetry={() => perf.refetch()} />
      ) : data && data.reps.length === 0 ? (
        <Paper>
          <Empty
            icon={<IconChartBar size={24} />}
            title="No reps to show"
            description="Invite sales reps under Settings → Users & invites, or assign deals and leads to members."
          />
        </Paper>
      ) : data ? (
        <Stack gap="lg" aria-busy={perf.isFetching}>
          <SalesTable rows={data.reps} label="Reps" currency={data.currency} />
          {data.teams.length > 0 && (
            <>
              <Title order={2} size="h4">
                Teams
              </Title>
              <SalesTable rows={data.teams} label="Teams" currency={data.currency} />
            </>
          )}
        </Stack>
      ) : null}
    </Stack>
  );
}

const models = [
  { value: 'linear', label: 'Linear' },
  { value: 'first_touch', label: 'First touch' },
  { value: 'last_touch', label: 'Last touch' },
  { value: 'u_shaped', label: 'U-shaped' },
  { value: 'w_shaped', label: 'W-shaped' },
  { value: 'time_decay', label: 'Time decay' },
];

function MarketingTable({ rows, label, currency }: { rows: MarketingRow[]; label: string; currency: string }) {
  return (
    <TableCard label={label} minWidth={1100}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{label === 'Channels' ? 'Channel' : 'Campaign'}</Table.Th>
          <Table.Th ta="right">Leads</Table.Th>
          <Table.Th ta="right">MQLs</Table.Th>
          <Table.Th ta="right">SQLs</Table.Th>
          <Table.Th ta="right">Customers</Table.Th>
          <Table.Th ta="right">Attributed revenue</Table.Th>
          <Table.Th ta="right">Spend</Table.Th>
          <Table.Th ta="right">CPL</Table.Th>
          <Table.Th ta="right">CAC</Table.Th>
          <Table.Th ta="right">ROI</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((r) => (
          <Table.Tr key={r.key}>
            <Table.Td>{r.label}</Table.Td>
            <Table.Td ta="right">{r.leads}</Table.Td>
            <Table.Td ta="right">{r.mqls}</Table.Td>
            <Table.Td ta="right">{r.sqls}</Table.Td>
            <Table.Td ta="right">{r.customers}</Table.Td>
            <Table.Td ta="right">{formatMinor(r.revenue, currency)}</Table.Td>
            <Table.Td ta="right">{formatMinor(r.spend, currency)}</Table.Td>
            <Table.Td ta="right">{r.costPerLead === null ? '—' : formatMinor(Math.round(r.costPerLead), currency)}</Table.Td>
            <Table.Td ta="right">{r.cac === null ? '—' : formatMinor(r.cac, currency)}</Table.Td>
            <Table.Td ta="right" title={r.roiNote ?? undefined}>
              {r.roi === null ? '—' : `${r.roi.toLocaleString(undefined, { maximumFractionDigits: 2 })}\u00a0:\u00a01`}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </TableCard>
  );
}

/** Per campaign and channel: funnel counts, attributed revenue under a model, spend, CPL, CAC and ROI. */
export function MarketingPerformanceScreen() {
  const [period, setPeriod] = useState(currentQuarter());
  const [model, setModel] = useState('linear');
  const range = periodRange(period);
  const perf = useMarketingPerformance(range, model);
  const data = perf.data;
  return (
    <Stack gap="lg">
      <PageHeader
        title="Marketing performance"
        description="Campaigns and channels for a period: the contacts they brought, the revenue attributed to them under a model, and what they cost."
        actions={
          <Button
            component="a"
            href={csvHref('/api/analytics/marketing-performance.csv', { ...range, model })}
            variant="default"
            leftSection={<IconDownload size={16} />}
          >
            Export CSV
          </Button>
        }
      />
      <Group align="flex-end">
        <Select
          label="Period"
          data={periodChoices()}
          value={period}
          onChange={(v) => v && setPeriod(v)}
          allowDeselect={false}
          searchable
          w={160}
        />
        <Select label="Attribution model" data={models} value={model} onChange={(v) => v && setModel(v)} allowDeselect={false} w={170} />
      </Group>
      {perf.isPending ? (
        <LoadingCard label="Loading marketing performance" />
      ) : perf.error ? (
        <ErrorAlert error={perf.error} title="Could not compute marketing performance" onRetry={() => perf.refetch()} />
      ) : data && data.campaigns.length === 0 ? (
        <Paper>
          <Empty
            icon={<IconChartBar size={24} />}
            title="No campaigns yet"
            description="Create a campaign under Marketing → Campaigns and record its spend; its leads and revenue show up here."
          />
        </Paper>
      ) : data ? (
        <Stack gap="lg" aria-busy={perf.isFetching}>
          <MarketingTable rows={data.campaigns} label="Campaigns" currency={data.currency} />
          <Title order={2} size="h4">
            Channels
          </Title>
          <MarketingTable rows={data.channels} label="Channels" currency={data.currency} />
        </Stack>
      ) : null}
    </Stack>
  );
}
