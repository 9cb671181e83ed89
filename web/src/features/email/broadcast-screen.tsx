import { Alert, Badge, Button, Group, Modal, Paper, Progress, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconPlayerPause, IconPlayerPlay, IconSend } from '@tabler/icons-react';
import { useState } from 'react';
import { ConfirmButton } from '../../components/confirm-button.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { ButtonLink } from '../../components/links.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { formatDateTime } from '../../components/relative-time.tsx';
import { LoadingCard, TableCard } from '../../components/table-card.tsx';
import { usePermissions } from '../auth/use-me.ts';
import { progressOf } from './broadcasts-screen.tsx';
import { pct, StatusBadge } from './email-parts.tsx';
import type { Broadcast, Rates, Report } from './email-types.ts';
import { useBroadcast, useBroadcastAction, useReport } from './use-email.ts';

const statusOrder = ['queued', 'held', 'sending', 'sent', 'failed', 'suppressed', 'cancelled'];
const statusText: Record<string, string> = {
  queued: 'Queued',
  held: 'Held for the winner',
  sending: 'Sending',
  sent: 'Sent',
  failed: 'Failed',
  suppressed: 'Suppressed',
  cancelled: 'Cancelled',
};

/** Report figures in a fixed order with labels; a field the API does not return is left out, an unknown one is appended. */
const metricLabels: [string, string][] = [
  ['recipients', 'Recipients'],
  ['sent', 'Sent'],
  ['delivered', 'Delivered'],
  ['bounced', 'Bounced'],
  ['hard_bounced', 'Hard bounces'],
  ['soft_bounced', 'Soft bounces'],
  ['opened', 'Opens (human)'],
  ['machine_opened', 'Opens (machine)'],
  ['clicked', 'Clicks'],
  ['unsubscribed', 'Unsubscribes'],
  ['complained', 'Complaints'],
  ['failed', 'Failed'],
  ['suppressed', 'Suppressed'],
];
const rateLabels: [string, string][] = [
  ['deliveryRate', 'Delivery rate'],
  ['openRate', 'Open rate (human)'],
  ['machineOpenRate', 'Machine open rate'],
  ['clickRate', 'Click rate'],
  ['clickToOpenRate', 'Click-to-open rate'],
  ['bounceRate', 'Bounce rate'],
  ['hardBounceRate', 'Hard bounce rate'],
  ['softBounceRate', 'Soft bounce rate'],
  ['unsubscribeRate', 'Unsubscribe rate'],
  ['complaintRate', 'Complaint rate'],
];
const skip = new Set(['id', 'label', 'winner']);
const humanize = (k: string) =>
  k
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/_/g, ' ')
    .replace(/^./, (c) => c.toUpperCase());

function reportRows(columns: Rates[]) {
  const present = (k: string) => columns.some((c) => typeof c[k] === 'number');
  const known = new Set([...metricLabels, ...rateLabels].map(([k]) => k));
  const extra = [...new Set(columns.flatMap((c) => Object.keys(c)))].filter(
    (k) => !known.has(k) && !skip.has(k) && columns.some((c) => typeof c[k] === 'number'),
  );
  const isRate = (k: string) => /Rate$/.test(k);
  return [
    ...metricLabels.filter(([k]) => present(k)).map(([k, label]) => ({ key: k, label, rate: false })),
    ...extra.filter((k) => !isRate(k)).map((k) => ({ key: k, label: humanize(k), rate: false })),
    ...rateLabels.filter(([k]) => present(k)).map(([k, label]) => ({ key: k, label, rate: true })),
    ...extra.filter(isRate).map((k) => ({ key: k, label: humanize(k), rate: true })),
  ];
}

function ReportTable({ report }: { report: Report }) {
  const columns: { label: string; winner?: boolean; data: Rates }[] = [
    { label: 'Total', data: report.total },
    ...(report.variants.length > 1
      ? report.variants.map((v) => ({ label: `Variant ${v.label}`, winner: v.winner, data: v as Rates }))
      : []),
  ];
  const rows = reportRows(columns.map((c) => c.data));
  return (
    <TableCard label="Report" minWidth={420}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th />
          {columns.map((c) => (
            <Table.Th key={c.label} ta="right">
              <Group gap={4} justify="flex-end" wrap="nowrap">
                {c.label}
                {c.winner && (
                  <Badge size="xs" color="teal">
                    winner
                  </Badge>
                )}
              </Group>
            </Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((r) => (
          <Table.Tr key={r.key}>
            <Table.Td fw={r.rate ? 400 : 500} c={r.rate ? 'dimmed' : undefined}>
              {r.label}
            </Table.Td>
            {columns.map((c) => {
              const v = c.data[r.key];
              return (
                <Table.Td key={c.label} ta="right" ff={r.rate ? undefined : 'monospace'}>
                  {typeof v !== 'number' ? '—' : r.rate ? pct(v) : v.toLocaleString()}
                </Table.Td>
              );
            })}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </TableCard>
  );
}

function ClickMap({ links }: { links: Report['links'] }) {
  if (links.length === 0)
    return (
      <Paper p="md">
        <Text size="sm" c="dimmed">
          No clicks yet. Each link in the message gets a row here once someone clicks it.
        </Text>
      </Paper>
    );
  const max = Math.max(...links.map((l) => l.clicks), 1);
  return (
    <TableCard label="Click map" minWidth={520}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Link</Table.Th>
          <Table.Th ta="right">Clicks</Table.Th>
          <Table.Th ta="right">Unique</Table.Th>
          <Table.Th w={160} />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {links.map((l) => (
          <Table.Tr key={l.url}>
            <Table.Td>
              <Text size="sm" ff="monospace" style={{ wordBreak: 'break-all' }}>
                {l.url}
              </Text>
            </Table.Td>
            <Table.Td ta="right">{l.clicks.toLocaleString()}</Table.Td>
            <Table.Td ta="right">{l.uniqueClicks.toLocaleString()}</Table.Td>
            <Table.Td>
              <Progress value={(l.clicks / max) * 100} size="sm" aria-label={`${l.clicks} clicks`} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </TableCard>
  );
}

function ProgressCard({ b }: { b: Broadcast }) {
  const p = progressOf(b);
  const statuses = [...statusOrder, ...Object.keys(b.progress).filter((s) => !statusOrder.includes(s))].filter(
    (s) => (b.progress[s] ?? 0) > 0,
  );
  return (
    <Paper p="md" aria-label="Sending progress" role="region">
      <Group justify="space-between" mb="xs">
        <Text fw={600}>Progress</Text>
        <Text size="sm" c="dimmed" data-testid="progress-text">
          {p.done.toLocaleString()} of {p.total.toLocaleString()} done
        </Text>
      </Group>
      <Progress.Root size="lg" aria-label={`${Math.round(p.share * 100)}% done`}>
        <Progress.Section value={p.total ? ((b.progress.sent ?? 0) / p.total) * 100 : 0} color="teal" />
        <Progress.Section value={p.total ? ((b.progress.suppressed ?? 0) / p.total) * 100 : 0} color="gray" />
        <Progress.Section value={p.total ? ((b.progress.failed ?? 0) / p.total) * 100 : 0} color="red" />
      </Progress.Root>
      {statuses.length === 0 ? (
        <Text size="sm" c="dimmed" mt="sm">
          {b.status === 'draft'
            ? 'Nothing sent yet: this is a draft.'
            : b.status === 'scheduled'
              ? 'Waiting for the scheduled time.'
              : 'Preparing the recipients…'}
        </Text>
      ) : (
        <SimpleGrid cols={{ base: 2, sm: 4 }} mt="md">
          {statuses.map((s) => (
            <Stack key={s} gap={0} data-testid={`count-${s}`}>
              <Text size="xs" c="dimmed">
                {statusText[s] ?? humanize(s)}
              </Text>
              <Text fw={700} fz="lg">
                {(b.progress[s] ?? 0).toLocaleString()}
              </Text>
            </Stack>
          ))}
        </SimpleGrid>
      )}
    </Paper>
  );
}

function Actions({ b }: { b: Broadcast }) {
  const can = usePermissions();
  const action = useBroadcastAction();
  const [confirmSend, setConfirmSend] = useState(false);
  if (!can('email:send')) return null;
  const run = (a: 'send' | 'pause' | 'resume' | 'cancel') => action.mutateAsync({ id: b.id, action: a });
  return (
    <>
      {b.status === 'draft' && (
        <Button leftSection={<IconSend size={16} />} onClick={() => setConfirmSend(true)}>
          Send now…
        </Button>
      )}
      {(b.status === 'sending' || b.status === 'testing' || b.status === 'scheduled') && (
        <Button variant="default" leftSection={<IconPlayerPause size={16} />} onClick={() => run('pause')} loading={action.isPending}>
          Pause
        </Button>
      )}
      {b.status === 'paused' && (
        <Button leftSection={<IconPlayerPlay size={16} />} onClick={() => run('resume')} loading={action.isPending}>
          Resume
        </Button>
      )}
      {['draft', 'scheduled', 'sending', 'testing', 'paused'].includes(b.status) && (
        <ConfirmButton
          size="sm"
          variant="light"
          title="Cancel this broadcast?"
          message="Messages not sent yet are dropped; what went out stays in the report. This cannot be undone."
          confirmLabel="Cancel broadcast"
          onConfirm={() => run('cancel')}
        >
          Cancel broadcast
        </ConfirmButton>
      )}
      <Modal opened={confirmSend} onClose={() => setConfirmSend(false)} title={<Text fw={650}>Send this broadcast now?</Text>}>
        <Text size="sm">“{b.name}” goes to its whole audience now, after suppression.</Text>
        {action.error && <ErrorAlert error={action.error} title="Could not send" />}
        <Group justify="flex-end" mt="lg">
          <Button variant="default" onClick={() => setConfirmSend(false)}>
            Cancel
          </Button>
          <Button
            data-autofocus
            loading={action.isPending}
            onClick={() =>
              run('send').then(
                () => setConfirmSend(false),
                () => undefined,
              )
            }
          >
            Send now
          </Button>
        </Group>
      </Modal>
    </>
  );
}

/** A broadcast: live progress while sending, pause/resume/cancel, and the report by variant with the click map. */
export function BroadcastScreen({ id }: { id: string }) {
  const b = useBroadcast(id);
  const live = b.data ? ['sending', 'testing'].includes(b.data.status) : false;
  const report = useReport(id, b.data?.status, live);
  return (
    <>
      <PageHeader
        title={b.data?.name ?? 'Broadcast'}
        description={
          b.data &&
          `${b.data.recipientCount.toLocaleString()} recipients · ${
            b.data.startedAt
              ? `started ${formatDateTime(b.data.startedAt)}`
              : b.data.scheduledAt
                ? `scheduled for ${formatDateTime(b.data.scheduledAt)}`
                : 'not sent yet'
          }${b.data.finishedAt ? ` · finished ${formatDateTime(b.data.finishedAt)}` : ''}`
        }
        actions={
          <>
            {b.data && <StatusBadge status={b.data.status} size="lg" />}
            {b.data && <Actions b={b.data} />}
            <ButtonLink to="/email" variant="default">
              All broadcasts
            </ButtonLink>
          </>
        }
      />
      {b.isPending ? (
        <LoadingCard label="Loading broadcast" />
      ) : b.isError ? (
        <ErrorAlert error={b.error} title="Could not load the broadcast" onRetry={() => b.refetch()} />
      ) : (
        <Stack gap="lg">
          <ProgressCard b={b.data} />
          <Title order={2} size="h4">
            Report
          </Title>
          {report.isPending ? (
            <LoadingCard label="Loading report" />
          ) : report.isError ? (
            <ErrorAlert error={report.error} title="Could not load the report" onRetry={() => report.refetch()} />
          ) : (
            <>
              {report.data.complaintAlarm && (
                <Alert color="red" icon={<IconAlertTriangle size={18} />} title="Spam complaints above 0.1%">
                  Mailbox providers start filtering senders past this rate. Check the audience's consent and the subscription type.
                </Alert>
              )}
              <ReportTable report={report.data} />
              <Title order={3} size="h5">
                Click map
              </Title>
              <ClickMap links={report.data.links} />
            </>
          )}
        </Stack>
      )}
    </>
  );
}
