import { Alert, Button, Group, Paper, SegmentedControl, Select, Stack, Table, Text, Title, UnstyledButton } from '@mantine/core';
import { IconDownload, IconFilter } from '@tabler/icons-react';
import { useCallback, useState } from 'react';
import { Empty } from '../../components/empty.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { LoadingCard, TableCard } from '../../components/table-card.tsx';
import type { FunnelStage, FunnelStageRow } from './analytics-types.ts';
import { FunnelChart } from './funnel-chart.tsx';
import { FunnelDropOffDrawer } from './funnel-drop-off-drawer.tsx';
import { periodChoices } from './kpi-format.ts';
import { csvHref, currentQuarter, days, percent, periodRange } from './report-period.ts';
import { type FunnelSearch, useFunnel } from './use-analytics.ts';

const breakdowns = [
  { value: '', label: 'No breakdown' },
  { value: 'source', label: 'Source' },
  { value: 'owner', label: 'Owner' },
  { value: 'team', label: 'Team' },
  { value: 'campaign', label: 'First campaign' },
];
const windows = [
  { value: '', label: 'Any time' },
  { value: '30', label: '30 days' },
  { value: '90', label: '90 days' },
  { value: '180', label: '180 days' },
];

function StageTable({ stages, label, onSelect }: { stages: FunnelStageRow[]; label: string; onSelect: (stage: FunnelStage) => void }) {
  return (
    <TableCard label={label}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Stage</Table.Th>
          <Table.Th ta="right">Contacts</Table.Th>
          <Table.Th ta="right">From previous</Table.Th>
          <Table.Th ta="right">From first</Table.Th>
          <Table.Th ta="right">Median time from previous</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {stages.map((s) => (
          <Table.Tr key={s.stage}>
            <Table.Td>
              {s.stage === 'customer' ? (
                s.name
              ) : (
                <UnstyledButton
                  onClick={() => onSelect(s.stage)}
                  c="blue"
                  fz="sm"
                  aria-label={`${s.name}: who stopped here`}
                  style={{ textDecoration: 'underline' }}
                >
                  {s.name}
                </UnstyledButton>
              )}
            </Table.Td>
            <Table.Td ta="right">{s.count.toLocaleString()}</Table.Td>
            <Table.Td ta="right">{percent(s.conversionFromPrevious)}</Table.Td>
            <Table.Td ta="right">{percent(s.conversionFromFirst)}</Table.Td>
            <Table.Td ta="right">{days(s.medianDaysFromPrevious)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </TableCard>
  );
}

/** The lifecycle funnel: counts, conversions and median times per stage; a stage opens who stopped there. */
export function FunnelScreen() {
  const [period, setPeriod] = useState(currentQuarter());
  const [cohort, setCohort] = useState<FunnelSearch['cohort']>('created');
  const [window, setWindow] = useState('');
  const [by, setBy] = useState('');
  const search: FunnelSearch = {
    ...periodRange(period),
    cohort,
    window: window ? Number(window) : undefined,
    by: (by || undefined) as FunnelSearch['by'],
  };
  const funnel = useFunnel(search);
  const data = funnel.data;
  const [open, setOpen] = useState<{ stage: FunnelStage; group?: { key: string; label: string } } | null>(null);
  const select = useCallback((stage: FunnelStage) => setOpen({ stage }), []);
  const stageName = (s: FunnelStage | undefined) => data?.stages.find((x) => x.stage === s)?.name ?? '';
  return (
    <Stack gap="lg">
      <PageHeader
        title="Funnel"
        description="How contacts move from subscriber to customer, in your workspace's time zone. Select a stage to see who stopped there."
        actions={
          <Button
            component="a"
            href={csvHref('/api/analytics/funnel.csv', search as never)}
            variant="default"
            leftSection={<IconDownload size={16} />}
          >
            Export CSV
          </Button>
        }
      />
      <Group align="flex-end" gap="md" wrap="wrap">
        <Select
          label="Period"
          data={periodChoices()}
          value={period}
          onChange={(v) => v && setPeriod(v)}
          allowDeselect={false}
          searchable
          w={160}
        />
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            Count
          </Text>
          <SegmentedControl
            value={cohort}
            onChange={(v) => setCohort(v as FunnelSearch['cohort'])}
            data={[
              { value: 'created', label: 'Contacts created in the period' },
              { value: 'period', label: 'Stages reached in the period' },
            ]}
          />
        </Stack>
        <Select
          label="Conversion window"
          data={windows}
          value={window}
          onChange={(v) => setWindow(v ?? '')}
          allowDeselect={false}
          w={150}
        />
        <Select label="Breakdown" data={breakdowns} value={by} onChange={(v) => setBy(v ?? '')} allowDeselect={false} w={170} />
      </Group>
      {funnel.isPending ? (
        <LoadingCard label="Loading the funnel" rows={6} />
      ) : funnel.error ? (
        <ErrorAlert error={funnel.error} title="Could not compute the funnel" onRetry={() => funnel.refetch()} />
      ) : data && data.stages[0]!.count === 0 ? (
        <Paper>
          <Empty
            icon={<IconFilter size={24} />}
            title="No contacts in this funnel"
            description={
              cohort === 'created'
                ? `None of the ${data.created} contacts created in this period has a lifecycle stage yet. Pick another period, or count the stages reached in the period instead.`
                : 'No contact changed lifecycle stage in this period. Pick another period.'
            }
          />
        </Paper>
      ) : data ? (
        <Stack gap="lg" aria-busy={funnel.isFetching} data-testid="funnel">
          {cohort === 'created' && (
            <Text size="sm" c="dimmed">
              {data.created.toLocaleString()} contacts were created from {data.from} to {data.to}.
            </Text>
          )}
          <Paper p="md">
            <FunnelChart stages={data.stages} onSelect={select} />
          </Paper>
          <StageTable stages={data.stages} label="Funnel stages" onSelect={select} />
          {data.by && (
            <Stack gap="sm">
              <Title order={2} size="h4">
                By {breakdowns.find((b) => b.value === data.by)?.label.toLowerCase()}
              </Title>
              {data.groups.length === 0 ? (
                <Alert color="gray">No group has contacts in this funnel.</Alert>
              ) : (
                data.groups.map((g) => (
                  <Stack key={g.key ?? ''} gap={4}>
                    <Text fw={600}>{g.label}</Text>
                    <StageTable
                      stages={g.stages}
                      label={`Funnel stages · ${g.label}`}
                      onSelect={(stage) => setOpen({ stage, group: { key: g.key ?? '', label: g.label } })}
                    />
                  </Stack>
                ))
              )}
            </Stack>
          )}
        </Stack>
      ) : null}
      <FunnelDropOffDrawer
        key={`${open?.stage}:${open?.group?.key}`}
        search={search}
        stage={open?.stage ?? null}
        stageName={stageName(open?.stage)}
        group={open?.group}
        onClose={() => setOpen(null)}
      />
    </Stack>
  );
}
