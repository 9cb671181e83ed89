import { ActionIcon, Badge, Button, Checkbox, Group, Modal, Paper, Select, Stack, Table, Text, Textarea, TextInput } from '@mantine/core';
import { IconPencil, IconPlus, IconUserCircle } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { ConfirmButton } from '../../components/confirm-button.tsx';
import { Empty } from '../../components/empty.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { LoadingCard, TableCard } from '../../components/table-card.tsx';
import { ApiError } from '../../lib/api/index.ts';
import type { Sender, Transport } from './email-types.ts';
import { Section } from './settings-parts.tsx';
import { useDeleteSender, useSaveSender, useSenders } from './use-email.ts';

function SenderModal({ sender, transports, onClose }: { sender: Sender | null; transports: Transport[]; onClose: () => void }) {
  const save = useSaveSender(sender?.id ?? null);
  const [fromName, setFromName] = useState(sender?.fromName ?? '');
  const [fromEmail, setFromEmail] = useState(sender?.fromEmail ?? '');
  const [replyTo, setReplyTo] = useState(sender?.replyTo ?? '');
  const [postalAddress, setPostalAddress] = useState(sender?.postalAddress ?? '');
  const [transportId, setTransportId] = useState<string | null>(sender?.transportId ?? null);
  const [isDefault, setIsDefault] = useState(sender?.isDefault ?? false);
  const err = save.error instanceof ApiError ? save.error : null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate({ fromName, fromEmail, replyTo: replyTo.trim() || null, postalAddress, transportId, isDefault }, { onSuccess: onClose });
  };
  const fieldErr = err && ['fromName', 'fromEmail', 'replyTo', 'postalAddress', 'transportId'].some((f) => err.fieldError(f));
  return (
    <Modal opened onClose={onClose} title={<Text fw={650}>{sender ? 'Edit sender' : 'New sender'}</Text>}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <TextInput
            label="From name"
            required
            data-autofocus
            value={fromName}
            onChange={(e) => setFromName(e.currentTarget.value)}
            error={err?.fieldError('fromName')}
          />
          <TextInput
            label="From address"
            required
            type="email"
            value={fromEmail}
            onChange={(e) => setFromEmail(e.currentTarget.value)}
            error={err?.fieldError('fromEmail')}
          />
          <TextInput
            label="Reply-to"
            type="email"
            placeholder="Same as From"
            value={replyTo}
            onChange={(e) => setReplyTo(e.currentTarget.value)}
            error={err?.fieldError('replyTo')}
          />
          <Textarea
            label="Postal address"
            description="Shown in the footer of marketing mail (required by CAN-SPAM)"
            value={postalAddress}
            onChange={(e) => setPostalAddress(e.currentTarget.value)}
            error={err?.fieldError('postalAddress')}
            autosize
            minRows={2}
          />
          <Select
            label="SMTP relay"
            placeholder="Workspace default"
            data={transports.map((t) => ({ value: t.id, label: t.name }))}
            value={transportId}
            onChange={setTransportId}
            clearable
            error={err?.fieldError('transportId')}
          />
          <Checkbox label="Default sender" checked={isDefault} onChange={(e) => setIsDefault(e.currentTarget.checked)} />
          {save.error && !fieldErr && <ErrorAlert error={save.error} title="Could not save the sender" />}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending}>
              {sender ? 'Save sender' : 'Add sender'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

export function Senders({ transports }: { transports: Transport[] }) {
  const senders = useSenders();
  const del = useDeleteSender();
  const [editing, setEditing] = useState<Sender | 'new' | null>(null);
  const add = (
    <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
      Add sender
    </Button>
  );
  return (
    <Section
      title="Senders"
      description="The From name and address people see, with the postal address for the footer."
      action={senders.data?.length ? add : undefined}
    >
      {senders.isPending ? (
        <LoadingCard rows={2} label="Loading senders" />
      ) : senders.isError ? (
        <ErrorAlert error={senders.error} title="Could not load senders" onRetry={() => senders.refetch()} />
      ) : senders.data.length === 0 ? (
        <Paper>
          <Empty
            icon={<IconUserCircle size={28} />}
            title="No sender yet"
            description="Add one before sending any email: it is the From line of every message."
            action={add}
          />
        </Paper>
      ) : (
        <TableCard label="Senders">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>From</Table.Th>
              <Table.Th>Reply-to</Table.Th>
              <Table.Th>Relay</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {senders.data.map((s) => (
              <Table.Tr key={s.id}>
                <Table.Td>
                  <Group gap={6}>
                    <Text size="sm" fw={600}>
                      {s.fromName}
                    </Text>
                    <Text size="sm" c="dimmed">
                      &lt;{s.fromEmail}&gt;
                    </Text>
                    {s.isDefault && (
                      <Badge size="xs" variant="light">
                        default
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td>{s.replyTo ?? '—'}</Table.Td>
                <Table.Td>{transports.find((t) => t.id === s.transportId)?.name ?? 'Workspace default'}</Table.Td>
                <Table.Td ta="right">
                  <Group gap={4} justify="flex-end" wrap="nowrap">
                    <ActionIcon variant="subtle" aria-label={`Edit ${s.fromEmail}`} onClick={() => setEditing(s)}>
                      <IconPencil size={16} />
                    </ActionIcon>
                    <ConfirmButton
                      aria-label={`Delete ${s.fromEmail}`}
                      title={`Delete ${s.fromName}?`}
                      message="A sender that has sent mail cannot be deleted; edit it instead."
                      confirmLabel="Delete sender"
                      onConfirm={() => del.mutateAsync(s.id)}
                    >
                      Delete
                    </ConfirmButton>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </TableCard>
      )}
      {editing && <SenderModal sender={editing === 'new' ? null : editing} transports={transports} onClose={() => setEditing(null)} />}
    </Section>
  );
}
