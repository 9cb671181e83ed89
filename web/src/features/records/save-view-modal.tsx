import { Button, Group, Modal, Stack, Switch, Text, TextInput } from '@mantine/core';
import { type FormEvent, useEffect, useState } from 'react';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { fieldErrors } from './field-errors.ts';

/** Name (and share) a view: used to save a new one and to rename one. */
export function SaveViewModal({
  opened,
  onClose,
  title,
  initialName = '',
  initialShared = false,
  canShare,
  onSave,
}: {
  opened: boolean;
  onClose: () => void;
  title: string;
  initialName?: string;
  initialShared?: boolean;
  canShare: boolean;
  onSave: (v: { name: string; shared: boolean }) => Promise<unknown>;
}) {
  const [name, setName] = useState(initialName);
  const [shared, setShared] = useState(initialShared);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    if (opened) {
      setName(initialName);
      setShared(initialShared);
      setError(null);
    }
  }, [opened, initialName, initialShared]);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await onSave({ name: name.trim(), shared });
      onClose();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const { byField, unplaced } = fieldErrors(error, ['name']);
  return (
    <Modal opened={opened} onClose={onClose} title={<Text fw={650}>{title}</Text>}>
      <form onSubmit={submit} noValidate aria-label={title}>
        <Stack>
          {error != null && unplaced && <ErrorAlert error={error} title="Could not save the view" />}
          <TextInput
            label="Name"
            placeholder="e.g. Hot leads in Germany"
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={byField.name}
            data-autofocus
            maxLength={200}
          />
          {canShare && (
            <Switch
              label="Share with the workspace"
              description="Everyone sees it in their tabs; only you and admins can change it."
              checked={shared}
              onChange={(e) => setShared(e.currentTarget.checked)}
            />
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={busy} disabled={!name.trim()}>
              Save view
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
