import { Button, Group, NumberInput, Paper, Select, Stack, TagsInput, Textarea, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { ApiError, errorMessage } from '../../lib/api/index.ts';
import { RecordPicker } from '../records/record-picker.tsx';
import { type DealDetail, forecastCategories, type UpdateDealBody } from './deal-types.ts';
import { fromMinor, toMinor } from './money.ts';
import { useUpdateDeal } from './use-deals.ts';

type Draft = {
  amount: string | number;
  currency: string;
  closeDate: string;
  companyId: string | null;
  nextStep: string;
  forecastCategory: string;
  source: string;
  competitors: string[];
  lossReason: string;
  lostTo: string;
};

const draftOf = (d: DealDetail): Draft => ({
  amount: fromMinor(d.amount, d.currency),
  currency: d.currency,
  closeDate: d.closeDate ?? '',
  companyId: d.companyId,
  nextStep: d.nextStep ?? '',
  forecastCategory: d.forecastCategory,
  source: d.source ?? '',
  competitors: d.competitors,
  lossReason: d.lossReason ?? '',
  lostTo: d.lostTo ?? '',
});

/** The deal's fields as one form; the server refuses emptying what the current stage requires. */
export function DealDetailsCard({ deal, canWrite }: { deal: DealDetail; canWrite: boolean }) {
  const update = useUpdateDeal(deal.id);
  const [draft, setDraft] = useState<Draft>(() => draftOf(deal));
  const set = (p: Partial<Draft>) => setDraft((d) => ({ ...d, ...p }));
  const err = update.error instanceof ApiError ? update.error : null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body: UpdateDealBody = {
      amount: toMinor(draft.amount, draft.currency),
      currency: draft.currency,
      closeDate: draft.closeDate || null,
      companyId: draft.companyId,
      nextStep: draft.nextStep || null,
      forecastCategory: draft.forecastCategory as UpdateDealBody['forecastCategory'],
      source: draft.source || null,
      competitors: draft.competitors,
      ...(deal.status === 'lost' && { lossReason: draft.lossReason || null, lostTo: draft.lostTo || null }),
    };
    update.mutate(body, {
      onSuccess: (d) => {
        setDraft(draftOf(d));
        notifications.show({ color: 'teal', message: 'Deal saved' });
      },
      onError: (e) => notifications.show({ color: 'red', title: 'Could not save the deal', message: errorMessage(e) }),
    });
  };
  const ro = !canWrite;
  return (
    <Paper p="md">
      <Title order={3} size="h5" mb="sm">
        Details
      </Title>
      <form onSubmit={submit}>
        <Stack gap="sm">
          <Group grow align="flex-start">
            <NumberInput
              label="Amount"
              min={0}
              thousandSeparator=","
              readOnly={ro}
              value={draft.amount}
              onChange={(v) => set({ amount: v })}
            />
            <TextInput
              label="Currency"
              maxLength={3}
              readOnly={ro}
              value={draft.currency}
              onChange={(e) => set({ currency: e.currentTarget.value.toUpperCase() })}
              error={err?.code === 'unknown_currency' ? err.message : undefined}
            />
          </Group>
          <TextInput
            type="date"
            label="Expected close date"
            readOnly={ro}
            value={draft.closeDate}
            onChange={(e) => set({ closeDate: e.currentTarget.value })}
          />
          <RecordPicker entity="company" label="Company" readOnly={ro} value={draft.companyId} onChange={(v) => set({ companyId: v })} />
          <Textarea
            label="Next step"
            autosize
            minRows={1}
            readOnly={ro}
            value={draft.nextStep}
            onChange={(e) => set({ nextStep: e.currentTarget.value })}
          />
          <Select
            label="Forecast category"
            data={forecastCategories.map((c) => ({ ...c }))}
            readOnly={ro}
            allowDeselect={false}
            value={draft.forecastCategory}
            onChange={(v) => v && set({ forecastCategory: v })}
          />
          <TextInput label="Source" readOnly={ro} value={draft.source} onChange={(e) => set({ source: e.currentTarget.value })} />
          <TagsInput label="Competitors" readOnly={ro} value={draft.competitors} onChange={(v) => set({ competitors: v })} />
          {deal.status === 'lost' && (
            <>
              <TextInput
                label="Loss reason"
                readOnly={ro}
                value={draft.lossReason}
                onChange={(e) => set({ lossReason: e.currentTarget.value })}
              />
              <TextInput label="Lost to" readOnly={ro} value={draft.lostTo} onChange={(e) => set({ lostTo: e.currentTarget.value })} />
            </>
          )}
          {canWrite && (
            <Group justify="flex-end">
              <Button type="submit" loading={update.isPending}>
                Save
              </Button>
            </Group>
          )}
        </Stack>
      </form>
    </Paper>
  );
}
