import { Badge, Table, Text } from '@mantine/core';
import { IconForms, IconPlus } from '@tabler/icons-react';
import { Empty } from '../../components/empty.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { AnchorLink, ButtonLink } from '../../components/links.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { RelativeTime } from '../../components/relative-time.tsx';
import { LoadingCard, TableCard } from '../../components/table-card.tsx';
import { usePermissions } from '../auth/use-me.ts';
import { useForms } from './use-forms.ts';

/** Every form of the workspace with its status and counts. */
export function FormsScreen() {
  const forms = useForms();
  const can = usePermissions();
  const create = can('forms:manage') && (
    <ButtonLink to="/forms/new" leftSection={<IconPlus size={16} />}>
      New form
    </ButtonLink>
  );
  return (
    <>
      <PageHeader
        title="Forms"
        description="Signup, demo-request and event forms: hosted at their own address, embedded on your site with one script tag, or placed on a landing page."
        actions={create}
      />
      {forms.isPending ? (
        <LoadingCard label="Loading forms" />
      ) : forms.isError ? (
        <ErrorAlert error={forms.error} onRetry={() => forms.refetch()} />
      ) : forms.data.length === 0 ? (
        <Empty
          icon={<IconForms size={22} />}
          title="No forms yet"
          description="Create a form, map its fields to contact properties, publish it and paste the embed code on your website. Every submission creates or updates a contact."
          action={create}
        />
      ) : (
        <TableCard label="Forms">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th ta="right">Fields</Table.Th>
              <Table.Th ta="right">Submissions</Table.Th>
              <Table.Th ta="right">Spam blocked</Table.Th>
              <Table.Th>Last submission</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {forms.data.map((f) => (
              <Table.Tr key={f.id}>
                <Table.Td>
                  <AnchorLink to="/forms/$formId" params={{ formId: f.id }} fw={600}>
                    {f.name}
                  </AnchorLink>
                  <Text size="xs" c="dimmed">
                    /f/{f.slug}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Badge color={f.status === 'published' ? 'teal' : 'gray'} variant="light">
                    {f.status === 'published' ? 'Published' : 'Draft'}
                  </Badge>
                </Table.Td>
                <Table.Td ta="right">{f.fieldCount}</Table.Td>
                <Table.Td ta="right">{f.submissionCount.toLocaleString()}</Table.Td>
                <Table.Td ta="right">{f.spamCount.toLocaleString()}</Table.Td>
                <Table.Td>{f.lastSubmittedAt ? <RelativeTime value={f.lastSubmittedAt} /> : <Text c="dimmed">None yet</Text>}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </TableCard>
      )}
    </>
  );
}
