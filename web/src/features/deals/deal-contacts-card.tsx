import { ActionIcon, Button, Group, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { AnchorLink } from '../../components/links.tsx';
import { errorMessage } from '../../lib/api/index.ts';
import { RecordPicker } from '../records/record-picker.tsx';
import { contactRoles, type DealDetail } from './deal-types.ts';
import { useUpdateDeal } from './use-deals.ts';

type Role = (typeof contactRoles)[number]['value'];

/** The people on the deal with their roles; writers add, remove and re-role them. */
export function DealContactsCard({ deal, canWrite }: { deal: DealDetail; canWrite: boolean }) {
  const update = useUpdateDeal(deal.id);
  const [adding, setAdding] = useState<string | null>(null);
  const save = (list: { contactId: string; role: Role | null }[]) =>
    update.mutate(
      { contacts: list },
      { onError: (err) => notifications.show({ color: 'red', title: 'Could not change the contacts', message: errorMessage(err) }) },
    );
  const current = deal.contacts.map((c) => ({ contactId: c.contactId, role: c.role as Role | null }));
  return (
    <Paper p="md">
      <Title order={3} size="h5" mb="sm">
        Contacts
      </Title>
      <Stack gap="xs">
        {deal.contacts.length === 0 && (
          <Text size="sm" c="dimmed">
            No one on this deal yet. Add the decision maker and your champion.
          </Text>
        )}
        {deal.contacts.map((c) => (
          <Group key={c.contactId} justify="space-between" wrap="nowrap" gap="xs">
            <Stack gap={0} style={{ minWidth: 0 }}>
              <AnchorLink to="/contacts/$contactId" params={{ contactId: c.contactId }} size="sm" fw={500}>
                {c.displayName}
              </AnchorLink>
              {c.email && (
                <Text size="xs" c="dimmed" truncate="end">
                  {c.email}
                </Text>
              )}
            </Stack>
            <Group gap={4} wrap="nowrap">
              <Select
                aria-label={`Role of ${c.displayName}`}
                size="xs"
                w={140}
                placeholder="No role"
                data={contactRoles.map((r) => ({ ...r }))}
                value={c.role}
                disabled={!canWrite}
                clearable
                onChange={(role) => save(current.map((x) => (x.contactId === c.contactId ? { ...x, role: role as Role | null } : x)))}
              />
              {canWrite && (
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  aria-label={`Remove ${c.displayName} from the deal`}
                  onClick={() => save(current.filter((x) => x.contactId !== c.contactId))}
                >
                  <IconX size={14} />
                </ActionIcon>
              )}
            </Group>
          </Group>
        ))}
        {canWrite && (
          <Group gap="xs" align="flex-end" wrap="nowrap">
            <RecordPicker
              entity="contact"
              aria-label="Add a contact"
              placeholder="Add a contact…"
              value={adding}
              onChange={setAdding}
              exclude={deal.contacts.map((c) => c.contactId)}
              style={{ flex: 1 }}
            />
            <Button
              size="sm"
              variant="default"
              disabled={!adding}
              loading={update.isPending}
              onClick={() => {
                if (adding) save([...current, { contactId: adding, role: null }]);
                setAdding(null);
              }}
            >
              Add
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
