import { Badge, Button, Group, Modal, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconHandClick, IconPlus, IconRefresh } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { Empty } from '../../components/empty.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { AnchorLink } from '../../components/links.tsx';
import { RelativeTime } from '../../components/relative-time.tsx';
import { LoadingCard } from '../../components/table-card.tsx';
import { errorMessage } from '../../lib/api/index.ts';
import { RecordPicker } from '../records/record-picker.tsx';
import { useToday } from '../workspace/use-today.ts';
import { touchpointLabels } from './labels.ts';
import { useDeriveTouchpoints, useRecordTouchpoint, useTouchpoints } from './use-campaigns.ts';

function ManualTouchpointModal({ campaignId, onClose }: { campaignId: string; onClose: () => void }) {
  const record = useRecordTouchpoint(campaignId);
  const [contactId, setContactId] = useState<string | null>(null);
  const today = useToday();
  const [day, setDay] = useState(today);
  const [note, setNote] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!contactId) return;
    record.mutate(
      { contactId, occurredAt: new Date(`${day}T12:00:00`).toISOString(), note: note || null },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: 'Touchpoint recorded' });
          onClose();
        },
      },
    );
  };
  return (
    <Modal opened onClose={onClose} title="Record a touchpoint">
      <form onSubmit={submit}>
        <Stack gap="sm">
          <RecordPicker
            entity="contact"
            label="Contact"
            placeholder="Search contacts…"
            value={contactId}
            onChange={setContactId}
            required
          />
          <TextInput label="Day" type="date" value={day} onChange={(e) => setDay(e.currentTarget.value)} />
          <TextInput label="Note" placeholder="e.g. Met at the booth" value={note} onChange={(e) => setNote(e.currentTarget.value)} />
          {record.error && (
            <Text c="red" size="sm" role="alert">
              {errorMessage(record.error)}
            </Text>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" disabled={!contactId} loading={record.isPending}>
              Record
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** Who the campaign touched and how, newest first, with manual touchpoints and a "read new activity now" button. */
export function TouchpointsCard({ campaignId, canWrite }: { campaignId: string; canWrite: boolean }) {
  const list = useTouchpoints(campaignId);
  const derive = useDeriveTouchpoints();
  const [adding, setAdding] = useState(false);
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Paper p="lg">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4">
          Touchpoints
        </Title>
        {canWrite && (
          <Group gap="xs">
            <Button
              size="xs"
              variant="default"
              leftSection={<IconRefresh size={14} />}
              loading={derive.isPending}
              onClick={() =>
                derive.mutate(undefined, {
                  onSuccess: (r) =>
                    notifications.show({
                      color: 'teal',
                      message: `${r.touchpoints} new touchpoint${r.touchpoints === 1 ? '' : 's'} from ${r.events} event${r.events === 1 ? '' : 's'}${r.pending ? `; ${r.pending} anonymous visits wait for their visitor to be identified` : ''}`,
                    }),
                  onError: (e) => notifications.show({ color: 'red', message: errorMessage(e) }),
                })
              }
            >
              Read new activity
            </Button>
            <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={() => setAdding(true)}>
              Record touchpoint
            </Button>
          </Group>
        )}
      </Group>
      {list.isPending ? (
        <LoadingCard rows={3} label="Loading touchpoints" />
      ) : list.isError ? (
        <ErrorAlert error={list.error} onRetry={() => list.refetch()} />
      ) : items.length === 0 ? (
        <Empty
          icon={<IconHandClick size={24} />}
          title="No touchpoints yet"
          description="Visits through this campaign's links, form submissions, email clicks, event attendance and deals that name the campaign appear here (read every 5 minutes). Record a meeting or call by hand."
        />
      ) : (
        <>
          <Table aria-label="Touchpoints">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Contact</Table.Th>
                <Table.Th>Kind</Table.Th>
                <Table.Th>When</Table.Th>
                <Table.Th>Note</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((t) => (
                <Table.Tr key={t.id}>
                  <Table.Td>
                    <AnchorLink to="/contacts/$contactId" params={{ contactId: t.contactId }} size="sm">
                      {t.contactName ?? 'Unnamed contact'}
                    </AnchorLink>
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="light" tt="none" color={t.kind === 'deal_source' ? 'teal' : t.kind === 'manual' ? 'gray' : 'blue'}>
                      {touchpointLabels[t.kind]}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <RelativeTime value={t.occurredAt} />
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" c="dimmed" lineClamp={1}>
                      {t.note}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {list.hasNextPage && (
            <Group justify="center" mt="sm">
              <Button variant="subtle" size="xs" loading={list.isFetchingNextPage} onClick={() => list.fetchNextPage()}>
                Show more
              </Button>
            </Group>
          )}
        </>
      )}
      {adding && <ManualTouchpointModal campaignId={campaignId} onClose={() => setAdding(false)} />}
    </Paper>
  );
}
