import { Badge, Button, Group, Paper, Progress, Stack, Table, Tabs, Text } from '@mantine/core';
import { IconPencil, IconUsersGroup } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { ConfirmButton } from '../../components/confirm-button.tsx';
import { Empty } from '../../components/empty.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { ButtonLink } from '../../components/links.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { RelativeTime } from '../../components/relative-time.tsx';
import { LoadingCard, TableCard } from '../../components/table-card.tsx';
import { usePermissions } from '../auth/use-me.ts';
import { MemberList } from './member-list.tsx';
import { useDeleteSegment, useSegment, useSegmentHistory } from './use-segments.ts';

function History({ id }: { id: string }) {
  const history = useSegmentHistory(id);
  if (history.error) return <ErrorAlert error={history.error} />;
  if (!history.data) return <LoadingCard rows={3} label="Loading history" />;
  if (history.data.length === 0) return <Text c="dimmed">Nobody has entered or left yet.</Text>;
  return (
    <TableCard label="Entered and exited">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Contact</Table.Th>
          <Table.Th>Change</Table.Th>
          <Table.Th>When</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {history.data.map((h, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: history rows repeat contact and change
          <Table.Tr key={i}>
            <Table.Td>{h.contactName ?? h.contactId}</Table.Td>
            <Table.Td>
              <Badge variant="light" color={h.change === 'entered' ? 'green' : 'gray'}>
                {h.change}
              </Badge>
            </Table.Td>
            <Table.Td>
              <RelativeTime value={h.at} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </TableCard>
  );
}

/** A segment: its members (virtualized, keyset paged), entered/exited history, and progress while evaluating. */
export function SegmentScreen({ id }: { id: string }) {
  const segment = useSegment(id);
  const del = useDeleteSegment();
  const navigate = useNavigate();
  const can = usePermissions();
  if (segment.error) return <ErrorAlert error={segment.error} onRetry={() => segment.refetch()} />;
  if (!segment.data) return <LoadingCard label="Loading segment" />;
  const s = segment.data;
  const building = s.status === 'building';
  const pct = s.rebuild && s.rebuild.total > 0 ? Math.round((100 * s.rebuild.done) / s.rebuild.total) : 0;
  return (
    <>
      <PageHeader
        title={s.name}
        description={s.description ?? undefined}
        actions={
          can('segments:manage') && (
            <>
              <ButtonLink
                variant="default"
                to="/segments/$segmentId/edit"
                params={{ segmentId: id }}
                leftSection={<IconPencil size={16} />}
              >
                Edit
              </ButtonLink>
              <ConfirmButton
                color="red"
                variant="light"
                confirmLabel="Delete segment"
                title={`Delete ${s.name}?`}
                message="Its members and history are removed. Contacts are not changed."
                onConfirm={async () => {
                  await del.mutateAsync(id);
                  await navigate({ to: '/segments' });
                }}
              >
                Delete
              </ConfirmButton>
            </>
          )
        }
      />
      <Group mb="md" gap="lg">
        <Paper withBorder px="md" py="xs">
          <Text size="xs" c="dimmed">
            Members
          </Text>
          <Text fw={700} fz="xl" data-testid="member-count">
            {s.memberCount.toLocaleString()}
          </Text>
        </Paper>
        <Text size="sm" c="dimmed">
          {s.builtAt ? (
            <>
              Evaluated over all contacts <RelativeTime value={s.builtAt} />; kept current as contacts change.
            </>
          ) : (
            'Not evaluated yet.'
          )}
          {s.timeRelative && ' Uses a time window, so it is also re-checked every 15 minutes.'}
        </Text>
      </Group>
      {building && (
        <Stack gap={4} mb="md" aria-label="Evaluation progress">
          <Text size="sm">
            Evaluating every contact… {s.rebuild ? `${s.rebuild.done.toLocaleString()} of ${s.rebuild.total.toLocaleString()}` : 'queued'}
          </Text>
          <Progress value={pct} animated aria-label={`${pct}%`} />
        </Stack>
      )}
      <Tabs defaultValue="members" keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="members">Members</Tabs.Tab>
          <Tabs.Tab value="history">Entered / exited</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="members">
          <MemberList
            kind="segments"
            id={id}
            version={`${s.memberCount}:${s.status}`}
            atLabel="Entered"
            empty={
              <Empty
                icon={<IconUsersGroup />}
                title={building ? 'Evaluating…' : 'No contacts match yet'}
                description={
                  building
                    ? 'Members appear here as the evaluation finishes.'
                    : 'Contacts join as soon as they match. Edit the conditions to widen the segment.'
                }
              />
            }
          />
        </Tabs.Panel>
        <Tabs.Panel value="history">
          <History id={id} />
        </Tabs.Panel>
      </Tabs>
      <Button variant="subtle" size="xs" mt="md" onClick={() => navigate({ to: '/segments' })}>
        ← All segments
      </Button>
    </>
  );
}
