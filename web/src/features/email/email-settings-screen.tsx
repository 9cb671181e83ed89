import {
  ActionIcon,
  Badge,
  Button,
  Checkbox,
  Code,
  CopyButton,
  Group,
  Modal,
  NumberInput,
  Paper,
  PasswordInput,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
  Tooltip,
} from '@mantine/core';
import { IconCheck, IconCopy, IconPencil, IconPlus, IconServer, IconUserCircle, IconWorldWww } from '@tabler/icons-react';
import { type FormEvent, type ReactNode, useState } from 'react';
import { ConfirmButton } from '../../components/confirm-button.tsx';
import { Empty } from '../../components/empty.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { LoadingCard, TableCard } from '../../components/table-card.tsx';
import { ApiError } from '../../lib/api/index.ts';
import { usePermissions } from '../auth/use-me.ts';
import type { Domain, Sender, Transport } from './email-types.ts';
import {
  useCreateDomain,
  useCreateSubscriptionType,
  useCreateTransport,
  useDeleteSender,
  useDeleteTransport,
  useDomains,
  useSaveSender,
  useSenders,
  useSubscriptionTypes,
  useTransports,
} from './use-email.ts';

function Section({
  title,
  description,
  action,
  children,
}: {
  title: string;
  description: ReactNode;
  action?: ReactNode;
  children: ReactNode;
}) {
  return (
    <Stack gap="sm" component="section" aria-label={title}>
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2} size="h4">
            {title}
          </Title>
          <Text size="sm" c="dimmed">
            {description}
          </Text>
        </div>
        {action}
      </Group>
      {children}
    </Stack>
  );
}

function Copy({ value, label }: { value: string; label: string }) {
  return (
    <CopyButton value={value} timeout={2000}>
      {({ copied, copy }) => (
        <Tooltip label={copied ? 'Copied' : 'Copy'} withArrow>
          <ActionIcon
            variant={copied ? 'filled' : 'default'}
            color={copied ? 'teal' : undefined}
            onClick={copy}
            aria-label={`Copy ${label}`}
          >
            {copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
          </ActionIcon>
        </Tooltip>
      )}
    </CopyButton>
  );
}

const num = (v: string | number) => (v === '' ? null : Number(v));

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

function Senders({ transports }: { transports: Transport[] }) {
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

function Transports({ transports }: { transports: ReturnType<typeof useTransports> }) {
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

function DomainRecords({ d }: { d: Domain }) {
  return (
    <Paper p="md" aria-label={`DNS records for ${d.domain}`} role="region">
      <Text fw={600} mb="xs">
        {d.domain}{' '}
        <Text span size="xs" c="dimmed">
          selector {d.selector}
        </Text>
      </Text>
      <Table.ScrollContainer minWidth={640} type="native">
        <Table verticalSpacing="xs" aria-label={`Records for ${d.domain}`}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Purpose</Table.Th>
              <Table.Th>Type</Table.Th>
              <Table.Th>Name</Table.Th>
              <Table.Th>Value</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {d.records.map((r) => (
              <Table.Tr key={`${r.purpose}-${r.name}`}>
                <Table.Td>
                  <Text size="sm" fw={600}>
                    {r.purpose}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {r.note}
                  </Text>
                </Table.Td>
                <Table.Td>{r.type}</Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    <Code>{r.name}</Code>
                    <Copy value={r.name} label={`${r.purpose} name`} />
                  </Group>
                </Table.Td>
                <Table.Td maw={360}>
                  <Group gap={4} wrap="nowrap" align="flex-start">
                    <Code block style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap', flex: 1, fontSize: 11 }}>
                      {r.value}
                    </Code>
                    <Copy value={r.value} label={`${r.purpose} value`} />
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}

function Domains() {
  const domains = useDomains();
  const create = useCreateDomain();
  const [domain, setDomain] = useState('');
  const [selector, setSelector] = useState('tandem');
  const err = create.error instanceof ApiError ? create.error : null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate({ domain, selector }, { onSuccess: () => setDomain('') });
  };
  return (
    <Section
      title="Sending domains"
      description="Mail From these domains is DKIM-signed. Publish the records below at your DNS provider so inboxes trust it."
    >
      <Paper p="md" component="form" onSubmit={submit} aria-label="Add a sending domain">
        <Group align="flex-start" gap="sm">
          <TextInput
            label="Domain"
            placeholder="example.com"
            value={domain}
            onChange={(e) => setDomain(e.currentTarget.value)}
            error={err?.fieldError('domain') ?? (err && !err.fieldError('selector') ? err.message : undefined)}
            w={280}
          />
          <TextInput
            label="DKIM selector"
            value={selector}
            onChange={(e) => setSelector(e.currentTarget.value)}
            error={err?.fieldError('selector')}
            w={160}
          />
          <Button type="submit" mt={25} leftSection={<IconPlus size={16} />} loading={create.isPending} disabled={!domain.trim()}>
            Add domain
          </Button>
        </Group>
      </Paper>
      {domains.isPending ? (
        <LoadingCard rows={2} label="Loading domains" />
      ) : domains.isError ? (
        <ErrorAlert error={domains.error} title="Could not load domains" onRetry={() => domains.refetch()} />
      ) : domains.data.length === 0 ? (
        <Paper>
          <Empty
            icon={<IconWorldWww size={28} />}
            title="No sending domain"
            description="Add the domain of your From addresses to get a DKIM key and the SPF, DKIM and DMARC records to publish."
          />
        </Paper>
      ) : (
        domains.data.map((d) => <DomainRecords key={d.id} d={d} />)
      )}
    </Section>
  );
}

function SubscriptionTypes() {
  const types = useSubscriptionTypes();
  const create = useCreateSubscriptionType();
  const [name, setName] = useState('');
  const [key, setKey] = useState('');
  const err = create.error instanceof ApiError ? create.error : null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(
      { key, name },
      {
        onSuccess: () => {
          setName('');
          setKey('');
        },
      },
    );
  };
  return (
    <Section
      title="Subscription types"
      description="Kinds of marketing mail people can opt out of one by one in the preference centre (newsletter, events, product news)."
    >
      <Paper p="md" component="form" onSubmit={submit} aria-label="Add a subscription type">
        <Group align="flex-start" gap="sm">
          <TextInput
            label="Name"
            placeholder="Newsletter"
            value={name}
            onChange={(e) => {
              const v = e.currentTarget.value;
              setName(v);
              setKey(
                v
                  .toLowerCase()
                  .replace(/[^a-z0-9]+/g, '-')
                  .replace(/^-+|-+$/g, '')
                  .slice(0, 40),
              );
            }}
            error={err?.fieldError('name')}
            w={240}
          />
          <TextInput
            label="Key"
            value={key}
            onChange={(e) => setKey(e.currentTarget.value)}
            error={err?.fieldError('key') ?? (err && !err.fieldError('name') ? err.message : undefined)}
            w={200}
          />
          <Button
            type="submit"
            mt={25}
            variant="default"
            leftSection={<IconPlus size={16} />}
            loading={create.isPending}
            disabled={!name.trim() || !key}
          >
            Add type
          </Button>
        </Group>
      </Paper>
      {types.isError ? (
        <ErrorAlert error={types.error} title="Could not load subscription types" onRetry={() => types.refetch()} />
      ) : types.data && types.data.length > 0 ? (
        <Group gap="xs">
          {types.data.map((t) => (
            <Badge key={t.id} variant="light" size="lg" tt="none">
              {t.name}{' '}
              <Text span size="xs" c="dimmed">
                ({t.key})
              </Text>
            </Badge>
          ))}
        </Group>
      ) : (
        types.data && (
          <Text size="sm" c="dimmed">
            None yet: broadcasts then go to everyone who has not unsubscribed from all marketing mail.
          </Text>
        )
      )}
    </Section>
  );
}

/** Email sending settings: senders, SMTP relays with caps, sending domains with their DNS records, subscription types. */
export function EmailSettingsScreen() {
  const can = usePermissions();
  const transports = useTransports(can('email:manage'));
  return (
    <>
      <PageHeader
        title="Email sending"
        description="Who mail comes from, which servers send it, and the DNS records that make inboxes trust it."
      />
      <Stack gap={40}>
        <Senders transports={transports.data ?? []} />
        <Transports transports={transports} />
        <Domains />
        <SubscriptionTypes />
      </Stack>
    </>
  );
}
