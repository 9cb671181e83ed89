import { ActionIcon, Button, Group, MultiSelect, NumberInput, Paper, Select, Skeleton, Stack, Table, Tabs, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowDown, IconArrowUp, IconPlus, IconTrash } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { ConfirmButton } from '../../components/confirm-button.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { ApiError, errorMessage } from '../../lib/api/index.ts';
import { useCustomFields } from '../custom-fields/use-custom-fields.ts';
import { type Pipeline, requirableFieldLabels, type StageBody } from './deal-types.ts';
import { useDeletePipeline, usePipelines, useSavePipeline } from './use-deals.ts';

type Row = StageBody & { key: string };
let seq = 0;
const rowsOf = (p: Pipeline | null): Row[] =>
  p
    ? p.stages.map((s) => ({
        key: s.id,
        id: s.id,
        name: s.name,
        probability: s.probability,
        type: s.type,
        requiredFields: s.requiredFields,
        rottingDays: s.rottingDays,
      }))
    : [
        { key: 'n1', name: 'Qualification', probability: 10, type: 'open', requiredFields: [] },
        { key: 'n2', name: 'Proposal', probability: 50, type: 'open', requiredFields: ['amount', 'close_date'] },
        { key: 'n3', name: 'Won', probability: 100, type: 'won', requiredFields: [] },
        { key: 'n4', name: 'Lost', probability: 0, type: 'lost', requiredFields: ['loss_reason'] },
      ];

/** The stages editor of one pipeline (or a new one): order, probability, type, required fields, rotting days. */
function PipelineEditor({ pipeline, onSaved }: { pipeline: Pipeline | null; onSaved: (p: Pipeline) => void }) {
  const save = useSavePipeline(pipeline?.id ?? null);
  const remove = useDeletePipeline();
  const fields = useCustomFields('deal');
  const [name, setName] = useState(pipeline?.name ?? '');
  const [rotting, setRotting] = useState<number | string>(pipeline?.rottingDays ?? '');
  const [rows, setRows] = useState<Row[]>(() => rowsOf(pipeline));
  useEffect(() => {
    setName(pipeline?.name ?? '');
    setRotting(pipeline?.rottingDays ?? '');
    setRows(rowsOf(pipeline));
  }, [pipeline]);
  const requirable = [
    ...Object.entries(requirableFieldLabels).map(([value, label]) => ({ value, label })),
    ...(fields.data ?? []).map((f) => ({ value: `custom.${f.key}`, label: f.label })),
  ];
  const set = (i: number, p: Partial<Row>) => setRows((r) => r.map((x, j) => (j === i ? { ...x, ...p } : x)));
  const swap = (i: number, j: number) =>
    setRows((r) => {
      if (j < 0 || j >= r.length) return r;
      const next = [...r];
      [next[i], next[j]] = [next[j]!, next[i]!];
      return next;
    });
  const err = save.error instanceof ApiError ? save.error : null;
  const badRow = (err?.details as { path?: (string | number)[] } | undefined)?.path?.[2];
  const submit = () =>
    save.mutate(
      {
        name,
        rottingDays: rotting === '' ? null : Number(rotting),
        stages: rows.map(({ key: _k, ...s }) => ({ ...s, rottingDays: s.rottingDays ?? null })),
      },
      {
        onSuccess: (p) => {
          notifications.show({ color: 'teal', message: `Pipeline “${p.name}” saved` });
          onSaved(p);
        },
      },
    );
  return (
    <Paper p="md">
      <Stack gap="md">
        <Group align="flex-end">
          <TextInput label="Pipeline name" required value={name} onChange={(e) => setName(e.currentTarget.value)} w={280} />
          <NumberInput
            label="Rotting after (days)"
            description="Open deals with no stage change or activity for this long are marked"
            min={1}
            value={rotting}
            onChange={setRotting}
            w={260}
          />
        </Group>
        <Table.ScrollContainer minWidth={900}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={90}>Order</Table.Th>
                <Table.Th>Stage</Table.Th>
                <Table.Th w={110}>Probability %</Table.Th>
                <Table.Th w={120}>Type</Table.Th>
                <Table.Th>Required to enter</Table.Th>
                <Table.Th w={110}>Rotting days</Table.Th>
                <Table.Th w={50} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r, i) => (
                <Table.Tr key={r.key} bg={badRow === i ? 'var(--mantine-color-red-light)' : undefined}>
                  <Table.Td>
                    <Group gap={2} wrap="nowrap">
                      <ActionIcon variant="subtle" aria-label={`Move ${r.name} up`} onClick={() => swap(i, i - 1)} disabled={i === 0}>
                        <IconArrowUp size={14} />
                      </ActionIcon>
                      <ActionIcon
                        variant="subtle"
                        aria-label={`Move ${r.name} down`}
                        onClick={() => swap(i, i + 1)}
                        disabled={i === rows.length - 1}
                      >
                        <IconArrowDown size={14} />
                      </ActionIcon>
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <TextInput aria-label="Stage name" value={r.name} onChange={(e) => set(i, { name: e.currentTarget.value })} />
                  </Table.Td>
                  <Table.Td>
                    <NumberInput
                      aria-label="Win probability"
                      min={0}
                      max={100}
                      value={r.probability}
                      onChange={(v) => set(i, { probability: Number(v) })}
                    />
                  </Table.Td>
                  <Table.Td>
                    <Select
                      aria-label="Stage type"
                      allowDeselect={false}
                      data={[
                        { value: 'open', label: 'Open' },
                        { value: 'won', label: 'Won' },
                        { value: 'lost', label: 'Lost' },
                      ]}
                      value={r.type ?? 'open'}
                      onChange={(v) => set(i, { type: v as Row['type'] })}
                    />
                  </Table.Td>
                  <Table.Td>
                    <MultiSelect
                      aria-label="Required fields"
                      data={requirable}
                      value={r.requiredFields ?? []}
                      onChange={(v) => set(i, { requiredFields: v })}
                    />
                  </Table.Td>
                  <Table.Td>
                    <NumberInput
                      aria-label="Rotting days"
                      min={1}
                      value={r.rottingDays ?? ''}
                      onChange={(v) => set(i, { rottingDays: v === '' ? null : Number(v) })}
                    />
                  </Table.Td>
                  <Table.Td>
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={`Remove ${r.name}`}
                      onClick={() => setRows((x) => x.filter((_, j) => j !== i))}
                    >
                      <IconTrash size={14} />
                    </ActionIcon>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {save.error && <ErrorAlert error={save.error} title="Could not save the pipeline" />}
        <Group justify="space-between">
          <Button
            variant="default"
            leftSection={<IconPlus size={14} />}
            onClick={() =>
              setRows((r) => [
                ...r.filter((x) => x.type === 'open'),
                { key: `new${++seq}`, name: '', probability: 50, type: 'open', requiredFields: [] },
                ...r.filter((x) => x.type !== 'open'),
              ])
            }
          >
            Add stage
          </Button>
          <Group>
            {pipeline && (
              <ConfirmButton
                title={`Delete ${pipeline.name}?`}
                message="Only a pipeline without deals can be deleted."
                confirmLabel="Delete pipeline"
                onConfirm={() =>
                  remove
                    .mutateAsync(pipeline.id)
                    .catch((e) => notifications.show({ color: 'red', title: 'Could not delete', message: errorMessage(e) }))
                }
              >
                Delete pipeline
              </ConfirmButton>
            )}
            <Button onClick={submit} loading={save.isPending}>
              {pipeline ? 'Save pipeline' : 'Create pipeline'}
            </Button>
          </Group>
        </Group>
      </Stack>
    </Paper>
  );
}

/** Settings → Pipelines: one tab per pipeline, and a tab to create one. */
export function PipelinesScreen() {
  const pipelines = usePipelines();
  const [tab, setTab] = useState<string | null>(null);
  if (pipelines.isPending) return <Skeleton height={300} />;
  if (pipelines.isError) return <ErrorAlert error={pipelines.error} title="Could not load pipelines" onRetry={() => pipelines.refetch()} />;
  const list = pipelines.data;
  const active = tab ?? list[0]?.id ?? 'new';
  return (
    <>
      <PageHeader
        title="Pipelines"
        description="The stages deals move through: win probability for weighted totals, fields required to enter a stage, and when an idle deal counts as rotting."
      />
      <Tabs value={active} onChange={setTab} keepMounted={false}>
        <Tabs.List mb="md">
          {list.map((p) => (
            <Tabs.Tab key={p.id} value={p.id}>
              {p.name}
            </Tabs.Tab>
          ))}
          <Tabs.Tab value="new" leftSection={<IconPlus size={14} />}>
            New pipeline
          </Tabs.Tab>
        </Tabs.List>
        {list.map((p) => (
          <Tabs.Panel key={p.id} value={p.id}>
            <PipelineEditor pipeline={p} onSaved={() => {}} />
          </Tabs.Panel>
        ))}
        <Tabs.Panel value="new">
          <PipelineEditor pipeline={null} onSaved={(p) => setTab(p.id)} />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
