import { ActionIcon, Badge, Button, Code, Group, Paper, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { IconChevronDown, IconChevronRight, IconHistory } from '@tabler/icons-react';
import { Fragment, useMemo, useState } from 'react';
import { Empty } from '../../components/empty.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { RelativeTime } from '../../components/relative-time.tsx';
import { LoadingCard, TableCard } from '../../components/table-card.tsx';
import type { AuditEntry } from '../../lib/api/index.ts';
import { AuditFilters, type AuditFilterValues, emptyAuditFilters, toQuery } from './audit-filters.tsx';
import { useAuditLog } from './use-audit-log.ts';

const actorColors: Record<string, string> = { user: 'brand', api_key: 'grape', system: 'gray' };
const json = (v: unknown) => (v == null ? '—' : JSON.stringify(v, null, 2));

function EntryRow({ e }: { e: AuditEntry }) {
  const [open, setOpen] = useState(false);
  return (
    <Fragment>
      <Table.Tr>
        <Table.Td w={36}>
          <ActionIcon
            variant="subtle"
            color="gray"
            size="sm"
            onClick={() => setOpen(!open)}
            aria-expanded={open}
            aria-label={open ? 'Hide change' : 'Show change'}
          >
            {open ? <IconChevronDown size={16} /> : <IconChevronRight size={16} />}
          </ActionIcon>
        </Table.Td>
        <Table.Td>
          <RelativeTime value={e.at} />
        </Table.Td>
        <Table.Td>
          <Group gap={6} wrap="nowrap">
            <Text size="sm" truncate="end" maw={220}>
              {e.actor.label ?? e.actor.id ?? 'Unknown'}
            </Text>
            <Badge size="xs" color={actorColors[e.actor.type] ?? 'gray'}>
              {e.actor.type.replace('_', ' ')}
            </Badge>
          </Group>
        </Table.Td>
        <Table.Td>
          <Text size="sm" ff="monospace">
            {e.action}
          </Text>
        </Table.Td>
        <Table.Td>
          <Text size="sm">{e.entityType}</Text>
          {e.entityId && (
            <Text size="xs" c="dimmed" ff="monospace" truncate="end" maw={200}>
              {e.entityId}
            </Text>
          )}
        </Table.Td>
      </Table.Tr>
      {open && (
        <Table.Tr>
          <Table.Td colSpan={5} bg="var(--tandem-canvas)">
            <Stack gap="xs" py={4}>
              <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
                <div>
                  <Text size="xs" fw={600} c="dimmed" mb={4}>
                    Before
                  </Text>
                  <Code block style={{ maxHeight: 260, overflow: 'auto' }}>
                    {json(e.before)}
                  </Code>
                </div>
                <div>
                  <Text size="xs" fw={600} c="dimmed" mb={4}>
                    After
                  </Text>
                  <Code block style={{ maxHeight: 260, overflow: 'auto' }}>
                    {json(e.after)}
                  </Code>
                </div>
              </SimpleGrid>
              <Text size="xs" c="dimmed">
                {e.requestId ? `Request ${e.requestId}` : 'No request id'} · {e.ip ? `IP ${e.ip}` : 'no IP'} · entry {e.id}
              </Text>
            </Stack>
          </Table.Td>
        </Table.Tr>
      )}
    </Fragment>
  );
}

/** Settings → Audit log: who changed what and when, with before/after, filterable. */
export function AuditLogScreen() {
  const [filters, setFilters] = useState<AuditFilterValues>(emptyAuditFilters);
  const query = useMemo(() => toQuery(filters), [filters]);
  const log = useAuditLog(query);
  const rows = log.data?.pages.flatMap((p) => p.items) ?? [];
  const filtered = Object.values(filters).some(Boolean);
  return (
    <>
      <PageHeader
        title="Audit log"
        description="Every change in this workspace: who made it, when, from where, and what it was before and after. Secrets are never recorded."
      />
      <AuditFilters value={filters} onApply={setFilters} />
      {log.isPending ? (
        <LoadingCard rows={6} label="Loading the audit log" />
      ) : log.isError ? (
        <ErrorAlert error={log.error} title="Could not load the audit log" onRetry={() => log.refetch()} />
      ) : rows.length === 0 ? (
        <Paper>
          <Empty
            icon={<IconHistory size={26} />}
            title={filtered ? 'No entries match these filters' : 'Nothing recorded yet'}
            description={
              filtered
                ? 'Widen the date range or clear a filter.'
                : 'Changes to settings, members, keys and webhooks appear here as they happen.'
            }
          />
        </Paper>
      ) : (
        <TableCard
          label="Audit log"
          minWidth={820}
          footer={
            <Group justify="space-between" p="sm" px="md" style={{ borderTop: '1px solid var(--tandem-border)' }}>
              <Text size="xs" c="dimmed">
                {rows.length} {rows.length === 1 ? 'entry' : 'entries'} shown
              </Text>
              {log.hasNextPage ? (
                <Button variant="subtle" size="xs" onClick={() => log.fetchNextPage()} loading={log.isFetchingNextPage}>
                  Load more
                </Button>
              ) : (
                <Text size="xs" c="dimmed">
                  End of the log
                </Text>
              )}
            </Group>
          }
        >
          <Table.Thead>
            <Table.Tr>
              <Table.Th />
              <Table.Th>When</Table.Th>
              <Table.Th>Actor</Table.Th>
              <Table.Th>Action</Table.Th>
              <Table.Th>Entity</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody style={{ opacity: log.isPlaceholderData ? 0.6 : 1 }}>
            {rows.map((e) => (
              <EntryRow key={e.id} e={e} />
            ))}
          </Table.Tbody>
        </TableCard>
      )}
    </>
  );
}
