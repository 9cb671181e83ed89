import {
  Badge,
  Button,
  Checkbox,
  Group,
  Modal,
  NumberInput,
  Paper,
  PasswordInput,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { IconPlus, IconServer } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { ConfirmButton } from '../../components/confirm-button.tsx';
import { Empty } from '../../components/empty.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { LoadingCard, TableCard } from '../../components/table-card.tsx';
import { ApiError } from '../../lib/api/index.ts';
import { num, Section } from './settings-parts.tsx';
import { useCreateTransport, useDeleteTransport, type useTransports } from './use-email.ts';

function TransportModal({ onClose }: { onClose: () => void }) {
  const create = useCreateTransport();
  const [f, setF] = useState({ name: '', host: '', port: 587 as string | number, secure: false, username: '', password: '' });
  const [caps, setCaps] = useState({
    concurrency: 5 as string | number,
    perSecond: '' as string | number,
    hourlyCap: '' as string | number,
    dailyCap: '' as string | number,
  });
  const [isDefault, setIsDefault] = useState(false);
  const err = create.error instanceof ApiError ? create.error : null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(
      {
        name: f.name,
        host: f.host,
        port: Number(f.port),
        secure: f.secure,
        username: f.username || null,
        password: f.password || null,
        concurrency: Number(caps.concurrency),
        perSecond: num(caps.perSecond),
        hourlyCap: num(caps.hourlyCap),
        dailyCap: num(caps.dailyCap),
        isDefault,
      },
      { onSuccess: onClose },
    );
  };
  const fieldErr = err && ['name', 'host', 'port', 'concurrency', 'perSecond', 'hourlyCap', 'dailyCap'].some((x) => err.fieldError(x));
  return (
    <Modal opened onClose={onClose} size="lg" title={<Text fw={650}>New SMTP relay</Text>}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <SimpleGrid cols={2}>
            <TextInput
              label="Name"
              required
              data-autofocus
              value={f.name}
              onChange={(e) => setF({ ...f, name: e.currentTarget.value })}
              error={err?.fieldError('name')}
            />
            <TextInput
              label="Host"
              required
              placeholder="smtp.example.com"
              value={f.host}
              onChange={(e) => setF({ ...f, host: e.currentTarget.value })}
              error={err?.fieldError('host')}
            />
            <NumberInput
              label="Port"
              min={1}
              max={65535}
              value={f.port}
              onChange={(port) => setF({ ...f, port })}
              error={err?.fieldError('port')}
            />
            <Checkbox
              mt={30}
              label="Implicit TLS (port 465)"
              checked={f.secure}
              onChange={(e) => setF({ ...f, secure: e.currentTarget.checked })}
            />
            <TextInput label="Username" value={f.username} onChange={(e) => setF({ ...f, username: e.currentTarget.value })} />
            <PasswordInput
              label="Password"
              description="Stored encrypted; never shown again"
              value={f.password}
              onChange={(e) => setF({ ...f, password: e.currentTarget.value })}
            />
          </SimpleGrid>
          <Text size="sm" fw={600} mt="xs">
            Pacing and caps
          </Text>
          <SimpleGrid cols={4}>
            <NumberInput
              label="Connections"
              min={1}
              max={50}
              value={caps.concurrency}
              onChange={(concurrency) => setCaps({ ...caps, concurrency })}
              error={err?.fieldError('concurrency')}
            />
            <NumberInput
              label="Per second"
              placeholder="No limit"
              min={1}
              value={caps.perSecond}
              onChange={(perSecond) => setCaps({ ...caps, perSecond })}
              error={err?.fieldError('perSecond')}
            />
            <NumberInput
              label="Per hour"
              placeholder="No cap"
              min={1}
              value={caps.hourlyCap}
              onChange={(hourlyCap) => setCaps({ ...caps, hourlyCap })}
              error={err?.fieldError('hourlyCap')}
            />
            <NumberInput
              label="Per day"
              placeholder="No cap"
              min={1}
              value={caps.dailyCap}
              onChange={(dailyCap) => setCaps({ ...caps, dailyCap })}
              error={err?.fieldError('dailyCap')}
            />
          </SimpleGrid>
          <Checkbox label="Workspace default relay" checked={isDefault} onChange={(e) => setIsDefault(e.currentTarget.checked)} />
          {create.error && !fieldErr && <ErrorAlert error={create.error} title="Could not add the relay" />}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending}>
              Add relay
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

const cap = (used: number, limit: number | null) =>
  limit ? `${used.toLocaleString()} / ${limit.toLocaleString()}` : `${used.toLocaleString()}`;

export function Transports({ transports }: { transports: ReturnType<typeof useTransports> }) {
  const del = useDeleteTransport();
  const [adding, setAdding] = useState(false);
  const add = (
    <Button variant="default" leftSection={<IconPlus size={16} />} onClick={() => setAdding(true)}>
      Add SMTP relay
    </Button>
  );
  return (
    <Section
      title="SMTP relays"
      description="Where mail is handed over. Caps count the sends of the last 60 minutes and 24 hours; a broadcast waits when it reaches one."
      action={transports.data?.length ? add : undefined}
    >
      {transports.isPending ? (
        <LoadingCard rows={2} label="Loading relays" />
      ) : transports.isError ? (
        <ErrorAlert error={transports.error} title="Could not load relays" onRetry={() => transports.refetch()} />
      ) : transports.data.length === 0 ? (
        <Paper>
          <Empty
            icon={<IconServer size={28} />}
            title="No SMTP relay"
            description="Without one, mail is signed and kept in the Outbox instead of being delivered (unless the instance has SMTP_URL). Add your provider's SMTP settings to send for real."
            action={add}
          />
        </Paper>
      ) : (
        <TableCard label="SMTP relays" minWidth={760}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Relay</Table.Th>
              <Table.Th>Server</Table.Th>
              <Table.Th ta="right">Connections</Table.Th>
              <Table.Th ta="right">Per second</Table.Th>
              <Table.Th ta="right">Last hour</Table.Th>
              <Table.Th ta="right">Last day</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {transports.data.map((t) => (
              <Table.Tr key={t.id}>
                <Table.Td>
                  <Group gap={6}>
                    <Text size="sm" fw={600}>
                      {t.name}
                    </Text>
                    {t.isDefault && (
                      <Badge size="xs" variant="light">
                        default
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" ff="monospace">
                    {t.host}:{t.port}
                    {t.secure ? ' (TLS)' : ''}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {t.username ? `${t.username}${t.hasPassword ? ' · password set' : ''}` : 'No login'}
                  </Text>
                </Table.Td>
                <Table.Td ta="right">{t.concurrency}</Table.Td>
                <Table.Td ta="right">{t.perSecond ?? '—'}</Table.Td>
                <Table.Td ta="right">{cap(t.sentLastHour, t.hourlyCap)}</Table.Td>
                <Table.Td ta="right">{cap(t.sentLastDay, t.dailyCap)}</Table.Td>
                <Table.Td ta="right">
                  <ConfirmButton
                    aria-label={`Delete ${t.name}`}
                    title={`Delete ${t.name}?`}
                    message="Senders using it fall back to the workspace default (or the Outbox)."
                    confirmLabel="Delete relay"
                    onConfirm={() => del.mutateAsync(t.id)}
                  >
                    Delete
                  </ConfirmButton>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </TableCard>
      )}
      {adding && <TransportModal onClose={() => setAdding(false)} />}
    </Section>
  );
}
