import { Badge, Button, Group, Table, Text } from '@mantine/core';
import { IconDownload, IconInbox } from '@tabler/icons-react';
import { useState } from 'react';
import { Empty } from '../../components/empty.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { AnchorLink } from '../../components/links.tsx';
import { RelativeTime } from '../../components/relative-time.tsx';
import { LoadingCard, TableCard } from '../../components/table-card.tsx';
import type { FormField } from './form-types.ts';
import { useSubmissions } from './use-forms.ts';

const outcomes: Record<string, { label: string; color: string }> = {
  created: { label: 'New contact', color: 'teal' },
  updated: { label: 'Existing contact', color: 'blue' },
  suppressed: { label: 'Erased person', color: 'gray' },
};

/** Submissions, newest first, fifty a page, with a CSV of all of them. */
export function SubmissionsTab({ formId, fields, spamCount }: { formId: string; fields: FormField[]; spamCount: number }) {
  const [cursors, setCursors] = useState<string[]>([]);
  const subs = useSubmissions(formId, cursors[cursors.length - 1]);
  const shown = fields.filter((f) => f.type !== 'hidden').slice(0, 4);
  return (
    <>
      <Group justify="space-between" mb="md">
        <Text size="sm" c="dimmed">
          {spamCount.toLocaleString()} spam submission{spamCount === 1 ? '' : 's'} blocked and not stored.
        </Text>
        <Button component="a" href={`/api/forms/${formId}/submissions.csv`} variant="default" leftSection={<IconDownload size={16} />}>
          Export CSV
        </Button>
      </Group>
      {subs.isPending ? (
        <LoadingCard label="Loading submissions" />
      ) : subs.isError ? (
        <ErrorAlert error={subs.error} onRetry={() => subs.refetch()} />
      ) : subs.data.items.length === 0 && !cursors.length ? (
        <Empty
          icon={<IconInbox size={22} />}
          title="No submissions yet"
          description="Publish the form and share its link or embed it (see the Embed tab). Submissions appear here as they arrive."
        />
      ) : (
        <TableCard
          label="Submissions"
          footer={
            <Group justify="flex-end" p="sm" gap="xs">
              <Button size="compact-sm" variant="default" disabled={!cursors.length} onClick={() => setCursors(cursors.slice(0, -1))}>
                Newer
              </Button>
              <Button
                size="compact-sm"
                variant="default"
                disabled={!subs.data.nextCursor}
                onClick={() => subs.data.nextCursor && setCursors([...cursors, subs.data.nextCursor])}
              >
                Older
              </Button>
            </Group>
          }
        >
          <Table.Thead>
            <Table.Tr>
              <Table.Th>When</Table.Th>
              <Table.Th>Contact</Table.Th>
              {shown.map((f) => (
                <Table.Th key={f.key}>{f.label}</Table.Th>
              ))}
              <Table.Th>Consent</Table.Th>
              <Table.Th>Source</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {subs.data.items.map((s) => (
              <Table.Tr key={s.id}>
                <Table.Td>
                  <RelativeTime value={s.createdAt} />
                </Table.Td>
                <Table.Td>
                  {s.contactId ? (
                    <AnchorLink to="/contacts/$contactId" params={{ contactId: s.contactId }}>
                      {s.contactName ?? 'Contact'}
                    </AnchorLink>
                  ) : (
                    <Text c="dimmed">—</Text>
                  )}{' '}
                  <Badge size="xs" variant="light" color={outcomes[s.outcome]?.color ?? 'gray'}>
                    {outcomes[s.outcome]?.label ?? s.outcome}
                  </Badge>
                </Table.Td>
                {shown.map((f) => (
                  <Table.Td key={f.key} style={{ maxWidth: 220 }}>
                    <Text size="sm" truncate>
                      {s.data[f.key] ?? ''}
                    </Text>
                  </Table.Td>
                ))}
                <Table.Td>{s.consentGiven ? `Yes (v${s.consentVersion})` : 'No'}</Table.Td>
                <Table.Td>{s.utm.source ?? (s.pageUrl ? new URL(s.pageUrl).hostname : '—')}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </TableCard>
      )}
    </>
  );
}
