import { Button, type ButtonProps, Group, Modal, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { type ReactNode, useState } from 'react';
import { ErrorAlert } from './error-alert.tsx';

interface ConfirmProps extends Omit<ButtonProps, 'children' | 'onClick'> {
  /** What the trigger says. */
  children: ReactNode;
  title: string;
  message: ReactNode;
  confirmLabel: string;
  onConfirm: () => Promise<unknown>;
  'aria-label'?: string;
}

/** A destructive action behind a confirm dialog; the dialog shows the error if the action fails. */
export function ConfirmButton({ children, title, message, confirmLabel, onConfirm, ...button }: ConfirmProps) {
  const [opened, { open, close }] = useDisclosure(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      await onConfirm();
      close();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button color="red" variant="subtle" size="compact-sm" {...button} onClick={open}>
        {children}
      </Button>
      <Modal opened={opened} onClose={close} title={<Text fw={650}>{title}</Text>} size="md">
        <Text size="sm">{message}</Text>
        {error != null && (
          <div style={{ marginTop: 16 }}>
            <ErrorAlert error={error} title="That did not work" />
          </div>
        )}
        <Group justify="flex-end" mt="lg">
          <Button variant="default" onClick={close} disabled={busy}>
            Cancel
          </Button>
          <Button color="red" onClick={confirm} loading={busy} data-autofocus>
            {confirmLabel}
          </Button>
        </Group>
      </Modal>
    </>
  );
}
