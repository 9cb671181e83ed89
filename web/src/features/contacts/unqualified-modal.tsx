import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { ErrorAlert } from '../../components/error-alert.tsx';

/** Asks why a lead is unqualified (the API requires a reason). */
export function UnqualifiedModal({
  opened,
  onClose,
  onSave,
}: {
  opened: boolean;
  onClose: () => void;
  onSave: (reason: string) => Promise<unknown>;
}) {
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await onSave(reason.trim());
      setReason('');
      onClose();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal opened={opened} onClose={onClose} title={<Text fw={650}>Why is this lead unqualified?</Text>}>
      <form onSubmit={submit}>
        <Stack>
          {error != null && <ErrorAlert error={error} title="Could not save" />}
          <TextInput
            label="Reason"
            placeholder="e.g. no budget, wrong fit, went with a competitor"
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            required
            data-autofocus
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={busy} disabled={!reason.trim()}>
              Mark unqualified
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
