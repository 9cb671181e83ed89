import { Button, Table, Text } from '@mantine/core';
import { IconFileImport, IconPlus } from '@tabler/icons-react';
import { Empty } from '../../components/empty.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { AnchorLink, ButtonLink } from '../../components/links.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { RelativeTime } from '../../components/relative-time.tsx';
import { LoadingCard, TableCard } from '../../components/table-card.tsx';
import { usePermissions } from '../auth/use-me.ts';
import { useMemberNames } from '../records/record-names.ts';
import { StatusBadge } from './import-status.tsx';
import { entityLabels } from './import-types.ts';
import { useImports } from './use-imports.ts';

/** Every import of the workspace, newest first, with its status and counts. */
export function ImportsScreen() {
  const can = usePermissions();
  const q = useImports();
  const names = useMemberNames();
  const items = q.data?.pages.flatMap((p) => p.items) ?? [];
  const newButton = can('imports:write') ? (
    <ButtonLink to="/imports/new" leftSection={<IconPlus size={16} />}>
      Import a file
    </ButtonLink>
  ) : undefined;
  return (
    <>
      <PageHeader title="Imports" description="Files imported into this workspace, with what each one did." actions={newButton} />
      {q.isError ? (
        <ErrorAlert error={q.error} title="Could not load imports" onRetry={() => q.refetch()} />
      ) : q.isPending ? (
        <LoadingCard label="Loading imports" />
      ) : items.length === 0 ? (
        <Empty
          icon={<IconFileImport size={28} />}
          title="No imports yet"
          description="Import contacts, companies, deals or activities from a CSV file — from a spreadsheet, HubSpot or Salesforce."
          action={newButton}
        />
      ) : (
        <TableCard
          label="Imports"
          minWidth={820}
          footer={
            q.hasNextPage && (
              <Button variant="subtle" fullWidth onClick={() => q.fetchNextPage()} loading={q.isFetchingNextPage}>
                Show older imports
              </Button>
            )
          }
        >
          <Table.Thead>
            <Table.Tr>
              <Table.Th>File</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th ta="right">Created</Table.Th>
              <Table.Th ta="right">Updated</Table.Th>
              <Table.Th ta="right">Skipped</Table.Th>
              <Table.Th ta="right">Failed</Table.Th>
              <Table.Th>Started</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((i) => (
              <Table.Tr key={i.id} data-testid="import-row">
                <Table.Td>
                  <AnchorLink to="/imports/$importId" params={{ importId: i.id }} size="sm" fw={600}>
                    {i.fileName}
                  </AnchorLink>
                  <Text size="xs" c="dimmed">
                    {entityLabels[i.entity]}
                    {i.createdBy ? ` · ${names.get(i.createdBy) ?? 'a member'}` : ''}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <StatusBadge status={i.status} />
                </Table.Td>
                {(['created', 'updated', 'skipped', 'failed'] as const).map((k) => (
                  <Table.Td key={k} ta="right" className="tabular">
                    {i.counts[k].toLocaleString()}
                  </Table.Td>
                ))}
                <Table.Td>
                  <RelativeTime value={i.createdAt} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </TableCard>
      )}
    </>
  );
}
