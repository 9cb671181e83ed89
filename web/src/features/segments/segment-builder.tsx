import { ActionIcon, Button, Group, Menu, NumberInput, Paper, Select, Stack, Switch, TagsInput, Text, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import type { FieldInfo } from '../records/field-catalog.ts';
import { type FilterOp, opLabel, opsFor } from '../records/filter-ops.ts';
import { FilterValueInput } from '../records/filter-value-input.tsx';
import { useFields } from '../records/use-fields.ts';
import { eventKinds, newGroup, newRow, type Row, type Group as RowGroup, type SegmentModel } from './segment-model.ts';
import { useLists } from './use-segments.ts';

const size = 'xs';
const matchData = [
  { value: 'and', label: 'all' },
  { value: 'or', label: 'any' },
];

function MatchSelect({ value, onChange, label }: { value: 'and' | 'or'; onChange: (m: 'and' | 'or') => void; label: string }) {
  return (
    <Select
      size={size}
      w={80}
      aria-label={label}
      data={matchData}
      value={value}
      allowDeselect={false}
      onChange={(m) => onChange((m as 'and') ?? 'and')}
    />
  );
}

function FieldRow({
  row,
  set,
  fields,
  byKey,
}: {
  row: Extract<Row, { kind: 'field' }>;
  set: (r: Row) => void;
  fields: FieldInfo[];
  byKey: Map<string, FieldInfo>;
}) {
  const field = byKey.get(row.field);
  return (
    <>
      <Select
        size={size}
        w={170}
        aria-label="Field"
        searchable
        allowDeselect={false}
        data={fields.map((f) => ({ value: f.key, label: f.label }))}
        value={row.field}
        onChange={(key) => {
          const f = key ? byKey.get(key) : undefined;
          if (f) set({ ...row, field: f.key, op: opsFor(f.type)[0]!, value: undefined });
        }}
      />
      {field && (
        <>
          <Select
            size={size}
            w={130}
            aria-label="Condition"
            allowDeselect={false}
            data={opsFor(field.type).map((op) => ({ value: op, label: opLabel(op, field.type) }))}
            value={row.op}
            onChange={(op) => op && set({ ...row, op: op as FilterOp, value: undefined })}
          />
          <FilterValueInput field={field} op={row.op} value={row.value} onChange={(value) => set({ ...row, value })} />
        </>
      )}
    </>
  );
}

function EventRow({ row, set }: { row: Extract<Row, { kind: 'event' }>; set: (r: Row) => void }) {
  return (
    <Group gap={6} wrap="wrap">
      <Select
        size={size}
        w={170}
        aria-label="Behaviour"
        allowDeselect={false}
        data={eventKinds.map(([value, label]) => ({ value, label }))}
        value={row.event}
        onChange={(event) => event && set({ ...row, event })}
      />
      {row.event === 'page_view' || row.event === 'email_click' ? (
        <TextInput
          size={size}
          w={150}
          aria-label="URL contains"
          placeholder="URL contains, e.g. /pricing"
          value={row.url}
          onChange={(e) => set({ ...row, url: e.currentTarget.value })}
        />
      ) : row.event === 'custom' ? (
        <TextInput
          size={size}
          w={150}
          aria-label="Event name"
          placeholder="Event name"
          value={row.name}
          onChange={(e) => set({ ...row, name: e.currentTarget.value })}
        />
      ) : (
        <TextInput
          size={size}
          w={150}
          aria-label="Form, email or event id"
          placeholder="Form/email id (optional)"
          value={row.subjectId}
          onChange={(e) => set({ ...row, subjectId: e.currentTarget.value })}
        />
      )}
      <Text size="xs">at least</Text>
      <NumberInput
        size={size}
        w={64}
        aria-label="At least (times)"
        min={1}
        max={1000}
        value={row.atLeast}
        onChange={(v) => set({ ...row, atLeast: Math.max(1, Number(v) || 1) })}
      />
      <Text size="xs">times in the last</Text>
      <NumberInput
        size={size}
        w={70}
        aria-label="Within days"
        min={1}
        max={3650}
        placeholder="any"
        value={row.days ?? ''}
        onChange={(v) => set({ ...row, days: v === '' ? null : Math.max(1, Number(v) || 1) })}
      />
      <Text size="xs">days</Text>
    </Group>
  );
}

function DealRow({ row, set }: { row: Extract<Row, { kind: 'deal' }>; set: (r: Row) => void }) {
  return (
    <Group gap={6}>
      <Text size="xs">Is on a deal that is</Text>
      <Select
        size={size}
        w={110}
        aria-label="Deal status"
        allowDeselect={false}
        data={[
          { value: 'any', label: 'any status' },
          { value: 'open', label: 'open' },
          { value: 'won', label: 'won' },
          { value: 'lost', label: 'lost' },
        ]}
        value={row.status}
        onChange={(s) => s && set({ ...row, status: s as 'open' })}
      />
      <Text size="xs">{row.status === 'open' ? 'created in the last' : 'closed in the last'}</Text>
      <NumberInput
        size={size}
        w={70}
        aria-label="Deal within days"
        min={1}
        placeholder="any"
        value={row.days ?? ''}
        onChange={(v) => set({ ...row, days: v === '' ? null : Number(v) })}
      />
      <Text size="xs">days</Text>
    </Group>
  );
}

function ListRow({ row, set }: { row: Extract<Row, { kind: 'list' }>; set: (r: Row) => void }) {
  const lists = useLists();
  return (
    <Group gap={6}>
      <Switch
        size="xs"
        label={row.onList ? 'Is on list' : 'Is not on list'}
        checked={row.onList}
        onChange={(e) => set({ ...row, onList: e.currentTarget.checked })}
      />
      <Select
        size={size}
        w={220}
        aria-label="List"
        placeholder={lists.data?.length === 0 ? 'No lists yet' : 'Pick a list'}
        data={(lists.data ?? []).map((l) => ({ value: l.id, label: l.name }))}
        value={row.listId || null}
        onChange={(listId) => set({ ...row, listId: listId ?? '' })}
      />
    </Group>
  );
}

function RowEditor({ row, set, remove }: { row: Row; set: (r: Row) => void; remove: () => void }) {
  const { fields, byKey } = useFields('contact');
  return (
    <Group gap={6} wrap="nowrap" align="flex-start" data-testid="segment-row">
      <Group gap={6} wrap="wrap" style={{ flex: 1 }}>
        {row.kind === 'field' && <FieldRow row={row} set={set} fields={fields} byKey={byKey} />}
        {row.kind === 'event' && <EventRow row={row} set={set} />}
        {row.kind === 'deal' && <DealRow row={row} set={set} />}
        {row.kind === 'list' && <ListRow row={row} set={set} />}
        {row.kind === 'country' && (
          <TagsInput
            size={size}
            w={320}
            label="Company country is one of"
            aria-label="Company countries"
            placeholder="DE, AT, CH…"
            value={row.countries}
            onChange={(countries) => set({ ...row, countries: countries.map((c) => c.trim().toUpperCase()) })}
          />
        )}
      </Group>
      <ActionIcon variant="subtle" color="gray" onClick={remove} aria-label="Remove condition" mt={2}>
        <IconTrash size={15} />
      </ActionIcon>
    </Group>
  );
}

function AddRow({ onAdd, label = 'Add condition' }: { onAdd: (r: Row) => void; label?: string }) {
  return (
    <Menu position="bottom-start">
      <Menu.Target>
        <Button variant="subtle" size="xs" leftSection={<IconPlus size={14} />}>
          {label}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item onClick={() => onAdd(newRow('field'))}>Contact field</Menu.Item>
        <Menu.Item onClick={() => onAdd(newRow('event'))}>Behaviour (page views, forms, email…)</Menu.Item>
        <Menu.Item onClick={() => onAdd(newRow('deal'))}>Deal</Menu.Item>
        <Menu.Item onClick={() => onAdd(newRow('list'))}>List membership</Menu.Item>
        <Menu.Item onClick={() => onAdd(newRow('country'))}>Company country</Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

function GroupEditor({
  group,
  index,
  set,
  remove,
  outer,
}: {
  group: RowGroup;
  index: number;
  set: (g: RowGroup) => void;
  remove: () => void;
  outer: 'and' | 'or';
}) {
  const setRow = (r: Row) => set({ ...group, rows: group.rows.map((x) => (x.id === r.id ? r : x)) });
  return (
    <Paper withBorder p="sm" radius="md" role="group" aria-label={`Condition group ${index + 1}`}>
      <Stack gap="xs">
        <Group justify="space-between">
          <Group gap={6}>
            <Text size="sm" fw={500}>
              {index === 0 ? 'Contacts matching' : outer === 'and' ? 'and matching' : 'or matching'}
            </Text>
            <MatchSelect label={`Group ${index + 1} match`} value={group.match} onChange={(match) => set({ ...group, match })} />
            <Text size="sm">of</Text>
          </Group>
          <ActionIcon variant="subtle" color="gray" onClick={remove} aria-label={`Remove group ${index + 1}`}>
            <IconTrash size={15} />
          </ActionIcon>
        </Group>
        {group.rows.length === 0 && (
          <Text size="xs" c="dimmed">
            No conditions yet: add one (a field, behaviour, a deal, a list or a company country).
          </Text>
        )}
        {group.rows.map((r) => (
          <RowEditor key={r.id} row={r} set={setRow} remove={() => set({ ...group, rows: group.rows.filter((x) => x.id !== r.id) })} />
        ))}
        <Group>
          <AddRow onAdd={(r) => set({ ...group, rows: [...group.rows, r] })} />
        </Group>
      </Stack>
    </Paper>
  );
}

/** The visual segment builder: groups of conditions (fields, behaviour, deals, lists, company), all/any at both levels. */
export function SegmentBuilder({ value, onChange }: { value: SegmentModel; onChange: (m: SegmentModel) => void }) {
  const setGroup = (g: RowGroup) => onChange({ ...value, groups: value.groups.map((x) => (x.id === g.id ? g : x)) });
  return (
    <Stack gap="sm" aria-label="Segment builder">
      {value.groups.length > 1 && (
        <Group gap={6}>
          <Text size="sm">Match</Text>
          <MatchSelect label="Groups match" value={value.match} onChange={(match) => onChange({ ...value, match })} />
          <Text size="sm">of these groups</Text>
        </Group>
      )}
      {value.groups.map((g, i) => (
        <GroupEditor
          key={g.id}
          group={g}
          index={i}
          outer={value.match}
          set={setGroup}
          remove={() => onChange({ ...value, groups: value.groups.filter((x) => x.id !== g.id) })}
        />
      ))}
      <Group>
        <Button
          variant="light"
          size="xs"
          leftSection={<IconPlus size={14} />}
          onClick={() => onChange({ ...value, groups: [...value.groups, newGroup()] })}
        >
          Add group
        </Button>
      </Group>
    </Stack>
  );
}
