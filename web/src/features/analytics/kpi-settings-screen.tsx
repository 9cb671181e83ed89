import { Button, Group, NumberInput, Paper, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCoins, IconWorld } from '@tabler/icons-react';
import type { UseQueryResult } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useEffect, useState } from 'react';
import { ConfirmButton } from '../../components/confirm-button.tsx';
import { Empty } from '../../components/empty.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { LoadingCard, TableCard } from '../../components/table-card.tsx';
import { api } from '../../lib/api/index.ts';
import { formatMinor, minorDigits } from '../deals/money.ts';
import { useWorkspace } from '../workspace/use-workspace.ts';
import { type KpiSettings, salesCostCategories } from './analytics-types.ts';
import { useAnalyticsMutation, useKpiSettings, useMarketSizes, useSalesCosts } from './use-analytics.ts';

const toMinor = (major: number, currency: string) => Math.round(major * 10 ** minorDigits(currency));
const unitHint = {
  percent: '%',
  money: 'minor units',
  money_per_day: 'minor units/day',
  ratio: ': 1',
  days: 'days',
  minutes: 'min',
} as const;

/** Targets per KPI and the workspace's gross margin. */
function TargetsCard({ settings }: { settings: KpiSettings }) {
  const [draft, setDraft] = useState<Record<string, number | ''>>({});
  const [margin, setMargin] = useState<number | ''>(Math.round(settings.grossMargin * 100));
  const save = useAnalyticsMutation((body: unknown) => api.patch('/api/analytics/settings', body));
  useEffect(() => setMargin(Math.round(settings.grossMargin * 100)), [settings.grossMargin]);
  const shown = (kpi: KpiSettings['targets'][number]) =>
    kpi.kpi in draft
      ? draft[kpi.kpi]!
      : kpi.target === null
        ? ''
        : kpi.unit === 'percent'
          ? Math.round(kpi.target * 1000) / 10
          : kpi.target;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const targets: Record<string, number | null> = {};
    for (const k of settings.targets)
      if (k.kpi in draft) {
        const v = draft[k.kpi];
        targets[k.kpi] = v === '' || v === undefined ? null : k.unit === 'percent' ? Number(v) / 100 : Number(v);
      }
    await save.mutateAsync({ targets, ...(margin !== '' && { grossMargin: Number(margin) / 100 }) });
    setDraft({});
    notifications.show({ color: 'teal', title: 'Targets saved', message: 'The dashboard uses them now.' });
  };
  return (
    <Paper p="lg" component="form" onSubmit={submit}>
      <Stack gap="md">
        <Title order={2} size="h4">
          Targets
        </Title>
        <Text size="sm" c="dimmed">
          Each KPI is judged against its target in the direction that is good (higher or lower). Leave a field empty for no target.
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
          {settings.targets.map((k) => (
            <NumberInput
              key={k.kpi}
              label={k.name}
              description={k.isDefault && !(k.kpi in draft) ? 'default' : 'your target'}
              rightSection={
                <Text size="xs" c="dimmed">
                  {unitHint[k.unit]}
                </Text>
              }
              rightSectionWidth={80}
              value={shown(k)}
              onChange={(v) => setDraft((d) => ({ ...d, [k.kpi]: v === '' ? '' : Number(v) }))}
              decimalScale={k.unit === 'percent' || k.unit === 'ratio' ? 2 : 0}
            />
          ))}
          <NumberInput
            label="Gross margin"
            description="for customer lifetime value"
            rightSection={
              <Text size="xs" c="dimmed">
                %
              </Text>
            }
            min={0}
            max={100}
            value={margin}
            onChange={(v) => setMargin(v === '' ? '' : Number(v))}
          />
        </SimpleGrid>
        {save.error && <ErrorAlert error={save.error} title="Could not save the targets" />}
        <Group>
          <Button type="submit" loading={save.isPending}>
            Save targets
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

function currentMonth() {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
}

/** A list of rows with a delete button each, and its loading, error and empty states. */
function RowsTable<R extends { id: string }>({
  label,
  query,
  empty,
  columns,
  describe,
  onDelete,
}: {
  label: string;
  query: UseQueryResult<R[]>;
  empty: ReactNode;
  columns: { header: string; cell: (row: R) => ReactNode; right?: boolean }[];
  describe: (row: R) => string;
  onDelete: (row: R) => Promise<unknown>;
}) {
  if (query.isPending) return <LoadingCard label={`Loading ${label.toLowerCase()}`} />;
  if (query.error)
    return <ErrorAlert error={query.error} title={`Could not load ${label.toLowerCase()}`} onRetry={() => query.refetch()} />;
  if (query.data.length === 0) return <Paper>{empty}</Paper>;
  return (
    <TableCard label={label} minWidth={560}>
      <Table.Thead>
        <Table.Tr>
          {columns.map((c) => (
            <Table.Th key={c.header} ta={c.right ? 'right' : undefined}>
              {c.header}
            </Table.Th>
          ))}
          <Table.Th />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {query.data.map((row) => (
          <Table.Tr key={row.id}>
            {columns.map((c) => (
              <Table.Td key={c.header} ta={c.right ? 'right' : undefined}>
                {c.cell(row)}
              </Table.Td>
            ))}
            <Table.Td ta="right">
              <ConfirmButton
                size="xs"
                variant="subtle"
                color="red"
                title="Delete this row?"
                message={describe(row)}
                confirmLabel="Delete"
                aria-label={`Delete ${describe(row)}`}
                onConfirm={() => onDelete(row)}
              >
                Delete
              </ConfirmButton>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </TableCard>
  );
}

/** Sales costs per month: what, together with campaign spend, acquisition costs. */
function SalesCostsCard({ currency }: { currency: string }) {
  const costs = useSalesCosts();
  const [form, setForm] = useState({ month: currentMonth(), category: 'salaries', amount: '' as number | '', currency, note: '' });
  const add = useAnalyticsMutation((body: unknown) => api.post('/api/analytics/sales-costs', body));
  const remove = useAnalyticsMutation((id: string) => api.delete(`/api/analytics/sales-costs/${id}`));
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (form.amount === '') return;
    await add.mutateAsync({ ...form, amount: toMinor(Number(form.amount), form.currency), note: form.note || null });
    setForm((f) => ({ ...f, amount: '', note: '' }));
  };
  return (
    <Stack gap="sm">
      <Title order={2} size="h4">
        Sales costs
      </Title>
      <Paper p="md" component="form" onSubmit={submit} aria-label="Add a sales cost">
        <Group align="flex-end" gap="sm">
          <TextInput
            label="Month"
            type="month"
            required
            value={form.month}
            onChange={(e) => setForm({ ...form, month: e.currentTarget.value })}
            w={160}
          />
          <Select
            label="Category"
            data={salesCostCategories.map((c) => ({ value: c, label: c[0]!.toUpperCase() + c.slice(1) }))}
            value={form.category}
            onChange={(v) => v && setForm({ ...form, category: v })}
            allowDeselect={false}
            w={150}
          />
          <NumberInput
            label="Amount"
            required
            min={0}
            value={form.amount}
            onChange={(v) => setForm({ ...form, amount: v === '' ? '' : Number(v) })}
            w={150}
            thousandSeparator
          />
          <TextInput
            label="Currency"
            value={form.currency}
            onChange={(e) => setForm({ ...form, currency: e.currentTarget.value.toUpperCase() })}
            w={90}
            maxLength={3}
          />
          <TextInput
            label="Note"
            value={form.note}
            onChange={(e) => setForm({ ...form, note: e.currentTarget.value })}
            style={{ flex: 1, minWidth: 140 }}
          />
          <Button type="submit" loading={add.isPending}>
            Add cost
          </Button>
        </Group>
        {add.error && <ErrorAlert error={add.error} title="Could not add the cost" />}
      </Paper>
      <RowsTable
        label="Sales costs"
        query={costs}
        empty={
          <Empty
            icon={<IconCoins />}
            title="No sales costs yet"
            description="Enter each month's sales salaries, commissions and tools so acquisition cost and ROI are real, not guessed."
          />
        }
        columns={[
          { header: 'Month', cell: (c) => c.month.slice(0, 7) },
          { header: 'Category', cell: (c) => c.category },
          { header: 'Amount', cell: (c) => formatMinor(c.amount, c.currency), right: true },
          { header: 'Note', cell: (c) => c.note },
        ]}
        describe={(c) => `${c.category} of ${c.month.slice(0, 7)}: ${formatMinor(c.amount, c.currency)}`}
        onDelete={(c) => remove.mutateAsync(c.id)}
      />
    </Stack>
  );
}

/** Market sizes per year or quarter, for market share. */
function MarketSizesCard({ currency }: { currency: string }) {
  const sizes = useMarketSizes();
  const [form, setForm] = useState({ market: '', period: String(new Date().getFullYear()), amount: '' as number | '', currency });
  const add = useAnalyticsMutation((body: unknown) => api.post('/api/analytics/market-sizes', body));
  const remove = useAnalyticsMutation((id: string) => api.delete(`/api/analytics/market-sizes/${id}`));
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (form.amount === '') return;
    await add.mutateAsync({ ...form, amount: toMinor(Number(form.amount), form.currency) });
    setForm((f) => ({ ...f, market: '', amount: '' }));
  };
  return (
    <Stack gap="sm">
      <Title order={2} size="h4">
        Market sizes
      </Title>
      <Paper p="md" component="form" onSubmit={submit} aria-label="Add a market size">
        <Group align="flex-end" gap="sm">
          <TextInput
            label="Market"
            required
            placeholder="DACH mid-market CRM"
            value={form.market}
            onChange={(e) => setForm({ ...form, market: e.currentTarget.value })}
            style={{ flex: 1, minWidth: 180 }}
          />
          <TextInput
            label="Year or quarter"
            required
            placeholder="2026 or 2026-Q4"
            value={form.period}
            onChange={(e) => setForm({ ...form, period: e.currentTarget.value })}
            w={140}
          />
          <NumberInput
            label="Total size"
            required
            min={0}
            value={form.amount}
            onChange={(v) => setForm({ ...form, amount: v === '' ? '' : Number(v) })}
            w={170}
            thousandSeparator
          />
          <TextInput
            label="Currency"
            value={form.currency}
            onChange={(e) => setForm({ ...form, currency: e.currentTarget.value.toUpperCase() })}
            w={90}
            maxLength={3}
          />
          <Button type="submit" loading={add.isPending}>
            Add market
          </Button>
        </Group>
        {add.error && <ErrorAlert error={add.error} title="Could not add the market size" />}
      </Paper>
      <RowsTable
        label="Market sizes"
        query={sizes}
        empty={
          <Empty
            icon={<IconWorld />}
            title="No market sizes yet"
            description="Enter the total size of the markets you sell in, per year or quarter, to see your market share."
          />
        }
        columns={[
          { header: 'Market', cell: (m) => m.market },
          { header: 'Period', cell: (m) => m.period },
          { header: 'Size', cell: (m) => formatMinor(m.amount, m.currency), right: true },
        ]}
        describe={(m) => `${m.market}, ${m.period}`}
        onDelete={(m) => remove.mutateAsync(m.id)}
      />
    </Stack>
  );
}

/** KPI targets, gross margin, sales costs and market sizes: the inputs only the workspace knows. */
export function KpiSettingsScreen() {
  const settings = useKpiSettings();
  const workspace = useWorkspace();
  const currency = workspace.data?.currency ?? 'USD';
  return (
    <Stack gap="xl">
      <PageHeader
        title="Targets & costs"
        description="What the KPI dashboard measures against, and the costs and market sizes it cannot know by itself."
      />
      {settings.isPending ? (
        <LoadingCard label="Loading targets" />
      ) : settings.error ? (
        <ErrorAlert error={settings.error} title="Could not load the targets" onRetry={() => settings.refetch()} />
      ) : (
        <TargetsCard settings={settings.data} />
      )}
      {workspace.data ? (
        <>
          <SalesCostsCard currency={currency} />
          <MarketSizesCard currency={currency} />
        </>
      ) : (
        <LoadingCard label="Loading costs" />
      )}
    </Stack>
  );
}
