import { Badge, Button, Group, Paper, Skeleton, Stack, Table, Text } from '@mantine/core';
import { IconChecks } from '@tabler/icons-react';
import { Empty } from '../../components/empty.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { AnchorLink } from '../../components/links.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { formatMinor } from '../deals/money.ts';
import { usePendingApprovals } from './use-quotes.ts';

/** The managers' inbox: discounts waiting for a decision, oldest first. */
export function ApprovalsScreen() {
  const list = usePendingApprovals();
  return (
    <>
      <PageHeader
        title="Approvals"
        description="Quotes with a discount above the workspace limit. Open one to approve or reject it with a comment."
      />
      {list.isPending && <Skeleton height={200} radius="md" aria-label="Loading approvals" />}
      {list.isError && <ErrorAlert error={list.error} title="Could not load the approvals" onRetry={() => list.refetch()} />}
      {list.isSuccess && !list.data.length && (
        <Paper withBorder radius="md">
          <Empty
            icon={<IconChecks size={26} />}
            title="Nothing waiting for you"
            description="When a rep asks to approve a discount, it shows up here and in your notifications."
          />
        </Paper>
      )}
      {list.isSuccess && list.data.length > 0 && (
        <Paper withBorder radius="md">
          <Table.ScrollContainer minWidth={720}>
            <Table aria-label="Discounts waiting for approval" verticalSpacing="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Quote</Table.Th>
                  <Table.Th>Deal</Table.Th>
                  <Table.Th>Why</Table.Th>
                  <Table.Th>Asked by</Table.Th>
                  <Table.Th ta="right">Total</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.data.map((a) => (
                  <Table.Tr key={a.id}>
                    <Table.Td>
                      {a.displayNumber} · v{a.version}
                    </Table.Td>
                    <Table.Td>{a.dealName}</Table.Td>
                    <Table.Td maw={360}>
                      <Text size="sm">{a.reason}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Stack gap={0}>
                        <Text size="sm">{a.requestedByName ?? '—'}</Text>
                        <Text size="xs" c="dimmed">
                          {new Date(a.requestedAt).toLocaleString()}
                        </Text>
                      </Stack>
                    </Table.Td>
                    <Table.Td ta="right">{formatMinor(a.total, a.currency)}</Table.Td>
                    <Table.Td>
                      <Group gap="xs" justify="flex-end" wrap="nowrap">
                        {a.ownRequest && (
                          <Badge variant="light" color="gray" tt="none">
                            Your request
                          </Badge>
                        )}
                        <AnchorLink to="/deals/$dealId" params={{ dealId: a.dealId }} search={{ quote: a.quoteId }}>
                          <Button size="xs" variant="light" component="span">
                            Review
                          </Button>
                        </AnchorLink>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
    </>
  );
}
