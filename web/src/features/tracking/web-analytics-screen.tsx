import { Group, Paper, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconChartBar } from '@tabler/icons-react';
import { Fragment } from 'react';
import { Empty } from '../../components/empty.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { ButtonLink } from '../../components/links.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { LoadingCard, TableCard } from '../../components/table-card.tsx';
import { addDays } from '../../lib/days.ts';
import { useToday } from '../workspace/use-today.ts';
import { DailyBars } from './daily-bars.tsx';
import { useSites, useWebAnalytics } from './use-tracking.ts';

export interface AnalyticsSearch {
  from?: string;
  to?: string;
  site?: string;
}

const presets: Record<string, number> = { '7': 7, '30': 30, '90': 90, '365': 365 };

function Stat({ label, value }: { label: string; value: number }) {
  return (
    <Paper p="md">
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text fz={28} fw={700} data-testid={`stat-${label.toLowerCase().replace(/\s+/g, '-')}`}>
        {value.toLocaleString()}
      </Text>
    </Paper>
  );
}

/** A page address without its scheme, which may wrap after a slash but not inside a word ("prici-ng"). */
function PageAddress({ url }: { url: string }) {
  const parts = url.replace(/^https?:\/\//, '').split(/(?<=\/)/);
  return (
    <span title={url}>
      {parts.map((part, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one fixed string
        <Fragment key={i}>
          {part}
          <wbr />
        </Fragment>
      ))}
    </span>
  );
}

function Ranked({
  title,
  head,
  rows,
  urls = false,
}: {
  title: string;
  head: string;
  rows: { key: string; n: number; sub?: string }[];
  /** Keys are page addresses. */
  urls?: boolean;
}) {
  return (
    <TableCard label={title} minWidth={320}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{title}</Table.Th>
          <Table.Th ta="right">{head}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.length === 0 && (
          <Table.Tr>
            <Table.Td colSpan={2}>
              <Text c="dimmed" size="sm">
                Nothing in this period.
              </Text>
            </Table.Td>
          </Table.Tr>
        )}
        {rows.map((r) => (
          <Table.Tr key={`${r.key}|${r.sub ?? ''}`}>
            <Table.Td style={{ overflowWrap: 'anywhere' }}>
              <Text size="sm">{urls ? <PageAddress url={r.key} /> : r.key}</Text>
              {r.sub && (
                <Text size="xs" c="dimmed">
                  {r.sub}
                </Text>
              )}
            </Table.Td>
            <Table.Td ta="right">{r.n.toLocaleString()}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </TableCard>
  );
}

/** Web analytics: page views and sessions per day, top pages, sources and UTM campaigns for a period. */
export function WebAnalyticsScreen({ search, onSearch }: { search: AnalyticsSearch; onSearch: (s: AnalyticsSearch) => void }) {
  // Days are the workspace's: the server counts them in its time zone, so "today" must be today there.
  const today = useToday();
  const to = search.to ?? today;
  const from = search.from ?? addDays(today, -29);
  const sites = useSites();
  const stats = useWebAnalytics({ from, to, siteId: search.site });
  const data = stats.data;
  const preset = Object.entries(presets).find(([, n]) => !search.to && from === addDays(today, -(n - 1)))?.[0] ?? null;
  return (
    <Stack gap="lg">
      <PageHeader
        title="Web analytics"
        description="Visits to your tracked websites: what people read, where they came from, which campaigns brought them."
      />
      <Group align="flex-end">
        <Select
          label="Period"
          data={[
            { value: '7', label: 'Last 7 days' },
            { value: '30', label: 'Last 30 days' },
            { value: '90', label: 'Last 90 days' },
            { value: '365', label: 'Last 12 months' },
          ]}
          value={preset}
          placeholder="Custom"
          onChange={(v) => v && onSearch({ ...search, from: addDays(today, -(presets[v]! - 1)), to: undefined })}
          w={170}
        />
        <TextInput
          type="date"
          label="From"
          value={from}
          onChange={(e) => onSearch({ ...search, from: e.currentTarget.value || undefined })}
        />
        <TextInput type="date" label="To" value={to} onChange={(e) => onSearch({ ...search, to: e.currentTarget.value || undefined })} />
        {(sites.data?.length ?? 0) > 1 && (
          <Select
            label="Website"
            data={sites.data!.map((s) => ({ value: s.id, label: s.name }))}
            value={search.site ?? null}
            placeholder="All websites"
            clearable
            onChange={(v) => onSearch({ ...search, site: v ?? undefined })}
            w={220}
          />
        )}
      </Group>
      {stats.isPending ? (
        <LoadingCard label="Loading web analytics" />
      ) : stats.error ? (
        <ErrorAlert error={stats.error} title="Could not load web analytics" onRetry={() => stats.refetch()} />
      ) : sites.data?.length === 0 ? (
        <Paper>
          <Empty
            icon={<IconChartBar />}
            title="No website is tracked yet"
            description="Add your website in Settings → Tracking and paste its snippet; visits appear here within seconds."
            action={<ButtonLink to="/settings/tracking">Set up tracking</ButtonLink>}
          />
        </Paper>
      ) : (
        data && (
          <Stack gap="lg" aria-busy={stats.isFetching}>
            <SimpleGrid cols={{ base: 2, md: 4 }}>
              <Stat label="Page views" value={data.totals.pageViews} />
              <Stat label="Sessions" value={data.totals.sessions} />
              <Stat label="Visitors" value={data.totals.visitors} />
              <Stat label="Known contacts" value={data.totals.identified} />
            </SimpleGrid>
            <Paper p="lg">
              <Title order={2} fz="md" mb="sm">
                Page views per day ({data.timezone})
              </Title>
              <DailyBars days={data.days} />
            </Paper>
            <SimpleGrid cols={{ base: 1, lg: 3 }}>
              <Ranked title="Top pages" head="Views" urls rows={data.topPages.map((p) => ({ key: p.key, n: p.views }))} />
              <Ranked title="Sources" head="Sessions" rows={data.sources.map((s) => ({ key: s.key, n: s.sessions }))} />
              <Ranked
                title="Campaigns (UTM)"
                head="Sessions"
                rows={data.campaigns.map((c) => ({
                  key: c.campaign,
                  sub: [c.source, c.medium].filter(Boolean).join(' / '),
                  n: c.sessions,
                }))}
              />
            </SimpleGrid>
          </Stack>
        )
      )}
    </Stack>
  );
}
