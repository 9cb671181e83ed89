import { Button, Group, Modal, Paper, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSend, IconUsers } from '@tabler/icons-react';
import { ErrorAlert } from '../../components/error-alert.tsx';
import type { Audience } from './email-types.ts';
import { useEstimate } from './use-email.ts';

/** How many people a broadcast reaches, counted again as the audience changes. */
export function EstimateCard({ audience, subscriptionTypeId }: { audience: Audience | null; subscriptionTypeId: string | null }) {
  const [debounced] = useDebouncedValue(audience, 300);
  const estimate = useEstimate(debounced, subscriptionTypeId);
  return (
    <Paper p="md" aria-label="Estimated recipients" role="region">
      <Group gap="xs" mb={4}>
        <IconUsers size={18} />
        <Text fw={600}>Estimated recipients</Text>
      </Group>
      {!audience ? (
        <Text size="sm" c="dimmed">
          Choose who gets it to see how many people it reaches.
        </Text>
      ) : estimate.isError ? (
        <ErrorAlert error={estimate.error} title="Could not count the audience" />
      ) : !estimate.data ? (
        <Text size="sm" c="dimmed">
          Counting…
        </Text>
      ) : (
        <Stack gap={2} style={{ opacity: estimate.isFetching ? 0.6 : 1 }}>
          <Text fz={28} fw={700} data-testid="estimate-recipients">
            {estimate.data.recipients.toLocaleString()}
          </Text>
          <Text size="sm" c="dimmed">
            {estimate.data.audience.toLocaleString()} in the audience with an email, {estimate.data.suppressed.toLocaleString()} skipped by
            suppression (unsubscribes, bounces, complaints, opt-outs)
          </Text>
        </Stack>
      )}
    </Paper>
  );
}

/** The last look before sending: the name, the recipients counted now, and when. */
export function ConfirmSend({
  opened,
  onClose,
  onConfirm,
  busy,
  name,
  audience,
  typeId,
  later,
}: {
  opened: boolean;
  onClose: () => void;
  onConfirm: () => void;
  busy: boolean;
  name: string;
  audience: Audience | null;
  typeId: string | null;
  later: string | null;
}) {
  const estimate = useEstimate(opened ? audience : null, typeId);
  const n = estimate.data?.recipients;
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={<Text fw={650}>{later ? 'Schedule this broadcast?' : 'Send this broadcast now?'}</Text>}
    >
      <Text size="sm">
        “{name || 'Untitled'}” goes to <b data-testid="confirm-recipients">{n === undefined ? '…' : n.toLocaleString()}</b>{' '}
        {n === 1 ? 'person' : 'people'}
        {later ? ` on ${new Date(later).toLocaleString()}` : ' now'}. Suppression is checked again for each person when their message is
        sent.
      </Text>
      <Group justify="flex-end" mt="lg">
        <Button variant="default" onClick={onClose} disabled={busy}>
          Cancel
        </Button>
        <Button onClick={onConfirm} loading={busy} data-autofocus leftSection={<IconSend size={16} />}>
          {later ? 'Schedule' : 'Send now'}
        </Button>
      </Group>
    </Modal>
  );
}
