import { ActionIcon, Button, Group, Popover, Select, Stack, Text } from '@mantine/core';
import { IconFilter, IconPlus, IconTrash } from '@tabler/icons-react';
import type { FieldInfo } from './field-catalog.ts';
import { type Condition, type FilterModel, isComplete, newCondition } from './filter-ast.ts';
import { type FilterOp, isSpanOp, isUnary, opLabel, opsFor } from './filter-ops.ts';
import { FilterValueInput } from './filter-value-input.tsx';

interface Props {
  fields: FieldInfo[];
  byKey: Map<string, FieldInfo>;
  value: FilterModel;
  onChange: (m: FilterModel) => void;
  opened: boolean;
  onOpenedChange: (o: boolean) => void;
  /** The server's complaint about the filter, and the row it points at. */
  error?: { conditionId?: string; message: string };
}

const nested = { withinPortal: false };

/** Ops a field offers in the builder (company ids are picked one at a time). */
const opsOf = (f: FieldInfo) => opsFor(f.type).filter((op) => !(f.ref === 'company' && (op === 'in' || op === 'not_in')));

function ConditionRow({ c, index, p }: { c: Condition; index: number; p: Props }) {
  const field = p.byKey.get(c.field);
  const set = (patch: Partial<Condition>) =>
    p.onChange({ ...p.value, conditions: p.value.conditions.map((x) => (x.id === c.id ? { ...x, ...patch } : x)) });
  const remove = () => p.onChange({ ...p.value, conditions: p.value.conditions.filter((x) => x.id !== c.id) });
  const error = p.error?.conditionId === c.id ? p.error.message : undefined;
  const groups = [
    { group: 'Fields', items: p.fields.filter((f) => !f.custom).map((f) => ({ value: f.key, label: f.label })) },
    { group: 'Custom fields', items: p.fields.filter((f) => f.custom).map((f) => ({ value: f.key, label: f.label })) },
  ].filter((g) => g.items.length > 0);
  const changeField = (key: string | null) => {
    const f = key ? p.byKey.get(key) : undefined;
    if (f) set({ ...newCondition(f), id: c.id });
  };
  const changeOp = (op: FilterOp) => {
    const keepValue =
      !isUnary(op) &&
      isSpanOp(op) === isSpanOp(c.op) &&
      (op === 'between') === (c.op === 'between') &&
      Array.isArray(c.value) === ['in', 'not_in', 'has_any', 'has_all', 'has_none'].includes(op);
    set({ op, value: keepValue ? c.value : isSpanOp(op) ? { n: 30, unit: 'day' } : undefined });
  };
  return (
    <Group gap={6} wrap="nowrap" align="flex-start" data-testid="filter-condition">
      <Text size="xs" c="dimmed" w={44} pt={6} ta="right">
        {index === 0 ? 'Where' : p.value.match === 'and' ? 'and' : 'or'}
      </Text>
      <Select
        comboboxProps={nested}
        size="xs"
        aria-label="Field"
        data={groups}
        value={c.field}
        onChange={changeField}
        searchable
        w={170}
        allowDeselect={false}
      />
      {field && (
        <>
          <Select
            comboboxProps={nested}
            size="xs"
            aria-label="Condition"
            data={opsOf(field).map((op) => ({ value: op, label: opLabel(op, field.type) }))}
            value={c.op}
            onChange={(op) => op && changeOp(op as FilterOp)}
            w={130}
            allowDeselect={false}
          />
          <FilterValueInput field={field} op={c.op} value={c.value} onChange={(value) => set({ value })} error={error} />
        </>
      )}
      <ActionIcon variant="subtle" color="gray" onClick={remove} aria-label="Remove condition" mt={2}>
        <IconTrash size={15} />
      </ActionIcon>
    </Group>
  );
}

/** The filter builder: conditions on any field (custom ones too), all or any of them, applied as you edit. */
export function FilterBuilder(p: Props) {
  const active = p.value.conditions.filter(isComplete).length;
  const add = () => {
    const first = p.fields.find((f) => f.key !== 'display_name' && f.key !== 'name') ?? p.fields[0];
    if (first) p.onChange({ ...p.value, conditions: [...p.value.conditions, newCondition(first)] });
  };
  return (
    <Popover
      opened={p.opened}
      onChange={p.onOpenedChange}
      position="bottom-start"
      shadow="md"
      width="auto"
      trapFocus
      closeOnEscape
      withRoles={false}
    >
      <Popover.Target>
        <Button
          variant={active ? 'light' : 'default'}
          leftSection={<IconFilter size={16} />}
          onClick={() => {
            // An empty builder opens with a first condition to fill in.
            if (!p.opened && p.value.conditions.length === 0) add();
            p.onOpenedChange(!p.opened);
          }}
          aria-expanded={p.opened}
        >
          Filter{active ? ` · ${active}` : ''}
        </Button>
      </Popover.Target>
      <Popover.Dropdown p="md" maw="min(760px, 94vw)" aria-label="Filter builder" role="dialog">
        <Stack gap="sm">
          {p.value.conditions.length > 1 && (
            <Group gap={6}>
              <Text size="sm">Match</Text>
              <Select
                comboboxProps={nested}
                size="xs"
                aria-label="Match"
                w={90}
                data={[
                  { value: 'and', label: 'all' },
                  { value: 'or', label: 'any' },
                ]}
                value={p.value.match}
                onChange={(m) => p.onChange({ ...p.value, match: (m as 'and' | 'or') ?? 'and' })}
                allowDeselect={false}
              />
              <Text size="sm">of these conditions</Text>
            </Group>
          )}
          {p.value.conditions.length === 0 && (
            <Text size="sm" c="dimmed">
              No conditions: every record is shown. Add one to narrow the list.
            </Text>
          )}
          {p.value.conditions.map((c, i) => (
            <ConditionRow key={c.id} c={c} index={i} p={p} />
          ))}
          {p.error && !p.error.conditionId && (
            <Text size="xs" c="red" role="alert">
              {p.error.message}
            </Text>
          )}
          <Group justify="space-between">
            <Button variant="subtle" size="xs" leftSection={<IconPlus size={14} />} onClick={add}>
              Add condition
            </Button>
            {p.value.conditions.length > 0 && (
              <Button variant="subtle" color="gray" size="xs" onClick={() => p.onChange({ ...p.value, conditions: [] })}>
                Clear all
              </Button>
            )}
          </Group>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
