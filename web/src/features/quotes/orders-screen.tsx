import { Badge, Button, Group, Paper, SegmentedControl, SimpleGrid, Skeleton, Stack, Table, Text } from '@mantine/core';
import { IconReceipt } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { Empty } from '../../components/empty.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { ButtonLink } from '../../components/links.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { formatMinor } from '../deals/money.ts';
import { orderStatusLabel } from './quote-types.ts';
import { useOrders, useRevenueSummary } from './use-quotes.ts';

/** The workspace's recurring revenue from confirmed and fulfilled orders. */
export function RevenueCards() {
  const s = useRevenueSummary();
  if (s.isPending) return <Skeleton height={84} radius="md" aria-label="Loading MRR" />;
  if (s.isError) return <ErrorAlert error={s.error} title="Could not load MRR" onRetry={() => s.refetch()} />;
  const d = s.data;
  return (
    <SimpleGrid cols={{ base: 1, sm: 3 }}>
      {(
        [
          ['MRR', formatMinor(d.mrr, d.currency)],
          ['ARR', formatMinor(d.arr, d.currency)],
          ['Orders counted', String(d.orders)],
        ] as const
      ).map(([label, value]) => (
        <Paper key={label} withBorder radius="md" p="md">
          <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
            {label}
          </Text>
          <Text size="xl" fw={700} data-testid={`summary-${label}`}>
            {value}
          </Text>
        </Paper>
      ))}
      {d.unconverted.length > 0 && (
        <Text size="xs" c="dimmed">
          Not included (no exchange rate into {d.currency}): {d.unconverted.join(', ')}.
        </Text>
      )}
    </SimpleGrid>
  );
}

/** Orders, newest first, by status, with the workspace's MRR/ARR on top. */
export function OrdersScreen() {
  const [status, setStatus] = useState('all');
  const [pages, setPages] = useState<(number | null)[]>([null]);
  const before = pages.at(-1) ?? null;
  const orders = useOrders(status === 'all' ? null : status, before);
  const navigate = useNavigate();
  return (
    <>
      <PageHeader
        title="Orders"
        description="Orders come from accepted quotes. MRR and ARR count confirmed and fulfilled orders' recurring lines."
      />
      <Stack gap="lg">
        <RevenueCards />
        <SegmentedControl
          aria-label="Status"
          value={status}
          onChange={(v) => {
            setStatus(v);
            setPages([null]);
          }}
          data={[{ value: 'all', label: 'All' }, ...Object.entries(orderStatusLabel).map(([value, s]) => ({ value, label: s.label }))]}
          w="fit-content"
        />
        {orders.isPending && <Skeleton height={240} radius="md" aria-label="Loading orders" />}
        {orders.isError && <ErrorAlert error={orders.error} title="Could not load the orders" onRetry={() => orders.refetch()} />}
        {orders.isSuccess && !orders.data.items.length && (
          <Paper withBorder radius="md">
            <Empty
              icon={<IconReceipt size={26} />}
              title={status === 'all' ? 'No orders yet' : `No ${orderStatusLabel[status as 'draft'].label.toLowerCase()} orders`}
              description="Open a deal, build a quote, mark it accepted and choose Create order."
              action={<ButtonLink to="/deals">Go to deals</ButtonLink>}
            />
          </Paper>
        )}
        {orders.isSuccess && orders.data.items.length > 0 && (
          <Paper withBorder radius="md">
            <Table.ScrollContainer minWidth={720}>
              <Table highlightOnHover aria-label="Orders">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Order</Table.Th>
                    <Table.Th>Customer</Table.Th>
                    <Table.Th>Deal</Table.Th>
                    <Table.Th>Status</Table.Th>
                    <Table.Th ta="right">MRR</Table.Th>
                    <Table.Th ta="right">Total</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {orders.data.items.map((o) => {
                    const open = () => navigate({ to: '/orders/$orderId', params: { orderId: o.id } });
                    return (
                      <Table.Tr
                        key={o.id}
                        tabIndex={0}
                        onClick={open}
                        onKeyDown={(e) => e.key === 'Enter' && open()}
                        style={{ cursor: 'pointer' }}
                      >
                        <Table.Td fw={500}>{o.displayNumber}</Table.Td>
                        <Table.Td>{o.companyName ?? '—'}</Table.Td>
                        <Table.Td>{o.dealName ?? '—'}</Table.Td>
                        <Table.Td>
                          <Badge variant="light" tt="none" color={orderStatusLabel[o.status].color}>
                            {orderStatusLabel[o.status].label}
                          </Badge>
                        </Table.Td>
                        <Table.Td ta="right">{o.mrr ? formatMinor(o.mrr, o.currency) : '—'}</Table.Td>
                        <Table.Td ta="right">{formatMinor(o.total, o.currency)}</Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Paper>
        )}
        <Group justify="flex-end">
          <Button variant="default" disabled={pages.length < 2} onClick={() => setPages((p) => p.slice(0, -1))}>
            Newer
          </Button>
          <Button variant="default" disabled={!orders.data?.nextCursor} onClick={() => setPages((p) => [...p, orders.data!.nextCursor])}>
            Older
          </Button>
        </Group>
      </Stack>
    </>
  );
}
