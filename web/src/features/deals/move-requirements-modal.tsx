import { Alert, Button, Group, Modal, NumberInput, Stack, Text, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { requirableFieldLabels } from './deal-types.ts';
import { toMinor } from './money.ts';

export interface PendingMove {
  dealId: string;
  dealName: string;
  currency: string;
  stageId: string;
  stageName: string;
  missing: string[];
}

/** Fields the modal can fill in itself; anything else is filled on the deal page. */
const inline = new Set(['amount', 'close_date', 'loss_reason', 'next_step', 'source']);

/** Asks for what a stage requires (or why a deal was lost) and retries the move with it. */
export function MoveRequirementsModal({
  pending,
  onCancel,
  onSubmit,
  busy,
}: {
  pending: PendingMove | null;
  onCancel: () => void;
  onSubmit: (fields: Record<string, unknown>) => void;
  busy: boolean;
}) {
  const [values, setValues] = useState<Record<string, string>>({});
  const [date, setDate] = useState<string | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset when another move asks
  useEffect(() => {
    setValues({});
    setDate(null);
  }, [pending]);
  if (!pending) return null;
  const needs = (f: string) => pending.missing.includes(f);
  const elsewhere = pending.missing.filter((f) => !inline.has(f));
  const amount = toMinor(values.amount, pending.currency);
  const submit = () =>
    onSubmit({
      ...(needs('amount') && { amount }),
      ...(needs('close_date') && { closeDate: date }),
      ...(needs('loss_reason') && { lossReason: values.lossReason, lostTo: values.lostTo || null }),
      ...(needs('next_step') && { nextStep: values.nextStep }),
      ...(needs('source') && { source: values.source }),
    });
  const set = (k: string) => (e: { currentTarget: { value: string } }) => setValues((v) => ({ ...v, [k]: e.currentTarget.value }));
  return (
    <Modal opened onClose={onCancel} title={`Move “${pending.dealName}” to ${pending.stageName}`}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            {pending.stageName} needs {pending.missing.map((f) => requirableFieldLabels[f] ?? f).join(', ')}.
          </Text>
          {needs('amount') && (
            <NumberInput
              label={`Amount (${pending.currency})`}
              required
              min={0}
              thousandSeparator=","
              data-autofocus
              value={values.amount ?? ''}
              onChange={(v) => setValues((x) => ({ ...x, amount: String(v) }))}
            />
          )}
          {needs('close_date') && (
            <TextInput
              type="date"
              label="Expected close date"
              required
              value={date ?? ''}
              onChange={(e) => setDate(e.currentTarget.value || null)}
            />
          )}
          {needs('loss_reason') && (
            <>
              <TextInput label="Why was it lost?" required data-autofocus value={values.lossReason ?? ''} onChange={set('lossReason')} />
              <TextInput label="Lost to (competitor)" value={values.lostTo ?? ''} onChange={set('lostTo')} />
            </>
          )}
          {needs('next_step') && <TextInput label="Next step" required value={values.nextStep ?? ''} onChange={set('nextStep')} />}
          {needs('source') && <TextInput label="Source" required value={values.source ?? ''} onChange={set('source')} />}
          {elsewhere.length > 0 && (
            <Alert color="yellow">
              Fill {elsewhere.map((f) => requirableFieldLabels[f] ?? f.replace('custom.', '')).join(', ')} on the deal page first.
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onCancel}>
              Cancel
            </Button>
            <Button
              type="submit"
              loading={busy}
              disabled={elsewhere.length > 0 || (needs('amount') && (amount === null || Number.isNaN(amount)))}
            >
              Move deal
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
