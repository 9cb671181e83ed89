import { Badge, Group, Paper, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconClockHour4 } from '@tabler/icons-react';
import { Empty } from '../../components/empty.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { LoadingCard, TableCard } from '../../components/table-card.tsx';
import { formatMinutes } from './routing-types.ts';
import { useResponseTimes } from './use-routing.ts';

export interface ResponseSearch {
  from?: string;
  to?: string;
}

const pctColor = (p: number | null) => (p === null ? 'gray' : p >= 90 ? 'teal' : p >= 70 ? 'yellow' : 'red');

/** Response time per rep: median and p90 business minutes to first touch, and the share within the target. */
export function ResponseTimesScreen({ search, onSearch }: { search: ResponseSearch; onSearch: (s: ResponseSearch) => void }) {
  const stats = useResponseTimes(search);
  const data = stats.data;
  return (
    <Stack gap="lg">
      <PageHeader
        title="Response times"
        description={`Business time from assignment to the owner's first call, email or meeting${data ? `; target ${formatMinutes(data.slaMinutes)}` : ''}. Reps see their own figures, managers their teams'.`}
      />
      <Group>
        <TextInput
          type="date"
          label="From"
          value={search.from ?? data?.from ?? ''}
          onChange={(e) => onSearch({ ...search, from: e.currentTarget.value || undefined })}
        />
        <TextInput
          type="date"
          label="To"
          value={search.to ?? data?.to ?? ''}
          onChange={(e) => onSearch({ ...search, to: e.currentTarget.value || undefined })}
        />
      </Group>
      {stats.isPending ? (
        <LoadingCard label="Loading response times" />
      ) : stats.error ? (
        <ErrorAlert error={stats.error} title="Could not load response times" onRetry={() => stats.refetch()} />
      ) : !data || data.reps.length === 0 ? (
        <Paper>
          <Empty
            icon={<IconClockHour4 />}
            title="No routed leads in this period"
            description="Figures appear once routing assigns leads (Settings → Lead routing). Try a wider date range."
          />
        </Paper>
      ) : (
        <TableCard label="Response times per rep" minWidth={760}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Rep</Table.Th>
              <Table.Th ta="right">Assigned</Table.Th>
              <Table.Th ta="right">Touched</Table.Th>
              <Table.Th ta="right">Waiting</Table.Th>
              <Table.Th ta="right">Median</Table.Th>
              <Table.Th ta="right">p90</Table.Th>
              <Table.Th ta="right">Within target</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.reps.map((r) => (
              <Table.Tr key={r.userId} data-testid="rep-response">
                <Table.Td>
                  <Text fw={550}>{r.name}</Text>
                </Table.Td>
                <Table.Td ta="right">{r.assigned}</Table.Td>
                <Table.Td ta="right">{r.touched}</Table.Td>
                <Table.Td ta="right">{r.waiting}</Table.Td>
                <Table.Td ta="right">{formatMinutes(r.medianMinutes)}</Table.Td>
                <Table.Td ta="right">{formatMinutes(r.p90Minutes)}</Table.Td>
                <Table.Td ta="right">
                  <Badge color={pctColor(r.pctWithinSla)} variant="light" title={`${r.withinSla} within, ${r.breached} breached`}>
                    {r.pctWithinSla === null ? '—' : `${r.pctWithinSla}%`}
                  </Badge>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </TableCard>
      )}
    </Stack>
  );
}
