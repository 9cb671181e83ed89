import { Badge, Button, Group, Paper, Select, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconMailOff, IconPlus, IconSearch } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { ConfirmButton } from '../../components/confirm-button.tsx';
import { Empty } from '../../components/empty.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { RelativeTime } from '../../components/relative-time.tsx';
import { LoadingCard, TableCard } from '../../components/table-card.tsx';
import { ApiError, errorMessage } from '../../lib/api/index.ts';
import { usePermissions } from '../auth/use-me.ts';
import { EmailTabs } from './email-parts.tsx';
import { type SuppressionReason, suppressionReasons } from './email-types.ts';
import { useAddSuppression, useRemoveSuppression, useSuppressions } from './use-email.ts';

const reasonLabels: Record<SuppressionReason, string> = {
  unsubscribed: 'Unsubscribed',
  hard_bounce: 'Hard bounce',
  soft_bounces: 'Repeated soft bounces',
  complaint: 'Spam complaint',
  manual: 'Added by hand',
};
const reasonColors: Record<SuppressionReason, string> = {
  unsubscribed: 'gray',
  hard_bounce: 'red',
  soft_bounces: 'orange',
  complaint: 'red',
  manual: 'blue',
};

function AddForm() {
  const add = useAddSuppression();
  const [email, setEmail] = useState('');
  const [detail, setDetail] = useState('');
  const err = add.error instanceof ApiError ? add.error : null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    add.mutate(
      { email, detail },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: `${email} will get no marketing mail.` });
          setEmail('');
          setDetail('');
        },
      },
    );
  };
  return (
    <Paper p="md" mb="md" component="form" onSubmit={submit} aria-label="Add to the suppression list">
      <Group align="flex-start" gap="sm">
        <TextInput
          label="Email address"
          placeholder="someone@example.com"
          value={email}
          onChange={(e) => setEmail(e.currentTarget.value)}
          error={err ? (err.fieldError('email') ?? errorMessage(err)) : undefined}
          w={300}
        />
        <TextInput
          label="Why (optional)"
          placeholder="Asked by phone"
          value={detail}
          onChange={(e) => setDetail(e.currentTarget.value)}
          flex={1}
        />
        <Button type="submit" mt={25} leftSection={<IconPlus size={16} />} loading={add.isPending} disabled={!email.trim()}>
          Suppress
        </Button>
      </Group>
    </Paper>
  );
}

/** Addresses that get no marketing mail: unsubscribes, bounces, complaints and manual entries; search, add, remove. */
export function SuppressionsScreen() {
  const can = usePermissions();
  const manage = can('email:manage');
  const [text, setText] = useState('');
  const [q] = useDebouncedValue(text.trim(), 250);
  const [reason, setReason] = useState<SuppressionReason | null>(null);
  const list = useSuppressions(q, reason);
  const remove = useRemoveSuppression();
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const filtered = !!(q || reason);
  return (
    <>
      <PageHeader
        title="Suppression list"
        description="Nobody on this list gets a broadcast. Transactional mail still goes out, except to hard bounces, complaints and manual entries."
      />
      <EmailTabs current="/email/suppressions" />
      {manage && <AddForm />}
      <Group gap="sm" mb="md">
        <TextInput
          leftSection={<IconSearch size={16} />}
          placeholder="Search addresses"
          aria-label="Search suppressions"
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          w={280}
        />
        <Select
          placeholder="Any reason"
          aria-label="Reason"
          data={suppressionReasons.map((r) => ({ value: r, label: reasonLabels[r] }))}
          value={reason}
          onChange={(r) => setReason(r as SuppressionReason | null)}
          clearable
          w={220}
        />
      </Group>
      {list.isPending ? (
        <LoadingCard label="Loading suppressions" />
      ) : list.isError ? (
        <ErrorAlert error={list.error} title="Could not load the suppression list" onRetry={() => list.refetch()} />
      ) : items.length === 0 ? (
        <Empty
          icon={<IconMailOff size={28} />}
          title={filtered ? 'No address matches' : 'Nobody is suppressed'}
          description={
            filtered
              ? 'Clear the search or the reason to see the whole list.'
              : 'Unsubscribes, hard bounces and spam complaints are added here automatically. Add an address by hand when someone asks you to stop.'
          }
        />
      ) : (
        <TableCard
          label="Suppressed addresses"
          footer={
            list.hasNextPage && (
              <Group justify="center" p="sm">
                <Button variant="subtle" onClick={() => list.fetchNextPage()} loading={list.isFetchingNextPage}>
                  Load more
                </Button>
              </Group>
            )
          }
        >
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Address</Table.Th>
              <Table.Th>Reason</Table.Th>
              <Table.Th>Detail</Table.Th>
              <Table.Th>Since</Table.Th>
              {manage && <Table.Th />}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody aria-busy={list.isFetching}>
            {items.map((s) => (
              <Table.Tr key={s.email}>
                <Table.Td>
                  <Text size="sm" ff="monospace">
                    {s.email}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Badge variant="light" color={reasonColors[s.reason]} tt="none">
                    {reasonLabels[s.reason]}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" c="dimmed" lineClamp={1}>
                    {s.detail || '—'}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <RelativeTime value={s.createdAt} />
                </Table.Td>
                {manage && (
                  <Table.Td ta="right">
                    <ConfirmButton
                      aria-label={`Remove ${s.email}`}
                      title={`Remove ${s.email}?`}
                      message={
                        s.reason === 'manual'
                          ? 'This address can get marketing mail again.'
                          : 'This address can get marketing mail again. Only do this when the person asked to be emailed again: it was added because of an unsubscribe, a bounce or a complaint.'
                      }
                      confirmLabel="Remove"
                      onConfirm={() => remove.mutateAsync(s.email)}
                    >
                      Remove
                    </ConfirmButton>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </TableCard>
      )}
    </>
  );
}
