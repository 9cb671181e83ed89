import { Badge, Table, Text } from '@mantine/core';
import { IconUsersGroup } from '@tabler/icons-react';
import { Empty } from '../../components/empty.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { AnchorLink, ButtonLink } from '../../components/links.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { RelativeTime } from '../../components/relative-time.tsx';
import { LoadingCard, TableCard } from '../../components/table-card.tsx';
import { usePermissions } from '../auth/use-me.ts';
import { useSegments } from './use-segments.ts';

/** Every segment with its member count, kept current as contacts change. */
export function SegmentsScreen() {
  const segments = useSegments();
  const can = usePermissions();
  const create = can('segments:manage') && (
    <ButtonLink to="/segments/new" leftSection={<IconUsersGroup size={16} />}>
      New segment
    </ButtonLink>
  );
  return (
    <>
      <PageHeader
        title="Segments"
        description="Dynamic audiences: contacts join and leave within seconds as their fields, company, deals, lists and behaviour change."
        actions={create}
      />
      {segments.error ? (
        <ErrorAlert error={segments.error} onRetry={() => segments.refetch()} />
      ) : !segments.data ? (
        <LoadingCard label="Loading segments" />
      ) : segments.data.length === 0 ? (
        <Empty
          icon={<IconUsersGroup />}
          title="No segments yet"
          description="Create a segment to group contacts by lifecycle, company, deals or behaviour, e.g. “MQLs who viewed pricing in the last 30 days”."
          action={create || undefined}
        />
      ) : (
        <TableCard label="Segments">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th ta="right">Members</Table.Th>
              <Table.Th>Updated</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {segments.data.map((s) => (
              <Table.Tr key={s.id}>
                <Table.Td>
                  <AnchorLink to="/segments/$segmentId" params={{ segmentId: s.id }} fw={500}>
                    {s.name}
                  </AnchorLink>
                  {s.description && (
                    <Text size="xs" c="dimmed" lineClamp={1}>
                      {s.description}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td ta="right">
                  {s.status === 'building' ? (
                    <Badge variant="light" color="yellow">
                      evaluating…
                    </Badge>
                  ) : (
                    s.memberCount.toLocaleString()
                  )}
                </Table.Td>
                <Table.Td>
                  <RelativeTime value={s.updatedAt} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </TableCard>
      )}
      {segments.data && segments.data.length > 0 && (
        <ButtonLink to="/lists" variant="subtle" mt="md" size="xs">
          Static lists →
        </ButtonLink>
      )}
    </>
  );
}
