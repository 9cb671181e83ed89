import { Badge, Button, Group, Paper, SegmentedControl, Stack, Switch, Table, Text } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { Empty } from '../../components/empty.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { AnchorLink } from '../../components/links.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { formatDateTime, RelativeTime } from '../../components/relative-time.tsx';
import { LoadingCard, TableCard } from '../../components/table-card.tsx';
import { usePermissions } from '../auth/use-me.ts';
import { formatMinutes, type QueueItem } from './routing-types.ts';
import { useLeadsQueue, useRouteLead } from './use-routing.ts';

export interface WaitingSearch {
  owner?: 'me' | 'unassigned';
  breached?: boolean;
}

function Row({ item, canRoute }: { item: QueueItem; canRoute: boolean }) {
  const route = useRouteLead();
  return (
    <Table.Tr data-testid="waiting-lead">
      <Table.Td>
        <AnchorLink to="/contacts/$contactId" params={{ contactId: item.contactId }} fw={550}>
          {item.displayName}
        </AnchorLink>
        <Text size="xs" c="dimmed">
          {[item.email, item.companyName].filter(Boolean).join(' · ')}
        </Text>
      </Table.Td>
      <Table.Td>
        {item.ownerName ?? (
          <Badge color="orange" variant="light">
            Unassigned
          </Badge>
        )}
        {item.ruleName && (
          <Text size="xs" c="dimmed">
            via {item.ruleName}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Text size="sm">{formatMinutes(item.waitingMinutes)}</Text>
        <Text size="xs" c="dimmed">
          since <RelativeTime value={item.assignedAt} />
        </Text>
      </Table.Td>
      <Table.Td>
        {item.breached ? (
          <Badge color="red" title={`Was due ${formatDateTime(item.dueAt)}`}>
            Breached
          </Badge>
        ) : (
          <Text size="sm" title={formatDateTime(item.dueAt)}>
            due <RelativeTime value={item.dueAt} />
          </Text>
        )}
      </Table.Td>
      {canRoute && (
        <Table.Td>
          {!item.ownerId && (
            <Button size="compact-sm" variant="default" loading={route.isPending} onClick={() => route.mutate(item.contactId)}>
              Route now
            </Button>
          )}
        </Table.Td>
      )}
    </Table.Tr>
  );
}

/** Leads waiting for a first touch, most overdue first, with time waiting in business hours. */
export function LeadsWaitingScreen({ search, onSearch }: { search: WaitingSearch; onSearch: (s: WaitingSearch) => void }) {
  const can = usePermissions();
  const canRoute = can('leads:route');
  const queue = useLeadsQueue(search);
  const pages = queue.data?.pages ?? [];
  const items = pages.flatMap((p) => p.items);
  const summary = pages[0]?.summary;
  return (
    <Stack gap="lg">
      <PageHeader
        title="Leads waiting"
        description="New leads nobody has called, emailed or met yet. Breached leads are past the first-touch target."
      />
      <Group justify="space-between">
        <SegmentedControl
          aria-label="Whose leads"
          data={[
            { value: 'all', label: 'All I can see' },
            { value: 'me', label: 'Mine' },
            { value: 'unassigned', label: 'Unassigned' },
          ]}
          value={search.owner ?? 'all'}
          onChange={(v) => onSearch({ ...search, owner: v === 'all' ? undefined : (v as WaitingSearch['owner']) })}
        />
        <Group gap="md">
          {summary && (
            <Group gap={6} aria-label="Summary">
              <Badge variant="light">{summary.waiting} waiting</Badge>
              <Badge variant="light" color="red">
                {summary.breached} breached
              </Badge>
              <Badge variant="light" color="orange">
                {summary.unassigned} unassigned
              </Badge>
            </Group>
          )}
          <Switch
            label="Breached only"
            checked={!!search.breached}
            onChange={(e) => onSearch({ ...search, breached: e.currentTarget.checked || undefined })}
          />
        </Group>
      </Group>
      {queue.isPending ? (
        <LoadingCard label="Loading waiting leads" />
      ) : queue.error ? (
        <ErrorAlert error={queue.error} title="Could not load the waiting leads" onRetry={() => queue.refetch()} />
      ) : items.length === 0 ? (
        <Paper>
          <Empty
            icon={<IconCircleCheck />}
            title="Nobody is waiting"
            description="Every lead here has had its first touch. New leads appear as soon as they arrive."
          />
        </Paper>
      ) : (
        <TableCard
          label="Leads waiting"
          minWidth={760}
          footer={
            queue.hasNextPage && (
              <Group justify="center" p="sm">
                <Button variant="default" onClick={() => queue.fetchNextPage()} loading={queue.isFetchingNextPage}>
                  Load more
                </Button>
              </Group>
            )
          }
        >
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Lead</Table.Th>
              <Table.Th>Owner</Table.Th>
              <Table.Th>Waiting (business time)</Table.Th>
              <Table.Th>Target</Table.Th>
              {canRoute && <Table.Th />}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((item) => (
              <Row key={item.contactId} item={item} canRoute={canRoute} />
            ))}
          </Table.Tbody>
        </TableCard>
      )}
    </Stack>
  );
}
