import { Autocomplete, Button, Group, Paper, Select, Table, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconActivity } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { Empty } from '../../components/empty.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { LoadingCard, TableCard } from '../../components/table-card.tsx';
import { type JobStatus, jobStatuses } from '../../lib/api/index.ts';
import { usePermissions } from '../auth/use-me.ts';
import { JobRows } from './jobs-table.tsx';
import { useJobs } from './use-jobs.ts';

const statusOptions = [
  { value: '', label: 'Any status' },
  ...jobStatuses.map((s) => ({ value: s, label: s[0]!.toUpperCase() + s.slice(1) })),
];

/** Settings → Jobs: background work of this workspace, filterable by status and name, with retry and cancel. */
export function JobsScreen() {
  const can = usePermissions();
  const [status, setStatus] = useState('');
  const [name, setName] = useState('');
  const [debouncedName] = useDebouncedValue(name.trim(), 300);
  const filters = useMemo(
    () => ({ status: (status || undefined) as JobStatus | undefined, name: debouncedName || undefined }),
    [status, debouncedName],
  );
  const jobs = useJobs(filters);
  const rows = jobs.data?.pages.flatMap((p) => p.items) ?? [];
  const names = useMemo(() => [...new Set(rows.map((j) => j.name))].sort(), [rows]);
  const filtered = Boolean(status || debouncedName);
  return (
    <>
      <PageHeader
        title="Jobs"
        description="Work Tandem does in the background: sending webhooks, imports, scheduled tasks. Failed jobs retry with backoff; dead ones wait for you."
      />
      <Paper p="md" mb="md" role="search" aria-label="Filter jobs">
        <Group gap="sm" align="flex-end" wrap="wrap">
          <Select label="Status" data={statusOptions} value={status} onChange={(v) => setStatus(v ?? '')} w={180} />
          <Autocomplete label="Job name" placeholder="e.g. webhooks.deliver" data={names} value={name} onChange={setName} w={260} />
          {filtered && (
            <Button
              variant="subtle"
              color="gray"
              onClick={() => {
                setStatus('');
                setName('');
              }}
            >
              Clear filters
            </Button>
          )}
        </Group>
      </Paper>
      {jobs.isPending ? (
        <LoadingCard rows={6} label="Loading jobs" />
      ) : jobs.isError ? (
        <ErrorAlert error={jobs.error} title="Could not load jobs" onRetry={() => jobs.refetch()} />
      ) : rows.length === 0 ? (
        <Paper>
          <Empty
            icon={<IconActivity size={26} />}
            title={filtered ? 'No jobs match these filters' : 'No background jobs yet'}
            description={
              filtered ? 'Try another status or name.' : 'Jobs appear here when Tandem sends webhooks, imports data or runs scheduled work.'
            }
          />
        </Paper>
      ) : (
        <TableCard
          label="Jobs"
          minWidth={980}
          footer={
            <Group justify="space-between" p="sm" px="md" style={{ borderTop: '1px solid var(--tandem-border)' }}>
              <Text size="xs" c="dimmed">
                {rows.length} {rows.length === 1 ? 'job' : 'jobs'} shown
              </Text>
              {jobs.hasNextPage && (
                <Button variant="subtle" size="xs" onClick={() => jobs.fetchNextPage()} loading={jobs.isFetchingNextPage}>
                  Load more
                </Button>
              )}
            </Group>
          }
        >
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Job</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>Progress</Table.Th>
              <Table.Th>Attempts</Table.Th>
              <Table.Th>Timing</Table.Th>
              <Table.Th>Last error</Table.Th>
              <Table.Th>
                <span className="visually-hidden">Actions</span>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody style={{ opacity: jobs.isPlaceholderData ? 0.6 : 1 }}>
            <JobRows jobs={rows} canManage={can('jobs:manage')} />
          </Table.Tbody>
        </TableCard>
      )}
    </>
  );
}
