import { Alert, Button, Group, Paper, SegmentedControl, Select, Stack, Table, Text } from '@mantine/core';
import { IconDownload, IconUsersGroup } from '@tabler/icons-react';
import { useState } from 'react';
import { Empty } from '../../components/empty.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { LoadingCard, TableCard } from '../../components/table-card.tsx';
import { formatMinor } from '../deals/money.ts';
import type { Cohorts } from './analytics-types.ts';
import { periodChoices } from './kpi-format.ts';
import { csvHref, percent, periodRange } from './report-period.ts';
import { useCohorts } from './use-analytics.ts';

type Measure = 'retention' | 'netRevenueRetention' | 'grossRevenueRetention';

/** A cell's background: darker blue for higher retention (capped at 100 % so expansion does not wash out the scale). */
function shade(v: number | null) {
  if (v === null) return undefined;
  const alpha = 0.08 + Math.min(v, 1) * 0.72;
  return `rgba(34, 139, 230, ${alpha.toFixed(2)})`;
}

function Heatmap({ data, measure }: { data: Cohorts; measure: Measure }) {
  const width = Math.max(0, ...data.cohorts.map((c) => c.cells.length));
  return (
    <TableCard label="Cohort retention" minWidth={200 + width * 64}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Cohort</Table.Th>
          <Table.Th ta="right">{data.basis === 'revenue' ? 'Customers · MRR' : 'Customers'}</Table.Th>
          {Array.from({ length: width }, (_, k) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: columns are months since start
            <Table.Th key={k} ta="center">
              M{k}
            </Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {data.cohorts.map((c) => (
          <Table.Tr key={c.month}>
            <Table.Td fw={600}>{c.month}</Table.Td>
            <Table.Td ta="right">
              {c.size}
              {data.basis === 'revenue' && c.size > 0 ? ` · ${formatMinor(c.startMrr, data.currency, true)}` : ''}
            </Table.Td>
            {Array.from({ length: width }, (_, k) => {
              const cell = c.cells[k];
              const v = cell && c.size > 0 ? cell[measure] : null;
              return (
                // biome-ignore lint/suspicious/noArrayIndexKey: columns are months since start
                <Table.Td key={k} ta="center" style={{ background: shade(v), color: v !== null && v > 0.6 ? 'white' : undefined }}>
                  {cell && c.size > 0 ? percent(v) : ''}
                </Table.Td>
              );
            })}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </TableCard>
  );
}

/** Retention by start month: customers still active, or recurring revenue kept (net with expansion, gross without). */
export function CohortsScreen() {
  const [period, setPeriod] = useState(String(new Date().getFullYear()));
  const [basis, setBasis] = useState<'customers' | 'revenue'>('customers');
  const [revenueMeasure, setRevenueMeasure] = useState<'net' | 'gross'>('net');
  const range = periodRange(period);
  const cohorts = useCohorts(range, basis);
  const data = cohorts.data;
  const measure: Measure = basis === 'customers' ? 'retention' : revenueMeasure === 'net' ? 'netRevenueRetention' : 'grossRevenueRetention';
  const empty = data?.cohorts.every((c) => c.size === 0);
  return (
    <Stack gap="lg">
      <PageHeader
        title="Cohorts"
        description="Customers grouped by the month they started; each column is a month since. Months follow your workspace's time zone."
        actions={
          <Button
            component="a"
            href={csvHref('/api/analytics/cohorts.csv', { ...range, basis })}
            variant="default"
            leftSection={<IconDownload size={16} />}
          >
            Export CSV
          </Button>
        }
      />
      <Group align="flex-end" gap="md" wrap="wrap">
        <Select
          label="Start months in"
          data={periodChoices()}
          value={period}
          onChange={(v) => v && setPeriod(v)}
          allowDeselect={false}
          searchable
          w={160}
        />
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            Basis
          </Text>
          <SegmentedControl
            value={basis}
            onChange={(v) => setBasis(v as 'customers' | 'revenue')}
            data={[
              { value: 'customers', label: 'Customers' },
              { value: 'revenue', label: 'Recurring revenue' },
            ]}
          />
        </Stack>
        {basis === 'revenue' && (
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              Revenue retention
            </Text>
            <SegmentedControl
              value={revenueMeasure}
              onChange={(v) => setRevenueMeasure(v as 'net' | 'gross')}
              data={[
                { value: 'net', label: 'Net (with expansion)' },
                { value: 'gross', label: 'Gross' },
              ]}
            />
          </Stack>
        )}
      </Group>
      {data && data.unconvertedCurrencies.length > 0 && (
        <Alert color="yellow" title="Some orders are left out">
          No exchange rate into {data.currency} for {data.unconvertedCurrencies.join(', ')}. Add rates under Settings → Pipelines.
        </Alert>
      )}
      {cohorts.isPending ? (
        <LoadingCard label="Loading cohorts" rows={6} />
      ) : cohorts.error ? (
        <ErrorAlert error={cohorts.error} title="Could not compute the cohorts" onRetry={() => cohorts.refetch()} />
      ) : empty ? (
        <Paper>
          <Empty
            icon={<IconUsersGroup size={24} />}
            title="No cohort started in this period"
            description={
              basis === 'customers'
                ? 'No contact became a customer in these months. Pick an earlier period, or switch to recurring revenue.'
                : 'No recurring order was confirmed in these months. Confirm orders with monthly or yearly lines, or pick another period.'
            }
          />
        </Paper>
      ) : data ? (
        <div aria-busy={cohorts.isFetching} data-testid="cohorts">
          <Heatmap data={data} measure={measure} />
        </div>
      ) : null}
    </Stack>
  );
}
