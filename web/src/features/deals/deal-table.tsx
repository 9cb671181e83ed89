import { Badge, Button, Group, Table, Text } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { AnchorLink } from '../../components/links.tsx';
import { api } from '../../lib/api/index.ts';
import type { FilterNode, Total } from '../records/crm-types.ts';
import { useMemberNames } from '../records/record-names.ts';
import type { Deal, Pipeline } from './deal-types.ts';
import { formatMinor } from './money.ts';

/** The table view of a pipeline: GET /api/deals with the board's filter, by expected close date, keyset pages. */
export function DealTable({ pipeline, filter }: { pipeline: Pipeline; filter: FilterNode | null }) {
  const owners = useMemberNames();
  const scoped: FilterNode = { and: [{ field: 'pipeline_id', op: 'eq', value: pipeline.id }, ...(filter ? [filter] : [])] };
  const list = useInfiniteQuery({
    queryKey: ['deals', 'list', pipeline.id, filter],
    queryFn: ({ pageParam, signal }) =>
      api.get<{ items: Deal[]; nextCursor: string | null; total: Total }>(
        '/api/deals',
        { filter: JSON.stringify(scoped), sort: 'close_date,-amount', limit: 50, cursor: pageParam },
        signal,
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (p) => p.nextCursor ?? undefined,
  });
  if (list.isError) return <ErrorAlert error={list.error} title="Could not load the deals" onRetry={() => list.refetch()} />;
  const stages = new Map(pipeline.stages.map((s) => [s.id, s]));
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  const total = list.data?.pages[0]?.total;
  return (
    <>
      <Table.ScrollContainer minWidth={800}>
        <Table striped highlightOnHover aria-busy={list.isPending}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Deal</Table.Th>
              <Table.Th>Stage</Table.Th>
              <Table.Th ta="right">Amount</Table.Th>
              <Table.Th>Expected close</Table.Th>
              <Table.Th>Owner</Table.Th>
              <Table.Th>Forecast</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((d) => (
              <Table.Tr key={d.id}>
                <Table.Td>
                  <AnchorLink to="/deals/$dealId" params={{ dealId: d.id }} fw={500}>
                    {d.name}
                  </AnchorLink>
                </Table.Td>
                <Table.Td>
                  <Badge variant="light" tt="none" color={d.status === 'won' ? 'teal' : d.status === 'lost' ? 'red' : 'blue'}>
                    {stages.get(d.stageId)?.name ?? '—'}
                  </Badge>
                </Table.Td>
                <Table.Td ta="right">{formatMinor(d.amount, d.currency)}</Table.Td>
                <Table.Td>{d.closeDate ?? ''}</Table.Td>
                <Table.Td>{d.ownerId ? owners.get(d.ownerId) : ''}</Table.Td>
                <Table.Td>{d.forecastCategory.replace('_', ' ')}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Group justify="space-between" mt="sm">
        <Text size="sm" c="dimmed">
          {total ? `${total.exact ? '' : '≈ '}${total.value.toLocaleString()} deals` : ''}
        </Text>
        {list.hasNextPage && (
          <Button variant="default" onClick={() => list.fetchNextPage()} loading={list.isFetchingNextPage}>
            Load more
          </Button>
        )}
      </Group>
    </>
  );
}
