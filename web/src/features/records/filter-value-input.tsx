import { Group, MultiSelect, NumberInput, Select, TagsInput, Text, TextInput } from '@mantine/core';
import type { FieldInfo } from './field-catalog.ts';
import type { ConditionValue } from './filter-ast.ts';
import { type FilterOp, isListOp, isSpanOp, isUnary, timeUnits } from './filter-ops.ts';
import { NumberValue } from './filter-value-parts.tsx';
import { useMemberOptions } from './record-names.ts';
import { RecordPicker } from './record-picker.tsx';

interface Props {
  field: FieldInfo;
  op: FilterOp;
  value: ConditionValue;
  onChange: (v: ConditionValue) => void;
  error?: string;
}

const size = 'xs';
// Inside the builder's popover: dropdowns render in place, so picking an option is not a click outside it.
const nested = { withinPortal: false };
const asArray = (v: ConditionValue) => (Array.isArray(v) ? v.map(String) : []);

/** The operand editor of one filter condition, by field type and op. */
export function FilterValueInput({ field, op, value, onChange, error }: Props) {
  const members = useMemberOptions();
  const label = `${field.label} value`;
  if (isUnary(op)) return null;
  if (isSpanOp(op)) {
    const span = (value && typeof value === 'object' && !Array.isArray(value) ? value : { n: 30, unit: 'day' }) as {
      n: number;
      unit: string;
    };
    const units = field.type === 'date' ? timeUnits.filter((u) => u !== 'hour') : timeUnits;
    return (
      <Group gap={6} wrap="nowrap">
        <NumberInput
          size={size}
          aria-label={`${field.label} how many`}
          min={1}
          value={span.n}
          onChange={(n) => onChange({ ...span, n: Number(n) || 0 })}
          w={70}
          error={error}
        />
        <Select
          comboboxProps={nested}
          size={size}
          aria-label={`${field.label} unit`}
          data={units.map((u) => ({ value: u, label: `${u}s` }))}
          value={span.unit}
          onChange={(u) => onChange({ ...span, unit: u ?? 'day' })}
          w={100}
        />
      </Group>
    );
  }
  if (op === 'between') {
    const [lo, hi] = Array.isArray(value) ? value : ['', ''];
    const set = (i: 0 | 1) => (v: string | number) => onChange(i === 0 ? [v, hi ?? ''] : [lo ?? '', v]);
    const isDate = field.type === 'date' || field.type === 'datetime';
    return (
      <Group gap={6} wrap="nowrap">
        {isDate ? (
          <TextInput
            size={size}
            type="date"
            aria-label={`${field.label} from`}
            value={String(lo ?? '')}
            onChange={(e) => set(0)(e.currentTarget.value)}
            error={error}
          />
        ) : (
          <NumberValue field={field} value={lo} onChange={set(0)} label={`${field.label} from`} error={error} />
        )}
        <Text size="xs" c="dimmed">
          and
        </Text>
        {isDate ? (
          <TextInput
            size={size}
            type="date"
            aria-label={`${field.label} to`}
            value={String(hi ?? '')}
            onChange={(e) => set(1)(e.currentTarget.value)}
          />
        ) : (
          <NumberValue field={field} value={hi} onChange={set(1)} label={`${field.label} to`} />
        )}
      </Group>
    );
  }
  const options = field.ref === 'member' ? members : field.options;
  if (isListOp(op)) {
    if (options)
      return (
        <MultiSelect
          comboboxProps={nested}
          size={size}
          aria-label={label}
          data={options}
          value={asArray(value)}
          onChange={onChange}
          searchable
          w={240}
          error={error}
        />
      );
    return (
      <TagsInput
        comboboxProps={nested}
        size={size}
        aria-label={label}
        value={asArray(value)}
        onChange={onChange}
        placeholder="Type, then Enter"
        w={240}
        error={error}
      />
    );
  }
  if (field.ref === 'company')
    return (
      <RecordPicker
        comboboxProps={nested}
        entity="company"
        size={size}
        aria-label={label}
        value={typeof value === 'string' ? value : null}
        onChange={(v) => onChange(v ?? undefined)}
        w={220}
        error={error}
      />
    );
  if (options)
    return (
      <Select
        comboboxProps={nested}
        size={size}
        aria-label={label}
        data={options}
        value={typeof value === 'string' ? value : null}
        onChange={(v) => onChange(v ?? undefined)}
        searchable
        w={200}
        error={error}
      />
    );
  if (field.type === 'boolean')
    return (
      <Select
        comboboxProps={nested}
        size={size}
        aria-label={label}
        data={[
          { value: 'true', label: 'Yes' },
          { value: 'false', label: 'No' },
        ]}
        value={value === undefined ? null : String(value)}
        onChange={(v) => onChange(v === null ? undefined : v === 'true')}
        w={100}
        error={error}
      />
    );
  if (field.type === 'number' || field.type === 'money')
    return <NumberValue field={field} value={value} onChange={(n) => onChange(n === '' ? undefined : n)} label={label} error={error} />;
  if (field.type === 'date' || field.type === 'datetime')
    return (
      <TextInput
        size={size}
        type="date"
        aria-label={label}
        value={String(value ?? '')}
        onChange={(e) => onChange(e.currentTarget.value || undefined)}
        error={error}
      />
    );
  return (
    <TextInput
      size={size}
      aria-label={label}
      value={String(value ?? '')}
      onChange={(e) => onChange(e.currentTarget.value)}
      placeholder="Value"
      w={200}
      error={error}
    />
  );
}
