import { Button, Code, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconEye, IconRefresh } from '@tabler/icons-react';
import { useState } from 'react';
import { ConfirmButton } from '../../components/confirm-button.tsx';
import { CopyOnce } from '../../components/copy-field.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { formatDateTime } from '../../components/relative-time.tsx';
import { useRevealSecret, useRotateSecret } from './use-webhooks.ts';

/** The signing secret, hidden until an admin asks to see it; rotation keeps the old one valid for a while. */
export function SigningSecret({ webhookId }: { webhookId: string }) {
  const reveal = useRevealSecret(webhookId);
  const rotate = useRotateSecret(webhookId);
  const [rotatedUntil, setRotatedUntil] = useState<string | null>(null);
  const secret = rotate.data?.secret ?? reveal.data?.secret;
  return (
    <Stack gap="xs">
      {secret ? (
        <CopyOnce
          label="Signing secret"
          value={secret}
          note={
            rotatedUntil
              ? `New secret. The old one also signs deliveries until ${formatDateTime(rotatedUntil)}.`
              : 'Keep it secret; use it only to verify signatures.'
          }
        />
      ) : (
        <Group gap="sm">
          <Code fz="sm">whsec_••••••••••••••••</Code>
          <Button
            size="compact-sm"
            variant="default"
            leftSection={<IconEye size={14} />}
            onClick={() => reveal.mutate()}
            loading={reveal.isPending}
          >
            Reveal
          </Button>
        </Group>
      )}
      {reveal.error != null && <ErrorAlert error={reveal.error} title="Could not reveal the secret" />}
      <Group gap="xs">
        <ConfirmButton
          variant="subtle"
          color="gray"
          size="compact-sm"
          leftSection={<IconRefresh size={14} />}
          title="Rotate the signing secret?"
          message="A new secret signs deliveries from now on. The old one keeps signing alongside it for 24 hours so your receiver can switch over."
          confirmLabel="Rotate secret"
          onConfirm={() =>
            rotate.mutateAsync().then((r) => {
              setRotatedUntil(r.previousSecretExpiresAt);
              notifications.show({ color: 'teal', title: 'Secret rotated', message: 'Update your receiver with the new secret.' });
            })
          }
        >
          Rotate secret
        </ConfirmButton>
        <Text size="xs" c="dimmed">
          Signed per Standard Webhooks (HMAC-SHA256).
        </Text>
      </Group>
    </Stack>
  );
}
