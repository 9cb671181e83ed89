import { Alert, Button, Group, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { ApiError, errorMessage } from '../lib/api/index.ts';

/** A failed request, in words the user can act on, with the request id for support and an optional retry. */
export function ErrorAlert({ error, title = 'Something went wrong', onRetry }: { error: unknown; title?: string; onRetry?: () => void }) {
  // The request id helps support with server-side failures; for a plain "wrong input" answer it is noise.
  const requestId = error instanceof ApiError && (error.status >= 500 || error.status === 0) ? error.requestId : undefined;
  return (
    <Alert color="red" variant="light" radius="md" title={title} icon={<IconAlertTriangle size={18} />} role="alert">
      <Text size="sm">{errorMessage(error)}</Text>
      {(requestId || onRetry) && (
        <Group justify="space-between" mt="xs" gap="xs">
          {requestId ? (
            <Text size="xs" c="dimmed">
              Request id: {requestId}
            </Text>
          ) : (
            <span />
          )}
          {onRetry && (
            <Button size="compact-sm" variant="white" color="red" onClick={onRetry}>
              Try again
            </Button>
          )}
        </Group>
      )}
    </Alert>
  );
}
