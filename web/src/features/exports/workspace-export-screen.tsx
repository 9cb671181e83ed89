import { Badge, Button, Group, Progress, Stack, Table, Text } from '@mantine/core';
import { IconDatabaseExport, IconDownload } from '@tabler/icons-react';
import { Empty } from '../../components/empty.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { RelativeTime } from '../../components/relative-time.tsx';
import { LoadingCard, TableCard } from '../../components/table-card.tsx';
import { useStartWorkspaceExport, useWorkspaceExports, type WorkspaceExport } from './use-workspace-exports.ts';

const statusColor: Record<string, string> = { queued: 'gray', running: 'brand', completed: 'teal', failed: 'red', cancelled: 'gray' };
const bytes = (n: number | null) =>
  n === null ? '' : n < 1024 * 1024 ? `${Math.max(1, Math.round(n / 1024))} KB` : `${(n / 1024 / 1024).toFixed(1)} MB`;

function ExportProgress({ e }: { e: WorkspaceExport }) {
  if (e.status === 'completed')
    return (
      <Text size="sm">
        {e.totalRows?.toLocaleString()} rows · {bytes(e.bytes)}
      </Text>
    );
  if (e.status === 'failed')
    return (
      <Text size="sm" c="red">
        {e.error}
      </Text>
    );
  const f = e.totalRows ? e.processedRows / e.totalRows : 0;
  return (
    <Stack gap={4} miw={160}>
      <Progress value={f * 100} size="sm" radius="xl" animated={e.status === 'running'} aria-label={`${Math.round(f * 100)}% exported`} />
      <Text size="xs" c="dimmed">
        {e.status === 'queued'
          ? 'Waiting for a worker…'
          : `${e.processedRows.toLocaleString()} of ${e.totalRows?.toLocaleString() ?? '…'} rows`}
      </Text>
    </Stack>
  );
}

/** Settings → Export: a zip of every record (one CSV per object plus a manifest) made in the background, downloadable for 7 days. */
export function WorkspaceExportScreen() {
  const list = useWorkspaceExports();
  const start = useStartWorkspaceExport();
  const running = list.data?.items.some((e) => e.status === 'queued' || e.status === 'running');
  const startButton = (
    <Button leftSection={<IconDatabaseExport size={16} />} onClick={() => start.mutate()} loading={start.isPending} disabled={running}>
      Export workspace
    </Button>
  );
  return (
    <>
      <PageHeader
        title="Export workspace"
        description={
          <>
            A zip with one CSV per object (companies, contacts, emails, phones, links, lifecycle and consent history, activities, tasks,
            custom fields, tags, saved views, teams, members without passwords) and a manifest with counts and checksums. Load it into an
            empty workspace with <code>tandem import-workspace FILE --workspace NAME</code>. Files are kept for 7 days.
          </>
        }
        actions={startButton}
      />
      {start.isError && <ErrorAlert error={start.error} title="Could not start the export" />}
      {list.isError ? (
        <ErrorAlert error={list.error} title="Could not load exports" onRetry={() => list.refetch()} />
      ) : list.isPending ? (
        <LoadingCard label="Loading exports" />
      ) : list.data.items.length === 0 ? (
        <Empty
          icon={<IconDatabaseExport size={28} />}
          title="No exports yet"
          description="Export the workspace to keep a copy of everything or to move it to another Tandem."
          action={startButton}
        />
      ) : (
        <TableCard label="Workspace exports" minWidth={720}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Started</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>Progress</Table.Th>
              <Table.Th>Kept until</Table.Th>
              <Table.Th w={140}>
                <span className="visually-hidden">Download</span>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data.items.map((e) => (
              <Table.Tr key={e.id} data-testid="workspace-export-row">
                <Table.Td>
                  <RelativeTime value={e.createdAt} />
                </Table.Td>
                <Table.Td>
                  <Badge color={statusColor[e.status] ?? 'gray'} variant="light">
                    {e.status}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <ExportProgress e={e} />
                </Table.Td>
                <Table.Td>
                  <RelativeTime value={e.expiresAt} />
                </Table.Td>
                <Table.Td ta="right">
                  {e.downloadUrl && (
                    <Group justify="flex-end">
                      <Button
                        component="a"
                        href={e.downloadUrl}
                        download
                        variant="light"
                        size="xs"
                        leftSection={<IconDownload size={14} />}
                      >
                        Download
                      </Button>
                    </Group>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </TableCard>
      )}
    </>
  );
}
