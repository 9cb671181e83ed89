import { Button, Paper, Table, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPlus, IconWebhook } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { Empty } from '../../components/empty.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { AnchorLink } from '../../components/links.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { RelativeTime } from '../../components/relative-time.tsx';
import { LoadingCard, TableCard } from '../../components/table-card.tsx';
import type { Webhook } from '../../lib/api/index.ts';
import { usePermissions } from '../auth/use-me.ts';
import { useWebhooks } from './use-webhooks.ts';
import { EventBadges, WebhookStatus } from './webhook-bits.tsx';
import { WebhookFormModal } from './webhook-form-modal.tsx';

function WebhooksTable({ webhooks }: { webhooks: Webhook[] }) {
  const navigate = useNavigate();
  return (
    <TableCard label="Webhooks" minWidth={760}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Endpoint</Table.Th>
          <Table.Th>Events</Table.Th>
          <Table.Th>Status</Table.Th>
          <Table.Th>Created</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {webhooks.map((w) => (
          <Table.Tr
            key={w.id}
            style={{ cursor: 'pointer' }}
            onClick={() => navigate({ to: '/settings/webhooks/$webhookId', params: { webhookId: w.id } })}
          >
            <Table.Td maw={380}>
              <AnchorLink
                to="/settings/webhooks/$webhookId"
                params={{ webhookId: w.id }}
                fw={600}
                size="sm"
                ff="monospace"
                style={{ wordBreak: 'break-all' }}
                onClick={(e) => e.stopPropagation()}
              >
                {w.url}
              </AnchorLink>
              {w.description && (
                <Text size="xs" c="dimmed" truncate="end">
                  {w.description}
                </Text>
              )}
            </Table.Td>
            <Table.Td>
              <EventBadges types={w.eventTypes} />
            </Table.Td>
            <Table.Td>
              <WebhookStatus active={w.active} />
            </Table.Td>
            <Table.Td>
              <RelativeTime value={w.createdAt} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </TableCard>
  );
}

/** Settings → Webhooks: subscriptions to events, each with a signed delivery log. */
export function WebhooksScreen() {
  const webhooks = useWebhooks();
  const can = usePermissions();
  const [opened, { open, close }] = useDisclosure(false);
  const add = can('webhooks:manage') ? (
    <Button leftSection={<IconPlus size={16} />} onClick={open}>
      Add webhook
    </Button>
  ) : null;
  return (
    <>
      <PageHeader
        title="Webhooks"
        description="Tandem POSTs signed events to your endpoints when records change, and retries failed deliveries with backoff."
        actions={add}
      />
      {can('webhooks:manage') && <WebhookFormModal opened={opened} onClose={close} />}
      {webhooks.isPending ? (
        <LoadingCard label="Loading webhooks" />
      ) : webhooks.isError ? (
        <ErrorAlert error={webhooks.error} title="Could not load webhooks" onRetry={() => webhooks.refetch()} />
      ) : webhooks.data.length === 0 ? (
        <Paper>
          <Empty
            icon={<IconWebhook size={26} />}
            title="No webhooks yet"
            description="Add an endpoint to keep other systems in sync: Tandem sends each event as a signed JSON POST."
            action={
              add && (
                <Button variant="light" leftSection={<IconPlus size={16} />} onClick={open}>
                  Add webhook
                </Button>
              )
            }
          />
        </Paper>
      ) : (
        <WebhooksTable webhooks={webhooks.data} />
      )}
    </>
  );
}
