import { Button, Group, Modal, NumberInput, Select, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { ApiError, errorMessage } from '../../lib/api/index.ts';
import { RecordPicker } from '../records/record-picker.tsx';
import { useWorkspace } from '../workspace/use-workspace.ts';
import type { Pipeline } from './deal-types.ts';
import { toMinor } from './money.ts';
import { useCreateDeal } from './use-deals.ts';

/** A new deal in one of the pipeline's open stages. */
export function DealFormModal({ pipeline, opened, onClose }: { pipeline: Pipeline; opened: boolean; onClose: () => void }) {
  const workspace = useWorkspace();
  const currencyDefault = workspace.data?.currency ?? 'USD';
  const open = pipeline.stages.filter((s) => s.type === 'open');
  const [name, setName] = useState('');
  const [stageId, setStageId] = useState<string | null>(open[0]?.id ?? null);
  const [amount, setAmount] = useState<string | number>('');
  const [currency, setCurrency] = useState(currencyDefault);
  const [closeDate, setCloseDate] = useState('');
  const [companyId, setCompanyId] = useState<string | null>(null);
  const [contactId, setContactId] = useState<string | null>(null);
  const create = useCreateDeal();
  const navigate = useNavigate();
  const fieldError = (field: string) =>
    create.error instanceof ApiError && JSON.stringify((create.error.details as { path?: unknown[] })?.path ?? []).includes(field)
      ? create.error.message
      : undefined;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(
      {
        name,
        stageId: stageId ?? undefined,
        amount: toMinor(amount, currency),
        currency,
        closeDate: closeDate || null,
        companyId,
        contacts: contactId ? [{ contactId, role: 'decision_maker' }] : [],
      },
      {
        onSuccess: (d) => {
          notifications.show({ color: 'teal', message: `Deal “${d.name}” created` });
          onClose();
          navigate({ to: '/deals/$dealId', params: { dealId: d.id } });
        },
      },
    );
  };
  const general =
    create.error && !fieldError('name') && !fieldError('currency') && !fieldError('stageId') ? errorMessage(create.error) : null;
  return (
    <Modal opened={opened} onClose={onClose} title={`New deal in ${pipeline.name}`}>
      <form onSubmit={submit}>
        <Stack gap="sm">
          <TextInput
            label="Name"
            required
            data-autofocus
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={fieldError('name')}
          />
          <Select
            label="Stage"
            data={open.map((s) => ({ value: s.id, label: `${s.name} (${s.probability}%)` }))}
            value={stageId}
            onChange={setStageId}
            allowDeselect={false}
            error={fieldError('stageId')}
          />
          <Group grow>
            <NumberInput label="Amount" min={0} thousandSeparator="," value={amount} onChange={setAmount} />
            <TextInput
              label="Currency"
              maxLength={3}
              value={currency}
              onChange={(e) => setCurrency(e.currentTarget.value.toUpperCase())}
              error={fieldError('currency')}
            />
          </Group>
          <TextInput type="date" label="Expected close date" value={closeDate} onChange={(e) => setCloseDate(e.currentTarget.value)} />
          <RecordPicker entity="company" label="Company" placeholder="Search companies…" value={companyId} onChange={setCompanyId} />
          <RecordPicker
            entity="contact"
            label="Contact (decision maker)"
            placeholder="Search contacts…"
            value={contactId}
            onChange={setContactId}
          />
          {general && (
            <Text c="red" size="sm" role="alert">
              {general}
            </Text>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending}>
              Create deal
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
