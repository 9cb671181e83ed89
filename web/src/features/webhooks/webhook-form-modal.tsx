import { Button, Group, Modal, Stack, Switch, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { CopyOnce } from '../../components/copy-field.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { ButtonLink } from '../../components/links.tsx';
import { ApiError, type Webhook } from '../../lib/api/index.ts';
import { EventTypesInput } from './event-types-input.tsx';
import { useCreateWebhook, useUpdateWebhook } from './use-webhooks.ts';

interface Props {
  opened: boolean;
  onClose: () => void;
  /** Editing this webhook; absent = creating one. */
  webhook?: Webhook;
}

/** Create or edit a webhook; after creating, the signing secret is shown once. */
export function WebhookFormModal({ opened, onClose, webhook }: Props) {
  const create = useCreateWebhook();
  const update = useUpdateWebhook(webhook?.id ?? '');
  const mutation = webhook ? update : create;
  const [url, setUrl] = useState(webhook?.url ?? '');
  const [description, setDescription] = useState(webhook?.description ?? '');
  const [eventTypes, setEventTypes] = useState<string[]>(webhook?.eventTypes ?? []);
  const [active, setActive] = useState(webhook?.active ?? true);
  const [created, setCreated] = useState<{ id: string; secret: string } | null>(null);

  const close = () => {
    onClose();
    setTimeout(() => {
      if (!webhook) {
        setUrl('');
        setDescription('');
        setEventTypes([]);
        setActive(true);
      }
      setCreated(null);
      create.reset();
      update.reset();
    }, 200);
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body = { url: url.trim(), description: description.trim(), eventTypes, active };
    if (webhook) update.mutate(body, { onSuccess: close });
    else create.mutate(body, { onSuccess: (r) => setCreated({ id: r.webhook.id, secret: r.secret }) });
  };
  const err = mutation.error instanceof ApiError ? mutation.error : undefined;
  const fieldErr = (f: string) =>
    err?.fieldError(f) ?? (err && (err.details as { path?: unknown[] })?.path?.[1] === f ? err.message : undefined);
  const shownInline = fieldErr('url') || fieldErr('eventTypes');

  return (
    <Modal
      opened={opened}
      onClose={close}
      title={<Text fw={650}>{created ? 'Webhook created' : webhook ? 'Edit webhook' : 'Add a webhook'}</Text>}
      size="lg"
      closeOnClickOutside={!created}
    >
      {created ? (
        <Stack gap="md">
          <Text size="sm">
            Tandem signs every delivery with this secret (Standard Webhooks: <code>webhook-id</code>, <code>webhook-timestamp</code>,{' '}
            <code>webhook-signature</code> headers). Verify it on your side.
          </Text>
          <CopyOnce
            label="Signing secret"
            value={created.secret}
            note="Store it with your receiver now. Admins can reveal or rotate it later on the webhook’s page."
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Done
            </Button>
            <ButtonLink to="/settings/webhooks/$webhookId" params={{ webhookId: created.id }} onClick={close}>
              Open webhook
            </ButtonLink>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={submit} aria-label={webhook ? 'Edit webhook' : 'Add webhook'}>
          <Stack gap="md">
            {mutation.error != null && !shownInline && <ErrorAlert error={mutation.error} title="Could not save the webhook" />}
            <TextInput
              label="Endpoint URL"
              placeholder="https://example.com/hooks/tandem"
              value={url}
              onChange={(e) => setUrl(e.currentTarget.value)}
              required
              data-autofocus
              type="url"
              error={fieldErr('url')}
            />
            <TextInput
              label="Description"
              placeholder="What receives these events"
              value={description}
              onChange={(e) => setDescription(e.currentTarget.value)}
              maxLength={500}
            />
            <EventTypesInput value={eventTypes} onChange={setEventTypes} error={fieldErr('eventTypes')} />
            <Switch
              label="Active"
              description="Inactive webhooks receive nothing until you turn them back on."
              checked={active}
              onChange={(e) => setActive(e.currentTarget.checked)}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                Cancel
              </Button>
              <Button type="submit" loading={mutation.isPending} disabled={!url.trim() || eventTypes.length === 0}>
                {webhook ? 'Save changes' : 'Add webhook'}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
