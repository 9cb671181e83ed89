import { Avatar, Badge, Group, Paper, Skeleton, Stack, Text } from '@mantine/core';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { AnchorLink } from '../../components/links.tsx';
import { CardTitle } from '../records/detail-list.tsx';
import { initialsOf } from '../records/format.ts';
import { useCompanyContacts } from './use-companies.ts';

/** The people at a company (primary company or associated). */
export function CompanyContactsCard({ id, count, name }: { id: string; count: number; name: string }) {
  const contacts = useCompanyContacts(id);
  const items = contacts.data?.items ?? [];
  return (
    <Paper p="lg" component="section" aria-label="Contacts at this company">
      <CardTitle
        title={`Contacts · ${count}`}
        action={
          count > items.length && items.length > 0 ? (
            <AnchorLink to="/contacts" search={{ filter: { field: 'company_id', op: 'eq', value: id } }} size="sm">
              See all
            </AnchorLink>
          ) : undefined
        }
      />
      {contacts.isPending ? (
        <Stack gap="sm">
          <Skeleton height={34} />
          <Skeleton height={34} />
        </Stack>
      ) : contacts.isError ? (
        <ErrorAlert error={contacts.error} title="Could not load the contacts" onRetry={() => contacts.refetch()} />
      ) : items.length === 0 ? (
        <Text size="sm" c="dimmed">
          No contacts at {name} yet. Contacts with an email at its domain join automatically.
        </Text>
      ) : (
        <Stack gap="sm">
          {items.map((c) => (
            <Group key={c.id} gap="sm" wrap="nowrap">
              <Avatar size={32} radius="xl" color="initials" name={c.displayName}>
                {initialsOf(c.displayName)}
              </Avatar>
              <div style={{ minWidth: 0, flex: 1 }}>
                <Group gap={6} wrap="nowrap">
                  <AnchorLink to="/contacts/$contactId" params={{ contactId: c.id }} size="sm" fw={600} truncate="end">
                    {c.displayName}
                  </AnchorLink>
                  {!c.isPrimary && (
                    <Badge size="xs" color="gray" title="This is not the contact's primary company">
                      associated
                    </Badge>
                  )}
                </Group>
                <Text size="xs" c="dimmed" truncate="end">
                  {[c.title, c.email].filter(Boolean).join(' · ') || '—'}
                </Text>
              </div>
            </Group>
          ))}
        </Stack>
      )}
    </Paper>
  );
}
