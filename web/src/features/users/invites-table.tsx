import { Badge, Table, Text } from '@mantine/core';
import { ConfirmButton } from '../../components/confirm-button.tsx';
import { RelativeTime } from '../../components/relative-time.tsx';
import { TableCard } from '../../components/table-card.tsx';
import { type Invite, type Role, roleLabels } from '../../lib/api/index.ts';
import { useRevokeInvite } from './use-members.ts';

/** Invites still waiting to be accepted, each revocable. */
export function InvitesTable({ invites }: { invites: Invite[] }) {
  const revoke = useRevokeInvite();
  return (
    <TableCard label="Pending invites" minWidth={640}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Email</Table.Th>
          <Table.Th>Role</Table.Th>
          <Table.Th>Invited by</Table.Th>
          <Table.Th>Expires</Table.Th>
          <Table.Th w={110}>
            <span className="visually-hidden">Actions</span>
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {invites.map((i) => (
          <Table.Tr key={i.id}>
            <Table.Td>
              <Text size="sm" fw={500}>
                {i.email}
              </Text>
            </Table.Td>
            <Table.Td>
              <Badge color="gray">{roleLabels[i.role as Role] ?? i.role}</Badge>
            </Table.Td>
            <Table.Td>
              <Text size="sm">{i.invitedBy ?? '—'}</Text>
            </Table.Td>
            <Table.Td>
              <RelativeTime value={i.expiresAt} />
            </Table.Td>
            <Table.Td ta="right">
              <ConfirmButton
                title="Revoke this invite?"
                message={`The link sent to ${i.email} stops working. You can invite them again any time.`}
                confirmLabel="Revoke invite"
                onConfirm={() => revoke.mutateAsync(i.id)}
                aria-label={`Revoke invite for ${i.email}`}
              >
                Revoke
              </ConfirmButton>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </TableCard>
  );
}
