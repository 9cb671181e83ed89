import { Badge, Breadcrumbs, Button, Group, Paper, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFileOff } from '@tabler/icons-react';
import { useEffect } from 'react';
import { ConfirmButton } from '../../components/confirm-button.tsx';
import { Empty } from '../../components/empty.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { AnchorLink, ButtonLink } from '../../components/links.tsx';
import { ApiError, errorMessage } from '../../lib/api/index.ts';
import { usePermissions } from '../auth/use-me.ts';
import { formatMinor } from '../deals/money.ts';
import { LinesTable } from './quote-lines-table.tsx';
import { orderStatusLabel } from './quote-types.ts';
import { useOrder, useOrderStatus } from './use-quotes.ts';

/** One order: status actions, lines, totals and its recurring revenue. */
export function OrderScreen({ id }: { id: string }) {
  const order = useOrder(id);
  const can = usePermissions();
  const move = useOrderStatus();
  useEffect(() => {
    if (order.data) document.title = `${order.data.displayNumber} · Tandem`;
  }, [order.data]);
  if (order.isPending) return <Skeleton height={400} radius="lg" aria-label="Loading the order" />;
  if (order.isError) {
    if (order.error instanceof ApiError && order.error.status === 404)
      return (
        <Paper>
          <Empty
            icon={<IconFileOff size={26} />}
            title="This order does not exist"
            description="Or it belongs to a deal you cannot see."
            action={<ButtonLink to="/orders">Go to orders</ButtonLink>}
          />
        </Paper>
      );
    return <ErrorAlert error={order.error} title="Could not load the order" onRetry={() => order.refetch()} />;
  }
  const o = order.data;
  const to = (status: 'confirmed' | 'fulfilled' | 'cancelled') =>
    move.mutateAsync({ id: o.id, status }).then(
      (r) =>
        notifications.show({
          color: 'teal',
          message: r.wonDealId ? `${o.displayNumber} ${status}; the deal is now won` : `${o.displayNumber} ${status}`,
        }),
      (err) => notifications.show({ color: 'red', title: 'Could not change the order', message: errorMessage(err) }),
    );
  const write = can('orders:write');
  return (
    <Stack gap="lg">
      <Breadcrumbs>
        <AnchorLink to="/orders" size="sm">
          Orders
        </AnchorLink>
        <Text size="sm" c="dimmed">
          {o.displayNumber}
        </Text>
      </Breadcrumbs>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Group gap="xs">
            <Title order={1}>{o.displayNumber}</Title>
            <Badge size="lg" variant="light" tt="none" color={orderStatusLabel[o.status].color} data-testid="order-status">
              {orderStatusLabel[o.status].label}
            </Badge>
          </Group>
          <Text size="sm" c="dimmed">
            {o.companyName ?? 'No company'}
            {o.dealId && (
              <>
                {' · '}
                <AnchorLink to="/deals/$dealId" params={{ dealId: o.dealId }} size="sm">
                  {o.dealName}
                </AnchorLink>
              </>
            )}
          </Text>
        </Stack>
        {write && (
          <Group gap="xs">
            {o.status === 'draft' && (
              <Button loading={move.isPending} onClick={() => to('confirmed')}>
                Confirm order
              </Button>
            )}
            {o.status === 'confirmed' && (
              <Button color="green" loading={move.isPending} onClick={() => to('fulfilled')}>
                Mark fulfilled
              </Button>
            )}
            {(o.status === 'draft' || o.status === 'confirmed') && (
              <ConfirmButton
                title={`Cancel ${o.displayNumber}?`}
                message="A cancelled order no longer counts in MRR and cannot be reopened."
                confirmLabel="Cancel order"
                onConfirm={() => to('cancelled')}
              >
                Cancel order
              </ConfirmButton>
            )}
          </Group>
        )}
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        {(
          [
            ['Total', formatMinor(o.total, o.currency)],
            ['MRR', formatMinor(o.mrr, o.currency)],
            ['ARR', formatMinor(o.arr, o.currency)],
          ] as const
        ).map(([label, value]) => (
          <Paper key={label} withBorder radius="md" p="md">
            <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
              {label}
            </Text>
            <Text size="xl" fw={700}>
              {value}
            </Text>
          </Paper>
        ))}
      </SimpleGrid>
      <Paper withBorder radius="md" p="md">
        <LinesTable lines={o.lines} currency={o.currency} totals={o} />
      </Paper>
      <Text size="xs" c="dimmed">
        Created {new Date(o.createdAt).toLocaleString()}
        {o.confirmedAt && ` · confirmed ${new Date(o.confirmedAt).toLocaleString()}`}
        {o.fulfilledAt && ` · fulfilled ${new Date(o.fulfilledAt).toLocaleString()}`}
        {o.cancelledAt && ` · cancelled ${new Date(o.cancelledAt).toLocaleString()}`}
      </Text>
    </Stack>
  );
}
