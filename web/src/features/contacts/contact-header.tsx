import { Anchor, Avatar, Badge, Breadcrumbs, Button, Group, Menu, Select, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconChevronDown, IconCurrencyDollar, IconMailOff } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { AnchorLink } from '../../components/links.tsx';
import { errorMessage } from '../../lib/api/index.ts';
import { usePermissions } from '../auth/use-me.ts';
import { ConvertContactModal } from '../deals/convert-contact-modal.tsx';
import type { ContactBody, ContactDetail } from '../records/crm-types.ts';
import { consentStatuses, leadStatuses, lifecycleStages, optionLabel } from '../records/field-catalog.ts';
import { consentColors, initialsOf, leadStatusColors, stageColors } from '../records/format.ts';
import { RecordName } from '../records/record-link.tsx';
import { useMemberOptions } from '../records/record-names.ts';
import { rememberRecord } from '../search/use-search.ts';
import { UnqualifiedModal } from './unqualified-modal.tsx';
import { useRecordConsent, useUpdateContact } from './use-contacts.ts';

/** Consent as a badge; writers can record a new status from its menu. */
function ConsentBadge({ contact, canWrite }: { contact: ContactDetail; canWrite: boolean }) {
  const record = useRecordConsent(contact.id);
  const badge = (
    <Badge
      color={consentColors[contact.emailConsent] ?? 'gray'}
      tt="none"
      variant="light"
      rightSection={canWrite ? <IconChevronDown size={12} /> : undefined}
    >
      Email: {optionLabel(consentStatuses, contact.emailConsent).toLowerCase()}
    </Badge>
  );
  if (!canWrite) return badge;
  const set = (status: 'subscribed' | 'unsubscribed') =>
    record.mutate(
      { status, source: 'Recorded by hand in Tandem', legalBasis: status === 'subscribed' ? 'consent' : null },
      { onError: (err) => notifications.show({ color: 'red', title: 'Could not record consent', message: errorMessage(err) }) },
    );
  return (
    <Menu position="bottom-start">
      <Menu.Target>
        <UnstyledButton aria-label={`Email consent: ${contact.emailConsent}. Change`}>{badge}</UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>Record email consent</Menu.Label>
        <Menu.Item onClick={() => set('subscribed')}>Subscribed (they agreed)</Menu.Item>
        <Menu.Item onClick={() => set('unsubscribed')}>Unsubscribed (they opted out)</Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

/** The top of a contact page: who, where they work, stage, lead status, owner and consent. */
export function ContactHeader({ contact }: { contact: ContactDetail }) {
  const can = usePermissions();
  const canWrite = can('contacts:write');
  const update = useUpdateContact(contact.id);
  const members = useMemberOptions();
  const [askReason, setAskReason] = useState(false);
  const [converting, setConverting] = useState(false);
  useEffect(() => {
    document.title = `${contact.displayName} · Tandem`;
    rememberRecord({ type: 'contact', id: contact.id, title: contact.displayName, subtitle: contact.email });
  }, [contact.id, contact.displayName, contact.email]);
  const patch = (body: ContactBody, what: string) =>
    update.mutate(body, {
      onSuccess: () => notifications.show({ color: 'teal', message: `${what} saved` }),
      onError: (err) =>
        notifications.show({ color: 'red', title: `Could not change the ${what.toLowerCase()}`, message: errorMessage(err) }),
    });
  const selectStyle = { input: { fontWeight: 600 } };
  return (
    <Stack gap="md" mb="lg">
      <Breadcrumbs>
        <AnchorLink to="/contacts" size="sm">
          Contacts
        </AnchorLink>
        <Text size="sm" c="dimmed" truncate="end" maw={300}>
          {contact.displayName}
        </Text>
      </Breadcrumbs>
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="lg">
        <Group gap="md" wrap="nowrap" align="center" style={{ minWidth: 0 }}>
          <Avatar size={56} radius="xl" color="initials" name={contact.displayName}>
            {initialsOf(contact.displayName)}
          </Avatar>
          <Stack gap={4} style={{ minWidth: 0 }}>
            <Title order={1} style={{ wordBreak: 'break-word' }}>
              {contact.displayName}
            </Title>
            <Group gap={6} wrap="wrap">
              {contact.title && <Text c="dimmed">{contact.title}</Text>}
              {contact.title && contact.companyId && <Text c="dimmed">at</Text>}
              {contact.companyId && <RecordName entity="company" id={contact.companyId} fw={600} />}
              {contact.email && (
                <Anchor href={`mailto:${contact.email}`} size="sm" c="dimmed">
                  {contact.email}
                </Anchor>
              )}
            </Group>
            <Group gap={6} mt={4}>
              <ConsentBadge contact={contact} canWrite={canWrite} />
              {contact.doNotContact && (
                <Badge color="red" variant="filled" leftSection={<IconMailOff size={12} />}>
                  Do not contact
                </Badge>
              )}
              {contact.tags.map((t) => (
                <Badge key={t} color="gray" tt="none" fw={500}>
                  {t}
                </Badge>
              ))}
            </Group>
          </Stack>
        </Group>
        <Group gap="sm" align="flex-end" wrap="wrap">
          <Select
            label="Lifecycle stage"
            w={190}
            data={lifecycleStages}
            value={contact.lifecycleStage}
            placeholder="Not set"
            disabled={!canWrite}
            onChange={(v) => v && patch({ lifecycleStage: v as ContactBody['lifecycleStage'] }, 'Lifecycle stage')}
            leftSection={
              <span
                style={{
                  width: 8,
                  height: 8,
                  borderRadius: 8,
                  background: `var(--mantine-color-${stageColors[contact.lifecycleStage ?? ''] ?? 'gray'}-6)`,
                }}
              />
            }
            styles={selectStyle}
          />
          <Select
            label="Lead status"
            w={160}
            data={leadStatuses}
            value={contact.leadStatus}
            placeholder="None"
            clearable
            allowDeselect
            disabled={!canWrite}
            onChange={(v) =>
              v === 'unqualified' ? setAskReason(true) : patch({ leadStatus: v as ContactBody['leadStatus'] }, 'Lead status')
            }
            leftSection={
              <span
                style={{
                  width: 8,
                  height: 8,
                  borderRadius: 8,
                  background: `var(--mantine-color-${leadStatusColors[contact.leadStatus ?? ''] ?? 'gray'}-6)`,
                }}
              />
            }
            styles={selectStyle}
          />
          <Select
            label="Owner"
            w={180}
            data={members}
            value={contact.ownerId}
            placeholder="No owner"
            clearable
            allowDeselect
            searchable
            disabled={!canWrite}
            onChange={(v) => patch({ ownerId: v }, 'Owner')}
          />
          {can('deals:write') && (
            <Button variant="light" leftSection={<IconCurrencyDollar size={16} />} onClick={() => setConverting(true)}>
              Convert to deal
            </Button>
          )}
        </Group>
      </Group>
      {converting && <ConvertContactModal contact={contact} onClose={() => setConverting(false)} />}
      <UnqualifiedModal
        opened={askReason}
        onClose={() => setAskReason(false)}
        onSave={(reason) => update.mutateAsync({ leadStatus: 'unqualified', leadStatusReason: reason })}
      />
    </Stack>
  );
}
