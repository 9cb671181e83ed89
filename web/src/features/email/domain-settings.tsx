import { Button, Code, Group, Paper, Table, Text, TextInput } from '@mantine/core';
import { IconPlus, IconWorldWww } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { Empty } from '../../components/empty.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { LoadingCard } from '../../components/table-card.tsx';
import { ApiError } from '../../lib/api/index.ts';
import type { Domain } from './email-types.ts';
import { Copy, Section } from './settings-parts.tsx';
import { useCreateDomain, useDomains } from './use-email.ts';

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

export function Domains() {
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
