import { Button, Group, NumberInput, Paper, SegmentedControl, Select, Skeleton, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconLayoutKanban, IconPlus, IconSearch, IconSettings, IconTable } from '@tabler/icons-react';
import { useState } from 'react';
import { Empty } from '../../components/empty.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { ButtonLink } from '../../components/links.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { useMe, usePermissions } from '../auth/use-me.ts';
import { useMemberOptions } from '../records/record-names.ts';
import { useToday } from '../workspace/use-today.ts';
import { useWorkspace } from '../workspace/use-workspace.ts';
import { type BoardFilters, noFilters, toFilter } from './deal-filters.ts';
import { DealFormModal } from './deal-form-modal.tsx';
import { DealTable } from './deal-table.tsx';
import { DealsBoard } from './deals-board.tsx';
import { formatMinor } from './money.ts';
import { useBoard, usePipelines } from './use-deals.ts';

/** Deals: one pipeline at a time as a kanban board or a table, with quick filters and the open pipeline's totals. */
export function DealsScreen({
  pipelineId,
  view,
  onChange,
}: {
  pipelineId?: string;
  view: 'board' | 'table';
  onChange: (s: { pipeline?: string; view?: 'board' | 'table' }) => void;
}) {
  const can = usePermissions();
  const me = useMe();
  const currency = useWorkspace().data?.currency ?? 'USD';
  const pipelines = usePipelines();
  const members = useMemberOptions();
  const [filters, setFilters] = useState<BoardFilters>(noFilters);
  const [text] = useDebouncedValue(filters.text, 250);
  const [creating, setCreating] = useState(false);
  const current = pipelines.data?.find((p) => p.id === pipelineId) ?? pipelines.data?.[0];
  const today = useToday();
  const filter = toFilter({ ...filters, text, minAmount: filters.minAmount === null ? null : filters.minAmount * 100 }, today);
  const board = useBoard(view === 'board' ? (current?.id ?? null) : null, filter);
  if (pipelines.isPending) return <Skeleton height={400} radius="lg" aria-label="Loading pipelines" />;
  if (pipelines.isError) return <ErrorAlert error={pipelines.error} title="Could not load pipelines" onRetry={() => pipelines.refetch()} />;
  if (!current)
    return (
      <>
        <PageHeader title="Deals" />
        <Paper>
          <Empty
            icon={<IconLayoutKanban size={26} />}
            title="No pipeline yet"
            description="A pipeline is the sequence of stages your deals move through. Create one to start tracking deals."
            action={can('pipelines:manage') ? <ButtonLink to="/settings/pipelines">Set up a pipeline</ButtonLink> : undefined}
          />
        </Paper>
      </>
    );
  const set = (p: Partial<BoardFilters>) => setFilters((f) => ({ ...f, ...p }));
  return (
    <>
      <PageHeader
        title="Deals"
        description={
          board.data
            ? `${board.data.open.count.toLocaleString()} open deals · ${formatMinor(board.data.open.amount, board.data.reportingCurrency)} · weighted ${formatMinor(board.data.open.weightedAmount, board.data.reportingCurrency)}`
            : `Pipeline ${current.name}`
        }
        actions={
          <>
            {can('pipelines:manage') && (
              <ButtonLink to="/settings/pipelines" variant="default" leftSection={<IconSettings size={16} />}>
                Pipelines
              </ButtonLink>
            )}
            {can('deals:write') && (
              <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
                New deal
              </Button>
            )}
          </>
        }
      />
      <Stack gap="md">
        <Group gap="sm" wrap="wrap" align="flex-end">
          <Select
            label="Pipeline"
            w={220}
            data={(pipelines.data ?? []).map((p) => ({ value: p.id, label: p.name }))}
            value={current.id}
            allowDeselect={false}
            onChange={(v) => v && onChange({ pipeline: v, view })}
          />
          <TextInput
            label="Search"
            placeholder="Deal name"
            leftSection={<IconSearch size={14} />}
            value={filters.text}
            onChange={(e) => set({ text: e.currentTarget.value })}
            w={200}
          />
          <Select
            label="Owner"
            placeholder="Anyone"
            w={180}
            data={members}
            value={filters.ownerId}
            onChange={(v) => set({ ownerId: v })}
            clearable
            searchable
          />
          <Button variant="subtle" onClick={() => set({ ownerId: me.user?.id ?? null })}>
            My deals
          </Button>
          <NumberInput
            label={`Amount at least (${currency})`}
            w={170}
            min={0}
            thousandSeparator=","
            value={filters.minAmount ?? ''}
            onChange={(v) => set({ minAmount: v === '' ? null : Number(v) })}
          />
          <Select
            label="Closing"
            placeholder="Any time"
            w={150}
            clearable
            data={[
              { value: '30', label: 'Within 30 days' },
              { value: '90', label: 'Within 90 days' },
            ]}
            value={filters.closingWithinDays === null ? null : String(filters.closingWithinDays)}
            onChange={(v) => set({ closingWithinDays: v ? Number(v) : null })}
          />
          <SegmentedControl
            ml="auto"
            aria-label="View"
            value={view}
            onChange={(v) => onChange({ pipeline: current.id, view: v as 'board' | 'table' })}
            data={[
              {
                value: 'board',
                label: (
                  <Group gap={4} wrap="nowrap">
                    <IconLayoutKanban size={14} /> Board
                  </Group>
                ),
              },
              {
                value: 'table',
                label: (
                  <Group gap={4} wrap="nowrap">
                    <IconTable size={14} /> Table
                  </Group>
                ),
              },
            ]}
          />
        </Group>
        {view === 'table' ? (
          <DealTable pipeline={current} filter={filter} />
        ) : board.isError ? (
          <ErrorAlert error={board.error} title="Could not load the board" onRetry={() => board.refetch()} />
        ) : !board.data ? (
          <Skeleton height={420} radius="lg" aria-label="Loading the board" />
        ) : (
          <>
            {board.data.columns.every((c) => c.count === 0) && (
              <Text size="sm" c="dimmed">
                {filter
                  ? 'No deals match these filters.'
                  : 'No deals in this pipeline yet: create one with “New deal”, or convert a contact from its page.'}
              </Text>
            )}
            <DealsBoard board={board.data} filter={filter} canMove={can('deals:write')} />
          </>
        )}
      </Stack>
      {creating && <DealFormModal pipeline={current} opened onClose={() => setCreating(false)} />}
    </>
  );
}
