import { ActionIcon, Badge, Button, Group, Menu, Paper, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDots, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { errorMessage } from '../../lib/api/index.ts';
import { usePermissions } from '../auth/use-me.ts';
import type { ContactDetail } from '../records/crm-types.ts';
import { CardTitle } from '../records/detail-list.tsx';
import { RecordName } from '../records/record-link.tsx';
import { RecordPicker } from '../records/record-picker.tsx';
import { useUpdateContact } from './use-contacts.ts';

/** The contact's primary company and the others it works with: add, remove, make primary. */
export function ContactCompaniesCard({ contact }: { contact: ContactDetail }) {
  const can = usePermissions();
  const canWrite = can('contacts:write');
  const update = useUpdateContact(contact.id);
  const [adding, setAdding] = useState(false);
  const others = contact.companyIds.filter((id) => id !== contact.companyId);
  const save = (companyId: string | null, companyIds: string[], what: string) =>
    update.mutate(
      { companyId, companyIds: companyIds.filter((id) => id !== companyId) },
      {
        onSuccess: () => notifications.show({ color: 'teal', message: what }),
        onError: (err) => notifications.show({ color: 'red', title: 'Could not change the companies', message: errorMessage(err) }),
      },
    );
  const all = [...(contact.companyId ? [contact.companyId] : []), ...others];
  return (
    <Paper p="lg">
      <CardTitle
        title="Companies"
        action={
          canWrite && (
            <Button size="compact-sm" variant="subtle" leftSection={<IconPlus size={14} />} onClick={() => setAdding(true)}>
              Add
            </Button>
          )
        }
      />
      <Stack gap="xs">
        {all.length === 0 && !adding && (
          <Text size="sm" c="dimmed">
            Not linked to a company. Add one, or give the contact a work email.
          </Text>
        )}
        {all.map((id) => (
          <Group key={id} justify="space-between" wrap="nowrap" gap="xs">
            <Group gap={6} wrap="nowrap" style={{ minWidth: 0 }}>
              <RecordName entity="company" id={id} />
              {id === contact.companyId && (
                <Badge size="xs" color="brand">
                  primary
                </Badge>
              )}
            </Group>
            {canWrite && (
              <Menu position="bottom-end">
                <Menu.Target>
                  <ActionIcon variant="subtle" color="gray" size="sm" aria-label="Company actions">
                    <IconDots size={15} />
                  </ActionIcon>
                </Menu.Target>
                <Menu.Dropdown>
                  {id !== contact.companyId && <Menu.Item onClick={() => save(id, all, 'Primary company changed')}>Make primary</Menu.Item>}
                  <Menu.Item
                    color="red"
                    onClick={() =>
                      save(
                        id === contact.companyId ? (others[0] ?? null) : contact.companyId,
                        all.filter((x) => x !== id),
                        'Company removed',
                      )
                    }
                  >
                    Remove from contact
                  </Menu.Item>
                </Menu.Dropdown>
              </Menu>
            )}
          </Group>
        ))}
        {adding && (
          <RecordPicker
            entity="company"
            aria-label="Add a company"
            placeholder="Search companies…"
            value={null}
            exclude={all}
            autoFocus
            onBlur={() => setAdding(false)}
            onChange={(id) => {
              if (!id) return;
              setAdding(false);
              save(contact.companyId ?? id, [...all, id], 'Company added');
            }}
          />
        )}
      </Stack>
    </Paper>
  );
}
