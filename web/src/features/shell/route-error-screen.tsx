import { Button, Center, Stack } from '@mantine/core';
import type { ErrorComponentProps } from '@tanstack/react-router';
import { ErrorAlert } from '../../components/error-alert.tsx';

/** A page that failed to load (server down, unexpected answer): the reason and a way to retry. */
export function RouteErrorScreen({ error, reset }: ErrorComponentProps) {
  return (
    <Center mih="50dvh" p="md">
      <Stack maw={520} w="100%">
        <ErrorAlert error={error} title="This page could not be loaded" />
        <Button
          variant="default"
          onClick={() => {
            reset();
            window.location.reload();
          }}
        >
          Reload the page
        </Button>
      </Stack>
    </Center>
  );
}
