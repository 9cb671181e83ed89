import { ActionIcon, Button, Code, Group, Paper, SegmentedControl, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconChevronDown, IconChevronRight, IconInbox, IconRotateClockwise } from '@tabler/icons-react';
import { Fragment, useState } from 'react';
import { Empty } from '../../components/empty.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { RelativeTime } from '../../components/relative-time.tsx';
import { LoadingCard, TableCard } from '../../components/table-card.tsx';
import { type DeliveryStatus, errorMessage, type WebhookDelivery } from '../../lib/api/index.ts';
import { useDeliveries, useResendDelivery } from './use-webhooks.ts';
import { DeliveryStatusBadge } from './webhook-bits.tsx';

const filters = [
  { value: 'all', label: 'All' },
  { value: 'succeeded', label: 'Succeeded' },
  { value: 'failed', label: 'Failed' },
  { value: 'pending', label: 'Pending' },
];

function Row({ d, webhookId, canManage }: { d: WebhookDelivery; webhookId: string; canManage: boolean }) {
  const [open, setOpen] = useState(false);
  const resend = useResendDelivery(webhookId);
  const doResend = () =>
    resend.mutate(d.id, {
      onSuccess: () => notifications.show({ color: 'teal', title: 'Delivery queued', message: `${d.eventType} will be sent again.` }),
      onError: (err) => notifications.show({ color: 'red', title: 'Could not resend', message: errorMessage(err) }),
    });
  const code = d.responseStatus;
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
            aria-label={open ? 'Hide details' : 'Show details'}
          >
            {open ? <IconChevronDown size={16} /> : <IconChevronRight size={16} />}
          </ActionIcon>
        </Table.Td>
        <Table.Td>
          <Text size="sm" ff="monospace">
            {d.eventType}
          </Text>
        </Table.Td>
        <Table.Td>
          <DeliveryStatusBadge status={d.status} />
        </Table.Td>
        <Table.Td className="tabular">
          <Text size="sm" c={code == null ? 'dimmed' : code < 300 ? 'teal' : 'red'} fw={500}>
            {code ?? '—'}
          </Text>
        </Table.Td>
        <Table.Td className="tabular">
          <Text size="sm">{d.durationMs == null ? '—' : `${d.durationMs} ms`}</Text>
        </Table.Td>
        <Table.Td className="tabular">
          <Text size="sm">{d.attempts}</Text>
        </Table.Td>
        <Table.Td>
          <RelativeTime value={d.createdAt} />
        </Table.Td>
        <Table.Td ta="right">
          {canManage && d.status !== 'pending' && (
            <Tooltip label="Send this event again">
              <Button
                size="compact-sm"
                variant="subtle"
                leftSection={<IconRotateClockwise size={14} />}
                onClick={doResend}
                loading={resend.isPending}
                aria-label={`Resend ${d.eventType}`}
              >
                Resend
              </Button>
            </Tooltip>
          )}
        </Table.Td>
      </Table.Tr>
      {open && (
        <Table.Tr>
          <Table.Td colSpan={8} bg="var(--tandem-canvas)">
            <Stack gap="xs" py={4}>
              <Text size="xs" c="dimmed">
                Delivery {d.id} · event {d.eventId}
                {d.deliveredAt ? ' · delivered ' : ''}
                {d.deliveredAt && <RelativeTime value={d.deliveredAt} />}
              </Text>
              {d.error && (
                <Text size="sm" c="red">
                  {d.error}
                </Text>
              )}
              <Code block style={{ maxHeight: 200, overflow: 'auto' }}>
                {d.responseBody || '(empty response body)'}
              </Code>
            </Stack>
          </Table.Td>
        </Table.Tr>
      )}
    </Fragment>
  );
}

/** The deliveries of one webhook: status, response code, duration; resend any of them. */
export function DeliveriesLog({ webhookId, canManage }: { webhookId: string; canManage: boolean }) {
  const [status, setStatus] = useState('all');
  const q = useDeliveries(webhookId, status === 'all' ? undefined : (status as DeliveryStatus));
  const rows = q.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Stack gap="sm">
      <Group justify="space-between" wrap="wrap">
        <div>
          <Title order={2} fz="md">
            Deliveries
          </Title>
          <Text size="sm" c="dimmed">
            Every attempt to send an event to this endpoint, newest first.
          </Text>
        </div>
        <SegmentedControl size="xs" data={filters} value={status} onChange={setStatus} aria-label="Filter deliveries by status" />
      </Group>
      {q.isPending ? (
        <LoadingCard label="Loading deliveries" />
      ) : q.isError ? (
        <ErrorAlert error={q.error} title="Could not load deliveries" onRetry={() => q.refetch()} />
      ) : rows.length === 0 ? (
        <Paper>
          <Empty
            icon={<IconInbox size={26} />}
            title={status === 'all' ? 'No deliveries yet' : `No ${status} deliveries`}
            description={
              status === 'all'
                ? 'Deliveries appear when a subscribed event happens. Use “Send test event” to try the endpoint now.'
                : 'Try another filter.'
            }
          />
        </Paper>
      ) : (
        <TableCard
          label="Deliveries"
          minWidth={820}
          footer={
            q.hasNextPage && (
              <Group justify="center" p="sm" style={{ borderTop: '1px solid var(--tandem-border)' }}>
                <Button variant="subtle" onClick={() => q.fetchNextPage()} loading={q.isFetchingNextPage}>
                  Load more
                </Button>
              </Group>
            )
          }
        >
          <Table.Thead>
            <Table.Tr>
              <Table.Th />
              <Table.Th>Event</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>Response</Table.Th>
              <Table.Th>Duration</Table.Th>
              <Table.Th>Attempts</Table.Th>
              <Table.Th>When</Table.Th>
              <Table.Th>
                <span className="visually-hidden">Actions</span>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((d) => (
              <Row key={d.id} d={d} webhookId={webhookId} canManage={canManage} />
            ))}
          </Table.Tbody>
        </TableCard>
      )}
    </Stack>
  );
}
