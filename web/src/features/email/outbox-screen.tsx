import { Badge, Button, Code, Drawer, Group, Stack, Table, Tabs, Text, UnstyledButton } from '@mantine/core';
import { IconDownload, IconInbox } from '@tabler/icons-react';
import { useState } from 'react';
import { Empty } from '../../components/empty.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { AnchorLink } from '../../components/links.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { formatDateTime, RelativeTime } from '../../components/relative-time.tsx';
import { LoadingCard, TableCard } from '../../components/table-card.tsx';
import { EmailTabs, MailFrame } from './email-parts.tsx';
import { useOutbox, useOutboxMessage } from './use-email.ts';

function MessageView({ id, onClose }: { id: string; onClose: () => void }) {
  const m = useOutboxMessage(id);
  return (
    <Drawer opened onClose={onClose} position="right" size="xl" title={<Text fw={650}>{m.data?.subject ?? 'Message'}</Text>}>
      {m.isPending ? (
        <LoadingCard rows={6} label="Loading message" />
      ) : m.isError ? (
        <ErrorAlert error={m.error} title="Could not open the message" onRetry={() => m.refetch()} />
      ) : (
        <Stack gap="sm">
          <Table withRowBorders={false} verticalSpacing={2} aria-label="Message headers summary">
            <Table.Tbody>
              {[
                ['From', m.data.from],
                ['To', m.data.to],
                ['Date', m.data.date ? formatDateTime(m.data.date) : '—'],
              ].map(([k, v]) => (
                <Table.Tr key={k}>
                  <Table.Th w={70}>{k}</Table.Th>
                  <Table.Td>{v}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Group justify="space-between">
            <Badge variant="light" color={m.data.dkimSigned ? 'teal' : 'gray'} tt="none">
              {m.data.dkimSigned ? 'DKIM-signed' : 'Not DKIM-signed (no sending domain for this From)'}
            </Badge>
            <Button
              component="a"
              href={`/api/email/outbox/${id}.eml`}
              download
              variant="default"
              size="xs"
              leftSection={<IconDownload size={14} />}
            >
              Download .eml
            </Button>
          </Group>
          <Tabs defaultValue={m.data.html ? 'html' : 'text'}>
            <Tabs.List>
              <Tabs.Tab value="html" disabled={!m.data.html}>
                HTML
              </Tabs.Tab>
              <Tabs.Tab value="text">Text</Tabs.Tab>
              <Tabs.Tab value="headers">Headers</Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="html" pt="sm">
              {m.data.html && <MailFrame html={m.data.html} title="Message HTML" height={640} />}
            </Tabs.Panel>
            <Tabs.Panel value="text" pt="sm">
              <Code block style={{ whiteSpace: 'pre-wrap' }}>
                {m.data.text ?? '(no text part)'}
              </Code>
            </Tabs.Panel>
            <Tabs.Panel value="headers" pt="sm">
              <Code block style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
                {m.data.headers.map((h) => `${h.name}: ${h.value}`).join('\n')}
              </Code>
            </Tabs.Panel>
          </Tabs>
        </Stack>
      )}
    </Drawer>
  );
}

/** Mail kept in the app because no SMTP relay is configured: list, read (sandboxed) and download. */
export function OutboxScreen() {
  const list = useOutbox();
  const [open, setOpen] = useState<string | null>(null);
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <>
      <PageHeader
        title="Outbox"
        description="With no SMTP relay configured, messages are signed and kept here instead of being sent, so nothing is lost. Add a relay in Email sending settings to deliver them for real."
      />
      <EmailTabs current="/email/outbox" />
      {list.isPending ? (
        <LoadingCard label="Loading outbox" />
      ) : list.isError ? (
        <ErrorAlert error={list.error} title="Could not load the outbox" onRetry={() => list.refetch()} />
      ) : items.length === 0 ? (
        <Empty
          icon={<IconInbox size={28} />}
          title="The outbox is empty"
          description={
            <>
              Messages land here when there is no SMTP relay. Send a test from a <AnchorLink to="/email/templates">template</AnchorLink> to
              see one.
            </>
          }
        />
      ) : (
        <TableCard
          label="Outbox"
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
              <Table.Th>To</Table.Th>
              <Table.Th>Subject</Table.Th>
              <Table.Th>Kept</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((m) => (
              <Table.Tr key={m.id}>
                <Table.Td>{m.to}</Table.Td>
                <Table.Td>
                  <UnstyledButton onClick={() => setOpen(m.id)} aria-label={`Open message to ${m.to}: ${m.subject}`}>
                    <Text size="sm" fw={600} c="brand">
                      {m.subject || '(no subject)'}
                    </Text>
                  </UnstyledButton>
                </Table.Td>
                <Table.Td>
                  <RelativeTime value={m.createdAt} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </TableCard>
      )}
      {open && <MessageView id={open} onClose={() => setOpen(null)} />}
    </>
  );
}
