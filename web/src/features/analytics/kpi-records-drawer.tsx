import { Drawer, Group, Skeleton, Stack, Table, Text } from '@mantine/core';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { AnchorLink } from '../../components/links.tsx';
import { formatMinor } from '../deals/money.ts';
import type { KpiTile } from './analytics-types.ts';
import { useKpiRecords } from './use-analytics.ts';

/** The deals or contacts a KPI counted in the period, each a link to its record. */
export function KpiRecordsDrawer({ kpi, period, onClose }: { kpi: KpiTile | null; period: string | undefined; onClose: () => void }) {
  const records = useKpiRecords(kpi?.id ?? null, period);
  const data = records.data;
  return (
    <Drawer opened={!!kpi} onClose={onClose} position="right" size="lg" title={kpi ? `${kpi.name} · ${period}` : ''}>
      {records.isPending ? (
        <Stack aria-busy="true" aria-label="Loading records">
          {[1, 2, 3, 4].map((i) => (
            <Skeleton key={i} h={24} />
          ))}
        </Stack>
      ) : records.error ? (
        <ErrorAlert error={records.error} title="Could not load the records" onRetry={() => records.refetch()} />
      ) : data ? (
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {kpi?.formula}
          </Text>
          <Group justify="space-between">
            <Text fw={600}>{data.description}</Text>
            <Text size="sm" c="dimmed" data-testid="records-total">
              {data.total === 0 ? 'none' : data.total > data.items.length ? `${data.items.length} of ${data.total}` : `${data.total}`}
            </Text>
          </Group>
          {data.items.length === 0 ? (
            <Text size="sm" c="dimmed">
              {data.entity === 'none' ? data.description : 'Nothing was counted in this period.'}
            </Text>
          ) : (
            <Table aria-label={data.description} striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{data.entity === 'deal' ? 'Deal' : 'Contact'}</Table.Th>
                  {data.entity === 'deal' && <Table.Th ta="right">Amount</Table.Th>}
                  <Table.Th>When</Table.Th>
                  <Table.Th>Counted as</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.items.map((r) => (
                  <Table.Tr key={r.id}>
                    <Table.Td>
                      {data.entity === 'deal' ? (
                        <AnchorLink to="/deals/$dealId" params={{ dealId: r.id }}>
                          {r.name || 'Untitled deal'}
                        </AnchorLink>
                      ) : (
                        <AnchorLink to="/contacts/$contactId" params={{ contactId: r.id }}>
                          {r.name || 'Unnamed contact'}
                        </AnchorLink>
                      )}
                    </Table.Td>
                    {data.entity === 'deal' && <Table.Td ta="right">{r.currency ? formatMinor(r.amount, r.currency) : ''}</Table.Td>}
                    <Table.Td>{new Date(r.at).toLocaleDateString()}</Table.Td>
                    <Table.Td>{r.detail}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Stack>
      ) : null}
    </Drawer>
  );
}
