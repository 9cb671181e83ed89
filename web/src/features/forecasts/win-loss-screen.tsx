import { Badge, Group, Paper, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconChartBar } from '@tabler/icons-react';
import { Empty } from '../../components/empty.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { LoadingCard, TableCard } from '../../components/table-card.tsx';
import { formatWhole } from '../deals/money.ts';
import { usePipelines } from '../deals/use-deals.ts';
import { useToday } from '../workspace/use-today.ts';
import type { WinLossRow } from './forecast-types.ts';
import { useWinLoss } from './use-forecasts.ts';

export interface WinLossSearch {
  from?: string;
  to?: string;
  pipeline?: string;
}

/** The last twelve months up to `today` (the workspace's day): from the day after the same date a year before. */
export function defaultRange(today: string) {
  const [y, m, d] = today.split('-').map(Number);
  return { from: new Date(Date.UTC(y! - 1, m! - 1, d! + 1)).toISOString().slice(0, 10), to: today };
}

const days = (d: number | null) => (d === null ? '—' : `${d} d`);
const rate = (r: number | null) => (r === null ? '—' : `${r}%`);

function Stat({ label, value }: { label: string; value: string }) {
  return (
    <Paper p="md">
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="xl" fw={700} mt={4}>
        {value}
      </Text>
    </Paper>
  );
}

function Breakdown({ title, rows, currency, lossOnly }: { title: string; rows: WinLossRow[]; currency: string; lossOnly?: boolean }) {
  return (
    <Stack gap="xs">
      <Title order={2} size="h4">
        {title}
      </Title>
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          {lossOnly ? 'No deals were lost in this range.' : 'No closed deals.'}
        </Text>
      ) : (
        <TableCard label={title} minWidth={720}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{title.replace(/^By /, '')}</Table.Th>
              {!lossOnly && <Table.Th ta="right">Won</Table.Th>}
              <Table.Th ta="right">Lost</Table.Th>
              {!lossOnly && <Table.Th ta="right">Win rate</Table.Th>}
              {!lossOnly && <Table.Th ta="right">Won amount</Table.Th>}
              {!lossOnly && <Table.Th ta="right">Avg deal size</Table.Th>}
              {!lossOnly && <Table.Th ta="right">Sales cycle (won)</Table.Th>}
              <Table.Th ta="right">Lost amount</Table.Th>
              <Table.Th ta="right">Days to loss</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.key ?? '(none)'}>
                <Table.Td>
                  <Text size="sm" c={r.key === null ? 'dimmed' : undefined}>
                    {r.label}
                  </Text>
                </Table.Td>
                {!lossOnly && <Table.Td ta="right">{r.won}</Table.Td>}
                <Table.Td ta="right">{r.lost}</Table.Td>
                {!lossOnly && (
                  <Table.Td ta="right">
                    <Badge variant="light" color={(r.winRate ?? 0) >= 50 ? 'teal' : (r.winRate ?? 0) >= 25 ? 'yellow' : 'red'}>
                      {rate(r.winRate)}
                    </Badge>
                  </Table.Td>
                )}
                {!lossOnly && <Table.Td ta="right">{formatWhole(r.wonAmount, currency)}</Table.Td>}
                {!lossOnly && <Table.Td ta="right">{r.averageDealSize === null ? '—' : formatWhole(r.averageDealSize, currency)}</Table.Td>}
                {!lossOnly && <Table.Td ta="right">{days(r.averageCycleDays)}</Table.Td>}
                <Table.Td ta="right">{formatWhole(r.lostAmount, currency)}</Table.Td>
                <Table.Td ta="right">{days(r.averageLostCycleDays)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </TableCard>
      )}
    </Stack>
  );
}

/** Win rate, deal size and sales cycle of the deals closed in a date range, by rep, source, competitor and loss reason. */
export function WinLossScreen({ search, onSearch }: { search: WinLossSearch; onSearch: (s: WinLossSearch) => void }) {
  const today = useToday();
  const range = { ...defaultRange(today), ...Object.fromEntries(Object.entries(search).filter(([, v]) => v)) } as {
    from: string;
    to: string;
  };
  const pipelines = usePipelines();
  const report = useWinLoss({ from: range.from, to: range.to, pipelineId: search.pipeline });
  const r = report.data;
  return (
    <Stack gap="lg">
      <PageHeader
        title="Win/loss"
        description="Deals won and lost between two dates (workspace time zone). Sales cycle counts from the deal’s first stage to its close; amounts at the exchange rate of the close day."
      />
      <Group align="flex-end" wrap="wrap">
        <TextInput
          type="date"
          label="From"
          value={range.from}
          onChange={(e) => onSearch({ ...search, from: e.currentTarget.value || undefined })}
        />
        <TextInput
          type="date"
          label="To"
          value={range.to}
          onChange={(e) => onSearch({ ...search, to: e.currentTarget.value || undefined })}
        />
        <Select
          label="Pipeline"
          w={240}
          value={search.pipeline ?? ''}
          data={[{ value: '', label: 'All pipelines' }, ...(pipelines.data ?? []).map((p) => ({ value: p.id, label: p.name }))]}
          onChange={(v) => onSearch({ ...search, pipeline: v || undefined })}
          allowDeselect={false}
        />
      </Group>
      {report.error ? (
        <ErrorAlert error={report.error} title="Could not load the report" onRetry={() => report.refetch()} />
      ) : !r ? (
        <LoadingCard label="Loading the win/loss report" rows={6} />
      ) : r.total.won + r.total.lost === 0 ? (
        <Paper>
          <Empty
            icon={<IconChartBar />}
            title="No deals were won or lost in this range"
            description="Move deals to a won or lost stage on the Deals board, or widen the date range."
          />
        </Paper>
      ) : (
        <Stack gap="lg" aria-busy={report.isFetching}>
          <SimpleGrid cols={{ base: 2, md: 4 }}>
            <Stat label="Win rate" value={rate(r.total.winRate)} />
            <Stat label="Won" value={`${r.total.won} · ${formatWhole(r.total.wonAmount, r.currency)}`} />
            <Stat
              label="Average deal size"
              value={r.total.averageDealSize === null ? '—' : formatWhole(r.total.averageDealSize, r.currency)}
            />
            <Stat label="Sales cycle (won)" value={days(r.total.averageCycleDays)} />
          </SimpleGrid>
          {r.unconverted > 0 && (
            <Text size="sm" c="dimmed">
              {r.unconverted} closed deal{r.unconverted === 1 ? '' : 's'} had no exchange rate into {r.currency} for the close day: counted,
              not summed.
            </Text>
          )}
          <Breakdown title="By rep" rows={r.byOwner} currency={r.currency} />
          <Breakdown title="By source" rows={r.bySource} currency={r.currency} />
          <Breakdown title="By competitor" rows={r.byCompetitor} currency={r.currency} />
          <Breakdown title="By loss reason" rows={r.byLossReason} currency={r.currency} lossOnly />
        </Stack>
      )}
    </Stack>
  );
}
