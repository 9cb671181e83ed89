import { ActionIcon, Alert, Badge, Button, Group, Paper, SegmentedControl, Select, Stack, Table, Text, Title } from '@mantine/core';
import { IconCamera, IconChartBar, IconChevronLeft, IconChevronRight, IconTarget } from '@tabler/icons-react';
import { Empty } from '../../components/empty.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { ButtonLink } from '../../components/links.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { LoadingCard, TableCard } from '../../components/table-card.tsx';
import { usePermissions } from '../auth/use-me.ts';
import { formatWhole } from '../deals/money.ts';
import { usePipelines } from '../deals/use-deals.ts';
import { ForecastTree } from './forecast-tree.tsx';
import { currentPeriod, periodLabel, shiftPeriod } from './forecast-types.ts';
import { useForecast, useForecastAccuracy, useTakeSnapshot } from './use-forecasts.ts';

export interface ForecastSearch {
  period?: string;
  pipeline?: string;
}

function PeriodPicker({ period, onChange }: { period: string; onChange: (p: string) => void }) {
  const kind = period.includes('Q') ? 'quarter' : 'month';
  return (
    <Group gap="xs" wrap="nowrap">
      <SegmentedControl
        aria-label="Period length"
        value={kind}
        data={[
          { value: 'quarter', label: 'Quarter' },
          { value: 'month', label: 'Month' },
        ]}
        onChange={(k) => onChange(currentPeriod(k as 'quarter' | 'month'))}
      />
      <ActionIcon variant="default" size="lg" aria-label="Previous period" onClick={() => onChange(shiftPeriod(period, -1))}>
        <IconChevronLeft size={16} />
      </ActionIcon>
      <Text fw={600} miw={130} ta="center" aria-live="polite" data-testid="forecast-period">
        {periodLabel(period)}
      </Text>
      <ActionIcon variant="default" size="lg" aria-label="Next period" onClick={() => onChange(shiftPeriod(period, 1))}>
        <IconChevronRight size={16} />
      </ActionIcon>
      <Button variant="subtle" size="sm" onClick={() => onChange(currentPeriod(kind))}>
        This {kind}
      </Button>
    </Group>
  );
}

function AccuracyCard({ period, currency }: { period: string; currency: string }) {
  const accuracy = useForecastAccuracy(period);
  const can = usePermissions();
  const snapshot = useTakeSnapshot();
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={2} size="h4">
          Forecast accuracy
        </Title>
        {can('forecasts:override') && (
          <Button
            variant="default"
            size="xs"
            leftSection={<IconCamera size={14} />}
            loading={snapshot.isPending}
            onClick={() => snapshot.mutate(period)}
          >
            Take snapshot now
          </Button>
        )}
      </Group>
      {snapshot.error && <ErrorAlert error={snapshot.error} title="Snapshot not taken" />}
      {accuracy.isPending ? (
        <LoadingCard label="Loading forecast accuracy" rows={2} />
      ) : accuracy.error ? (
        <ErrorAlert error={accuracy.error} title="Could not load accuracy" onRetry={() => accuracy.refetch()} />
      ) : accuracy.data.reps.length === 0 ? (
        <Paper>
          <Empty
            icon={<IconCamera />}
            title="No snapshots for this period yet"
            description="Every Monday the forecast of each rep is stored; accuracy compares those snapshots with what was actually won. Take a snapshot now to start."
          />
        </Paper>
      ) : (
        <TableCard label="Forecast accuracy per rep" minWidth={640}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Rep</Table.Th>
              <Table.Th ta="right">Snapshots</Table.Th>
              <Table.Th ta="right">First forecast</Table.Th>
              <Table.Th ta="right">Latest forecast</Table.Th>
              <Table.Th ta="right">Closed won now</Table.Th>
              <Table.Th ta="right">Average accuracy</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {accuracy.data.reps.map((r) => (
              <Table.Tr key={r.userId}>
                <Table.Td>{r.name}</Table.Td>
                <Table.Td ta="right">{r.snapshots.length}</Table.Td>
                <Table.Td ta="right">{formatWhole(r.snapshots[0]?.forecast ?? 0, currency)}</Table.Td>
                <Table.Td ta="right">{formatWhole(r.snapshots.at(-1)?.forecast ?? 0, currency)}</Table.Td>
                <Table.Td ta="right">{formatWhole(r.actual, currency)}</Table.Td>
                <Table.Td ta="right">
                  <Badge
                    variant="light"
                    color={(r.averageAccuracy ?? 0) >= 80 ? 'teal' : (r.averageAccuracy ?? 0) >= 60 ? 'yellow' : 'red'}
                  >
                    {r.averageAccuracy === null ? '—' : `${r.averageAccuracy}%`}
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

/** The forecast page: period and pipeline pickers, the roll-up tree with overrides, and snapshot accuracy. */
export function ForecastScreen({ search, onSearch }: { search: ForecastSearch; onSearch: (s: ForecastSearch) => void }) {
  const period = search.period ?? currentPeriod('quarter');
  const pipelines = usePipelines();
  const forecast = useForecast(period, search.pipeline);
  const can = usePermissions();
  const data = forecast.data;
  const empty = data && data.tree.figures.deals === 0 && data.tree.quota === null;
  return (
    <Stack gap="lg">
      <PageHeader
        title="Forecast"
        description="Closed won and open deals closing in the period by forecast category, rolled up from reps to teams to the workspace, against quota. Amounts in the reporting currency."
        actions={
          <>
            <ButtonLink to="/forecasts/quotas" search={{}} variant="default" leftSection={<IconTarget size={16} />}>
              Quotas
            </ButtonLink>
            <ButtonLink to="/reports/win-loss" search={{}} variant="default" leftSection={<IconChartBar size={16} />}>
              Win/loss
            </ButtonLink>
          </>
        }
      />
      <Group justify="space-between" wrap="wrap">
        <PeriodPicker period={period} onChange={(p) => onSearch({ ...search, period: p })} />
        <Select
          aria-label="Pipeline"
          w={240}
          value={search.pipeline ?? ''}
          data={[{ value: '', label: 'All pipelines' }, ...(pipelines.data ?? []).map((p) => ({ value: p.id, label: p.name }))]}
          onChange={(v) => onSearch({ ...search, pipeline: v || undefined })}
          allowDeselect={false}
        />
      </Group>
      {forecast.isPending ? (
        <LoadingCard label="Loading the forecast" rows={6} />
      ) : forecast.error ? (
        <ErrorAlert error={forecast.error} title="Could not load the forecast" onRetry={() => forecast.refetch()} />
      ) : empty ? (
        <Paper>
          <Empty
            icon={<IconTarget />}
            title={`Nothing to forecast in ${periodLabel(period)}`}
            description="Open deals count when their close date falls in the period, won deals when they were won in it. Give deals a close date and a forecast category, and set quotas to see attainment."
            action={
              <ButtonLink to="/forecasts/quotas" search={{}} variant="light">
                Set quotas
              </ButtonLink>
            }
          />
        </Paper>
      ) : (
        data && (
          <Stack gap="sm" aria-busy={forecast.isFetching}>
            {data.unconverted.length > 0 && (
              <Alert color="yellow" variant="light" title="Some deals are left out">
                No exchange rate into {data.currency} for{' '}
                {data.unconverted.map((u) => `${u.count} ${u.currency} deal${u.count === 1 ? '' : 's'}`).join(', ')}. Add rates under
                Settings → Pipelines.
              </Alert>
            )}
            <ForecastTree forecast={data} canOverride={can('forecasts:override')} />
            <Text size="xs" c="dimmed">
              Forecast = closed won + commit (a manager’s override when set). Gap = quota − forecast. Weighted = open deals × stage
              probability. Period {data.start} to {data.end} (exclusive) in {data.timeZone}.
            </Text>
          </Stack>
        )
      )}
      <AccuracyCard period={period} currency={data?.currency ?? 'USD'} />
    </Stack>
  );
}
