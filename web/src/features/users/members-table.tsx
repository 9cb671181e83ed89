import { Avatar, Badge, Group, Select, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { ConfirmButton } from '../../components/confirm-button.tsx';
import { RelativeTime } from '../../components/relative-time.tsx';
import { TableCard } from '../../components/table-card.tsx';
import { errorMessage, type Member, type Role, roleLabels } from '../../lib/api/index.ts';
import { useMe } from '../auth/use-me.ts';
import { initials } from '../shell/workspace-switcher.tsx';
import { roleOptions } from './invite-modal.tsx';
import { useChangeRole, useRemoveMember } from './use-members.ts';

/** Everyone in the workspace with their role; admins change roles inline and remove members. */
export function MembersTable({ members }: { members: Member[] }) {
  const me = useMe();
  const changeRole = useChangeRole();
  const remove = useRemoveMember();
  const setRole = (m: Member, role: Role) =>
    changeRole.mutate(
      { userId: m.id, role },
      {
        onSuccess: () => notifications.show({ color: 'teal', title: 'Role changed', message: `${m.name} is now ${roleLabels[role]}.` }),
        onError: (err) => notifications.show({ color: 'red', title: 'Could not change the role', message: errorMessage(err) }),
      },
    );
  return (
    <TableCard label="Members" minWidth={720}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Member</Table.Th>
          <Table.Th w={200}>Role</Table.Th>
          <Table.Th>Joined</Table.Th>
          <Table.Th>Last sign-in</Table.Th>
          <Table.Th w={110}>
            <span className="visually-hidden">Actions</span>
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {members.map((m) => {
          const self = m.id === me.user?.id;
          return (
            <Table.Tr key={m.id}>
              <Table.Td>
                <Group gap="sm" wrap="nowrap">
                  <Avatar radius="xl" size={32} color="initials" name={m.name}>
                    {initials(m.name)}
                  </Avatar>
                  <div style={{ minWidth: 0 }}>
                    <Group gap={6} wrap="nowrap">
                      <Text size="sm" fw={600} truncate="end">
                        {m.name}
                      </Text>
                      {self && (
                        <Badge size="xs" color="gray">
                          You
                        </Badge>
                      )}
                    </Group>
                    <Text size="xs" c="dimmed" truncate="end">
                      {m.email}
                    </Text>
                  </div>
                </Group>
              </Table.Td>
              <Table.Td>
                <Select
                  size="xs"
                  data={roleOptions}
                  value={m.role}
                  onChange={(v) => v && v !== m.role && setRole(m, v as Role)}
                  aria-label={`Role of ${m.name}`}
                  disabled={changeRole.isPending && changeRole.variables?.userId === m.id}
                />
              </Table.Td>
              <Table.Td>
                <RelativeTime value={m.joinedAt} />
              </Table.Td>
              <Table.Td>
                <RelativeTime value={m.lastLoginAt} fallback="Never" />
              </Table.Td>
              <Table.Td ta="right">
                {!self && (
                  <ConfirmButton
                    title={`Remove ${m.name}?`}
                    message={`${m.name} (${m.email}) loses access to this workspace at once and is signed out here. Their records stay. You can invite them again later.`}
                    confirmLabel="Remove member"
                    onConfirm={() => remove.mutateAsync(m.id)}
                    aria-label={`Remove ${m.name}`}
                  >
                    Remove
                  </ConfirmButton>
                )}
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </TableCard>
  );
}
