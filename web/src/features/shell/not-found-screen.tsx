import { Center, EmptyState, Stack } from '@mantine/core';
import { IconMapPinOff } from '@tabler/icons-react';
import { ButtonLink } from '../../components/links.tsx';

/** An address that matches no page. */
export function NotFoundScreen() {
  return (
    <Center mih="60dvh" p="md">
      <Stack align="center">
        <EmptyState
          variant="light"
          icon={<IconMapPinOff size={28} />}
          title="Page not found"
          description="This address does not lead to a page in Tandem. It may have moved, or the link was mistyped."
        >
          <EmptyState.Actions>
            <ButtonLink to="/">Go to Home</ButtonLink>
          </EmptyState.Actions>
        </EmptyState>
      </Stack>
    </Center>
  );
}
