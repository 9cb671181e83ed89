import { Button, Group, Modal, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconList } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { Empty } from '../../components/empty.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { AnchorLink } from '../../components/links.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { RelativeTime } from '../../components/relative-time.tsx';
import { LoadingCard, TableCard } from '../../components/table-card.tsx';
import { usePermissions } from '../auth/use-me.ts';
import { useCreateList, useLists } from './use-segments.ts';

function NewListModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const create = useCreateList();
  const navigate = useNavigate();
  return (
    <Modal opened={opened} onClose={onClose} title="New list">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate(
            { name: name.trim(), description: description.trim() || undefined },
            { onSuccess: (l) => navigate({ to: '/lists/$listId', params: { listId: l.id } }) },
          );
        }}
      >
        <Stack>
          <TextInput label="Name" required data-autofocus value={name} onChange={(e) => setName(e.currentTarget.value)} />
          <TextInput label="Description" value={description} onChange={(e) => setDescription(e.currentTarget.value)} />
          {create.error && <ErrorAlert error={create.error} />}
          <Group justify="flex-end">
            <Button type="submit" loading={create.isPending} disabled={!name.trim()}>
              Create list
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** Static lists: contacts added and removed by hand, by filter or by an email upload. */
export function ListsScreen() {
  const lists = useLists();
  const can = usePermissions();
  const [opened, { open, close }] = useDisclosure(false);
  const create = can('lists:manage') && (
    <Button leftSection={<IconList size={16} />} onClick={open}>
      New list
    </Button>
  );
  return (
    <>
      <PageHeader
        title="Lists"
        description="Static lists change only when you add or remove people. Segments can use them as a condition."
        actions={create}
      />
      <NewListModal opened={opened} onClose={close} />
      {lists.error ? (
        <ErrorAlert error={lists.error} onRetry={() => lists.refetch()} />
      ) : !lists.data ? (
        <LoadingCard label="Loading lists" />
      ) : lists.data.length === 0 ? (
        <Empty
          icon={<IconList />}
          title="No lists yet"
          description="Create a list for an event's invitees or a trade fair's badge scans, then add contacts by search, filter or a file of emails."
          action={create || undefined}
        />
      ) : (
        <TableCard label="Lists">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th ta="right">Members</Table.Th>
              <Table.Th>Updated</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {lists.data.map((l) => (
              <Table.Tr key={l.id}>
                <Table.Td>
                  <AnchorLink to="/lists/$listId" params={{ listId: l.id }} fw={500}>
                    {l.name}
                  </AnchorLink>
                  {l.description && (
                    <Text size="xs" c="dimmed" lineClamp={1}>
                      {l.description}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td ta="right">{l.memberCount.toLocaleString()}</Table.Td>
                <Table.Td>
                  <RelativeTime value={l.updatedAt} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </TableCard>
      )}
    </>
  );
}
