import { Alert, Badge, Button, Group, Paper, SegmentedControl, Select, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconDownload, IconSettings } from '@tabler/icons-react';
import { useState } from 'react';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { ButtonLink } from '../../components/links.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { usePermissions } from '../auth/use-me.ts';
import type { KpiTile } from './analytics-types.ts';
import { DigestSwitch } from './digest-switch.tsx';
import { KpiCard } from './kpi-card.tsx';
import { periodChoices } from './kpi-format.ts';
import { KpiRecordsDrawer } from './kpi-records-drawer.tsx';
import { type BoardSearch, useKpiBoard } from './use-analytics.ts';

/** The Market-and-Sell KPI board: a period beside a comparison period; every number opens the records behind it. */
export function KpiBoardScreen({ search, onSearch }: { search: BoardSearch; onSearch: (s: BoardSearch) => void }) {
  const board = useKpiBoard(search);
  const can = usePermissions();
  const [open, setOpen] = useState<KpiTile | null>(null);
  const data = board.data;
  const period = search.period ?? data?.period.label;
  const exportUrl = `/api/analytics/kpis.csv?${new URLSearchParams({ ...(period && { period }), compare: search.compare ?? 'last_year' })}`;
  const section = (title: string, kpis: KpiTile[]) =>
    data && (
      <Stack gap="sm">
        <Title order={2} size="h4">
          {title}
        </Title>
        <SimpleGrid cols={{ base: 1, xs: 2, md: 3, xl: 4 }} spacing="md">
          {kpis.map((k) => (
            <KpiCard key={k.id} kpi={k} board={data} onOpen={setOpen} />
          ))}
        </SimpleGrid>
      </Stack>
    );
  return (
    <Stack gap="lg">
      <PageHeader
        title="KPI dashboard"
        description="The Market-and-Sell KPIs for a period in your workspace's time zone and reporting currency. Select a number to see the deals or contacts behind it."
        actions={
          <>
            <DigestSwitch />
            <Button component="a" href={exportUrl} variant="default" leftSection={<IconDownload size={16} />}>
              Export CSV
            </Button>
            {can('analytics:manage') && (
              <ButtonLink to="/settings/kpis" variant="default" leftSection={<IconSettings size={16} />}>
                Targets & costs
              </ButtonLink>
            )}
          </>
        }
      />
      <Group align="flex-end" gap="md">
        <Select
          label="Period"
          data={periodChoices()}
          value={period ?? null}
          onChange={(v) => v && onSearch({ ...search, period: v })}
          allowDeselect={false}
          searchable
          w={180}
        />
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            Compare with
          </Text>
          <SegmentedControl
            value={search.compare ?? 'last_year'}
            onChange={(v) => onSearch({ ...search, compare: v as BoardSearch['compare'] })}
            data={[
              { value: 'last_year', label: 'Same period last year' },
              { value: 'previous', label: 'Previous period' },
            ]}
          />
        </Stack>
        {data && data.period.elapsed < 1 && (
          <Badge variant="light" color="yellow" size="lg">
            {Math.round(data.period.elapsed * 100)}% of the period has passed: figures are partial
          </Badge>
        )}
      </Group>
      {data && data.unconvertedCurrencies.length > 0 && (
        <Alert color="yellow" title="Some amounts are left out">
          No exchange rate into {data.currency} for {data.unconvertedCurrencies.join(', ')}. Add rates under Settings → Pipelines.
        </Alert>
      )}
      {board.isPending ? (
        <SimpleGrid cols={{ base: 1, xs: 2, md: 3, xl: 4 }} spacing="md" aria-busy="true" aria-label="Loading KPIs">
          {Array.from({ length: 8 }, (_, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: placeholders have no identity
            <Paper key={i} p="md" withBorder>
              <Skeleton h={14} w="50%" mb="sm" />
              <Skeleton h={28} w="40%" mb="sm" />
              <Skeleton h={40} />
            </Paper>
          ))}
        </SimpleGrid>
      ) : board.error ? (
        <ErrorAlert error={board.error} title="Could not compute the KPIs" onRetry={() => board.refetch()} />
      ) : data ? (
        <Stack gap="xl" aria-busy={board.isFetching} data-testid="kpi-board">
          {section(
            'Market and sell',
            data.kpis.filter((k) => k.core),
          )}
          {section(
            'Sales and marketing performance',
            data.kpis.filter((k) => !k.core),
          )}
        </Stack>
      ) : null}
      <KpiRecordsDrawer kpi={open} period={period} onClose={() => setOpen(null)} />
    </Stack>
  );
}
