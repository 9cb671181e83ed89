import { Anchor, Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPencil } from '@tabler/icons-react';
import { RelativeTime } from '../../components/relative-time.tsx';
import { usePermissions } from '../auth/use-me.ts';
import { formatCustomValue } from '../custom-fields/custom-value-input.tsx';
import { useCustomFields } from '../custom-fields/use-custom-fields.ts';
import type { ContactDetail } from '../records/crm-types.ts';
import { CardTitle, DetailList } from '../records/detail-list.tsx';
import { ContactFormModal } from './contact-form-modal.tsx';

/** Emails and phones, primary first, as links. */
function Channels({ contact }: { contact: ContactDetail }) {
  if (contact.emails.length === 0 && contact.phones.length === 0) return null;
  return (
    <Stack gap={6}>
      {contact.emails.map((e) => (
        <Group key={e.email} gap={6} wrap="nowrap">
          <Anchor href={`mailto:${e.email}`} size="sm" truncate="end">
            {e.email}
          </Anchor>
          {e.isPrimary && contact.emails.length > 1 && (
            <Badge size="xs" color="gray">
              primary
            </Badge>
          )}
        </Group>
      ))}
      {contact.phones.map((p) => (
        <Group key={p.phone} gap={6} wrap="nowrap">
          <Anchor href={`tel:${p.phone}`} size="sm">
            {p.phone}
          </Anchor>
          <Text size="xs" c="dimmed">
            {p.kind}
          </Text>
        </Group>
      ))}
    </Stack>
  );
}

/** The contact's fields, custom ones included; "Edit" opens the full form. */
export function ContactDetailsCard({ contact }: { contact: ContactDetail }) {
  const can = usePermissions();
  const defs = useCustomFields('contact').data ?? [];
  const [opened, { open, close }] = useDisclosure(false);
  return (
    <Paper p="lg">
      <CardTitle
        title="Details"
        action={
          can('contacts:write') && (
            <Button size="compact-sm" variant="subtle" leftSection={<IconPencil size={14} />} onClick={open}>
              Edit
            </Button>
          )
        }
      />
      <Stack gap="md">
        <Channels contact={contact} />
        <DetailList
          items={[
            { label: 'First name', value: contact.firstName },
            { label: 'Last name', value: contact.lastName },
            { label: 'Job title', value: contact.title },
            { label: 'Source', value: contact.source },
            ...(contact.leadStatus === 'unqualified' ? [{ label: 'Unqualified because', value: contact.leadStatusReason }] : []),
            ...defs.map((d) => ({ key: `custom.${d.key}`, label: d.label, value: formatCustomValue(d, contact.custom[d.key]) })),
            { label: 'Last activity', value: contact.lastActivityAt ? <RelativeTime value={contact.lastActivityAt} /> : '' },
            { label: 'Stage changed', value: contact.lifecycleChangedAt ? <RelativeTime value={contact.lifecycleChangedAt} /> : '' },
            { label: 'Created', value: <RelativeTime value={contact.createdAt} /> },
          ]}
        />
      </Stack>
      <ContactFormModal opened={opened} onClose={close} contact={contact} />
    </Paper>
  );
}
