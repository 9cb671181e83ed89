import { Paper, Skeleton, Table, Text, Title } from '@mantine/core';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { formatShortDateTime } from '../records/format.ts';
import { formatDuration } from './duration.ts';
import { useStageHistory } from './use-deals.ts';

/** Every stage the deal went through, with time in each and the sales cycle. */
export function StageHistoryCard({ dealId }: { dealId: string }) {
  const history = useStageHistory(dealId);
  return (
    <Paper p="md">
      <Title order={3} size="h5" mb="sm">
        Stage history
      </Title>
      {history.isPending ? (
        <Skeleton height={80} />
      ) : history.isError ? (
        <ErrorAlert error={history.error} title="Could not load the stage history" onRetry={() => history.refetch()} />
      ) : (
        <>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Stage</Table.Th>
                <Table.Th>Entered</Table.Th>
                <Table.Th>Time in stage</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {history.data.items.map((v) => (
                <Table.Tr key={v.id}>
                  <Table.Td>{v.stageName ?? 'Removed stage'}</Table.Td>
                  <Table.Td>
                    <Text size="sm">{formatShortDateTime(v.enteredAt)}</Text>
                    {v.actorLabel && (
                      <Text size="xs" c="dimmed">
                        by {v.actorLabel}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {formatDuration(v.seconds)}
                    {v.leftAt ? '' : ' so far'}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Text size="sm" c="dimmed" mt="sm">
            Sales cycle: {formatDuration(history.data.salesCycleSeconds)}
            {history.data.closed ? '' : ' so far'}
          </Text>
        </>
      )}
    </Paper>
  );
}
