import { Progress, Table, Text } from '@mantine/core';
import { IconMail, IconPlus } from '@tabler/icons-react';
import { Empty } from '../../components/empty.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { AnchorLink, ButtonLink } from '../../components/links.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { RelativeTime } from '../../components/relative-time.tsx';
import { LoadingCard, TableCard } from '../../components/table-card.tsx';
import { usePermissions } from '../auth/use-me.ts';
import { EmailTabs, StatusBadge } from './email-parts.tsx';
import type { Broadcast } from './email-types.ts';
import { useBroadcasts } from './use-email.ts';

/**
 * Messages finished (sent, failed, suppressed, cancelled) out of all written for the broadcast. The list counts only
 * broadcasts under way: a sent or cancelled one without counts is done.
 */
export function progressOf(b: Pick<Broadcast, 'progress' | 'recipientCount' | 'status'>) {
  const p = b.progress;
  const total = Object.values(p).reduce((a, n) => a + n, 0) || b.recipientCount;
  const finished = (b.status === 'sent' || b.status === 'cancelled') && Object.keys(p).length === 0;
  const done = finished ? total : (p.sent ?? 0) + (p.failed ?? 0) + (p.suppressed ?? 0) + (p.cancelled ?? 0);
  return { total, done, share: total ? done / total : 0 };
}

/** Broadcasts: status, audience size, progress, when. */
export function BroadcastsScreen() {
  const can = usePermissions();
  const list = useBroadcasts();
  const newButton = can('email:write') && (
    <ButtonLink to="/email/broadcasts/new" leftSection={<IconPlus size={16} />}>
      New broadcast
    </ButtonLink>
  );
  return (
    <>
      <PageHeader
        title="Email"
        description="Broadcasts to a segment, a list or a filter, with A/B variants; templates, the outbox and the suppression list."
        actions={newButton}
      />
      <EmailTabs current="/email" />
      {list.isPending ? (
        <LoadingCard label="Loading broadcasts" />
      ) : list.isError ? (
        <ErrorAlert error={list.error} title="Could not load broadcasts" onRetry={() => list.refetch()} />
      ) : list.data.length === 0 ? (
        <Empty
          icon={<IconMail size={28} />}
          title="No broadcasts yet"
          description="Write a template first, then compose a broadcast: pick the audience, see how many people it reaches after suppression, and send now or later."
          action={
            <>
              <ButtonLink to="/email/templates" variant="default">
                Templates
              </ButtonLink>
              {newButton}
            </>
          }
        />
      ) : (
        <TableCard label="Broadcasts" minWidth={760}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Broadcast</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th ta="right">Recipients</Table.Th>
              <Table.Th>Progress</Table.Th>
              <Table.Th>Started</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data.map((b) => {
              const p = progressOf(b);
              return (
                <Table.Tr key={b.id}>
                  <Table.Td>
                    <AnchorLink to="/email/broadcasts/$broadcastId" params={{ broadcastId: b.id }} fw={600}>
                      {b.name}
                    </AnchorLink>
                    <Text size="xs" c="dimmed">
                      {b.variants.length > 1 ? `${b.variants.length} variants` : '1 variant'}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <StatusBadge status={b.status} />
                  </Table.Td>
                  <Table.Td ta="right">{b.recipientCount.toLocaleString()}</Table.Td>
                  <Table.Td miw={140}>
                    {p.total > 0 ? (
                      <Progress value={p.share * 100} size="sm" aria-label={`${Math.round(p.share * 100)}% done`} />
                    ) : (
                      <Text size="sm" c="dimmed">
                        —
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <RelativeTime value={b.startedAt ?? b.scheduledAt} fallback="Not sent" />
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </TableCard>
      )}
    </>
  );
}
