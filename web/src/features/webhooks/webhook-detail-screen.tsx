import { Anchor, Breadcrumbs, Button, Grid, Paper, Stack, Switch, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconPencil, IconSend } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { ConfirmButton } from '../../components/confirm-button.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { AnchorLink } from '../../components/links.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { RelativeTime } from '../../components/relative-time.tsx';
import { LoadingCard } from '../../components/table-card.tsx';
import { errorMessage, type Webhook } from '../../lib/api/index.ts';
import { usePermissions } from '../auth/use-me.ts';
import { DeliveriesLog } from './deliveries-log.tsx';
import { SigningSecret } from './signing-secret.tsx';
import { useDeleteWebhook, useSendTestWebhook, useUpdateWebhook, useWebhook } from './use-webhooks.ts';
import { EventBadges, WebhookStatus } from './webhook-bits.tsx';
import { WebhookFormModal } from './webhook-form-modal.tsx';

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={4}>
      <Text size="xs" fw={600} c="dimmed" tt="uppercase" lts={0.4}>
        {label}
      </Text>
      {children}
    </Stack>
  );
}

function Details({ webhook, canManage }: { webhook: Webhook; canManage: boolean }) {
  const update = useUpdateWebhook(webhook.id);
  const toggle = (active: boolean) =>
    update.mutate(
      { active },
      { onError: (err) => notifications.show({ color: 'red', title: 'Could not change the webhook', message: errorMessage(err) }) },
    );
  return (
    <Paper p="lg">
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <Stack gap="md">
            <Field label="Status">
              {canManage ? (
                <Switch
                  checked={webhook.active}
                  onChange={(e) => toggle(e.currentTarget.checked)}
                  label={webhook.active ? 'Active: receiving events' : 'Inactive: receiving nothing'}
                  disabled={update.isPending}
                />
              ) : (
                <WebhookStatus active={webhook.active} />
              )}
            </Field>
            <Field label="Events">
              <EventBadges types={webhook.eventTypes} max={8} />
            </Field>
            <Field label="Created">
              <Text size="sm">
                <RelativeTime value={webhook.createdAt} />
              </Text>
            </Field>
          </Stack>
        </Grid.Col>
        {canManage && (
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <Field label="Signing secret">
              <SigningSecret webhookId={webhook.id} />
            </Field>
          </Grid.Col>
        )}
      </Grid>
    </Paper>
  );
}

/** One webhook: its settings, secret, test ping and delivery log. */
export function WebhookDetailScreen({ id }: { id: string }) {
  const webhook = useWebhook(id);
  const can = usePermissions();
  const canManage = can('webhooks:manage');
  const test = useSendTestWebhook(id);
  const del = useDeleteWebhook();
  const navigate = useNavigate();
  const [editing, edit] = useDisclosure(false);
  const crumbs = (
    <Breadcrumbs mb="sm" fz="sm">
      <AnchorLink to="/settings/webhooks" size="sm">
        Webhooks
      </AnchorLink>
      <Text size="sm" c="dimmed">
        {webhook.data ? new URL(webhook.data.url).host : '…'}
      </Text>
    </Breadcrumbs>
  );
  if (webhook.isPending)
    return (
      <>
        {crumbs}
        <LoadingCard label="Loading webhook" />
      </>
    );
  if (webhook.isError)
    return (
      <>
        {crumbs}
        <ErrorAlert error={webhook.error} title="Could not load the webhook" onRetry={() => webhook.refetch()} />
      </>
    );
  const w = webhook.data;
  const sendTest = () =>
    test.mutate(undefined, {
      onSuccess: () => notifications.show({ color: 'teal', title: 'Test event queued', message: 'Watch the delivery appear below.' }),
      onError: (err) => notifications.show({ color: 'red', title: 'Could not send a test', message: errorMessage(err) }),
    });
  const actions = canManage && (
    <>
      <Button variant="default" leftSection={<IconPencil size={16} />} onClick={edit.open}>
        Edit
      </Button>
      <ConfirmButton
        variant="default"
        size="sm"
        title="Delete this webhook?"
        message={`Tandem stops sending events to ${w.url}. Its delivery log is deleted too.`}
        confirmLabel="Delete webhook"
        onConfirm={() => del.mutateAsync(w.id).then(() => navigate({ to: '/settings/webhooks' }))}
      >
        Delete
      </ConfirmButton>
      <Button
        leftSection={<IconSend size={16} />}
        onClick={sendTest}
        loading={test.isPending}
        disabled={!w.active}
        title={w.active ? undefined : 'Activate the webhook to send a test'}
      >
        Send test event
      </Button>
    </>
  );
  return (
    <>
      {crumbs}
      <PageHeader
        title="Webhook"
        description={
          <Anchor href={w.url} target="_blank" rel="noreferrer" ff="monospace" size="sm" style={{ wordBreak: 'break-all' }}>
            {w.url}
          </Anchor>
        }
        actions={actions}
      />
      {canManage && <WebhookFormModal key={w.updatedAt} opened={editing} onClose={edit.close} webhook={w} />}
      <Stack gap="xl">
        {w.description && (
          <Text size="sm" mt={-12}>
            {w.description}
          </Text>
        )}
        <Details webhook={w} canManage={canManage} />
        <DeliveriesLog webhookId={w.id} canManage={canManage} />
      </Stack>
    </>
  );
}
