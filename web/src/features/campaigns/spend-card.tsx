import { ActionIcon, Button, Group, Modal, NumberInput, Paper, Stack, Table, Text, TextInput, Title, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPencil, IconPlus, IconReceipt, IconTrash } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { Empty } from '../../components/empty.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { LoadingCard } from '../../components/table-card.tsx';
import { errorMessage } from '../../lib/api/index.ts';
import { formatMinor, fromMinor, toMinor } from '../deals/money.ts';
import { useToday } from '../workspace/use-today.ts';
import type { Campaign, Spend } from './campaign-types.ts';
import { useDeleteSpend, useSaveSpend, useSpend } from './use-campaigns.ts';

function SpendModal({ campaign, entry, onClose }: { campaign: Campaign; entry: Spend | null; onClose: () => void }) {
  const save = useSaveSpend(campaign.id);
  const today = useToday();
  const [spentOn, setSpentOn] = useState(entry?.spentOn ?? today);
  const [currency, setCurrency] = useState(entry?.currency ?? campaign.budgetCurrency);
  const [amount, setAmount] = useState<string | number>(entry ? fromMinor(entry.amount, entry.currency) : '');
  const [note, setNote] = useState(entry?.note ?? '');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const minor = toMinor(amount, currency);
    save.mutate(
      { id: entry?.id, spentOn, amount: minor === null || Number.isNaN(minor) ? 0 : minor, currency, note: note || null },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: entry ? 'Spend updated' : 'Spend added' });
          onClose();
        },
      },
    );
  };
  return (
    <Modal opened onClose={onClose} title={entry ? 'Edit spend' : 'Add spend'}>
      <form onSubmit={submit}>
        <Stack gap="sm">
          <TextInput label="Day" type="date" required value={spentOn} onChange={(e) => setSpentOn(e.currentTarget.value)} data-autofocus />
          <Group grow align="flex-start">
            <NumberInput label="Amount" required min={0} thousandSeparator="," decimalScale={3} value={amount} onChange={setAmount} />
            <TextInput label="Currency" maw={100} value={currency} onChange={(e) => setCurrency(e.currentTarget.value.toUpperCase())} />
          </Group>
          <TextInput
            label="Note"
            placeholder="e.g. Google Ads invoice March"
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
          />
          {save.error && (
            <Text c="red" size="sm" role="alert">
              {errorMessage(save.error)}
            </Text>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending}>
              {entry ? 'Save' : 'Add spend'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** Actual spend entries, each with its value in the reporting currency at that day's rate. */
export function SpendCard({ campaign, currency, canWrite }: { campaign: Campaign; currency: string; canWrite: boolean }) {
  const spend = useSpend(campaign.id);
  const remove = useDeleteSpend(campaign.id);
  const [editing, setEditing] = useState<Spend | null | 'new'>(null);
  const total = (spend.data ?? []).reduce((a, s) => a + (s.converted ?? 0), 0);
  const missing = (spend.data ?? []).filter((s) => s.converted === null).length;
  return (
    <Paper p="lg">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4">
          Spend
        </Title>
        {canWrite && (
          <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={() => setEditing('new')}>
            Add spend
          </Button>
        )}
      </Group>
      {spend.isPending ? (
        <LoadingCard rows={2} label="Loading spend" />
      ) : spend.isError ? (
        <ErrorAlert error={spend.error} onRetry={() => spend.refetch()} />
      ) : spend.data.length === 0 ? (
        <Empty
          icon={<IconReceipt size={24} />}
          title="No spend recorded"
          description="Add what the campaign cost (ads, venue, agency) by day, so ROI and cost per lead can be computed."
        />
      ) : (
        <>
          <Table aria-label="Spend entries">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Day</Table.Th>
                <Table.Th ta="right">Amount</Table.Th>
                <Table.Th ta="right">In {currency}</Table.Th>
                <Table.Th>Note</Table.Th>
                {canWrite && <Table.Th w={80} />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {spend.data.map((s) => (
                <Table.Tr key={s.id}>
                  <Table.Td>{s.spentOn}</Table.Td>
                  <Table.Td ta="right">{formatMinor(s.amount, s.currency)}</Table.Td>
                  <Table.Td ta="right">
                    {s.converted === null ? (
                      <Tooltip label={`No ${s.currency}→${currency} exchange rate for ${s.spentOn}: add one under Settings → Pipelines`}>
                        <Text size="sm" c="orange">
                          no rate
                        </Text>
                      </Tooltip>
                    ) : (
                      formatMinor(s.converted, currency)
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" c="dimmed" lineClamp={1}>
                      {s.note}
                    </Text>
                  </Table.Td>
                  {canWrite && (
                    <Table.Td>
                      <Group gap={4} wrap="nowrap">
                        <ActionIcon variant="subtle" aria-label={`Edit spend of ${s.spentOn}`} onClick={() => setEditing(s)}>
                          <IconPencil size={16} />
                        </ActionIcon>
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          aria-label={`Delete spend of ${s.spentOn}`}
                          onClick={() =>
                            remove.mutate(s.id, { onError: (e) => notifications.show({ color: 'red', message: errorMessage(e) }) })
                          }
                        >
                          <IconTrash size={16} />
                        </ActionIcon>
                      </Group>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Text size="sm" mt="sm" ta="right">
            Total: <b data-testid="spend-total">{formatMinor(total, currency)}</b>
            {missing > 0 && ` (${missing} without a rate left out)`}
          </Text>
        </>
      )}
      {editing && <SpendModal campaign={campaign} entry={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </Paper>
  );
}
