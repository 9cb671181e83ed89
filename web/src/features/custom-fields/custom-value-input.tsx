import { MultiSelect, NumberInput, Select, Textarea, TextInput } from '@mantine/core';
import type { CustomField } from '../records/crm-types.ts';
import { formatDate, formatMoney, formatNumber, formatShortDateTime } from '../records/format.ts';

interface Props {
  def: CustomField;
  value: unknown;
  onChange: (v: unknown) => void;
  error?: string;
  autoFocus?: boolean;
}

/** "2024-05-01T09:30:00.000Z" → the local "2024-05-01T11:30" a datetime-local input shows. */
const toLocalInput = (iso: unknown) => {
  if (typeof iso !== 'string' || !iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
};

/** The input for one custom field, by its type; values are what the API stores (money in minor units). */
export function CustomValueInput({ def, value, onChange, error, autoFocus }: Props) {
  const common = { label: def.label, description: def.description || undefined, required: def.required, error, autoFocus };
  const text = typeof value === 'string' ? value : '';
  switch (def.type) {
    case 'long_text':
      return <Textarea {...common} autosize minRows={2} maxRows={6} value={text} onChange={(e) => onChange(e.currentTarget.value)} />;
    case 'number':
      return (
        <NumberInput
          {...common}
          value={typeof value === 'number' ? value : ''}
          onChange={(n) => onChange(typeof n === 'number' ? n : null)}
        />
      );
    case 'money':
      return (
        <NumberInput
          {...common}
          decimalScale={2}
          thousandSeparator=","
          rightSection={<span style={{ fontSize: 12, paddingRight: 8 }}>{def.currency}</span>}
          value={typeof value === 'number' ? value / 100 : ''}
          onChange={(n) => onChange(typeof n === 'number' ? Math.round(n * 100) : null)}
        />
      );
    case 'date':
      return <TextInput {...common} type="date" value={text} onChange={(e) => onChange(e.currentTarget.value || null)} />;
    case 'datetime':
      return (
        <TextInput
          {...common}
          type="datetime-local"
          value={toLocalInput(value)}
          onChange={(e) => onChange(e.currentTarget.value ? new Date(e.currentTarget.value).toISOString() : null)}
        />
      );
    case 'boolean':
      return (
        <Select
          {...common}
          data={[
            { value: 'true', label: 'Yes' },
            { value: 'false', label: 'No' },
          ]}
          placeholder="Not set"
          clearable
          allowDeselect
          value={typeof value === 'boolean' ? String(value) : null}
          onChange={(v) => onChange(v === null ? null : v === 'true')}
        />
      );
    case 'select':
      return (
        <Select
          {...common}
          data={def.choices}
          value={text || null}
          onChange={(v) => onChange(v)}
          clearable
          allowDeselect
          searchable
          placeholder="Choose"
        />
      );
    case 'multi_select':
      return (
        <MultiSelect
          {...common}
          data={def.choices}
          value={Array.isArray(value) ? value.map(String) : []}
          onChange={onChange}
          searchable
          clearable
        />
      );
    default:
      return (
        <TextInput
          {...common}
          type={def.type === 'email' ? 'email' : def.type === 'url' ? 'url' : def.type === 'phone' ? 'tel' : 'text'}
          value={text}
          onChange={(e) => onChange(e.currentTarget.value)}
        />
      );
  }
}

/** A stored custom value as text for reading. */
export function formatCustomValue(def: CustomField, value: unknown): string {
  if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return '';
  const label = (v: unknown) => def.choices.find((c) => c.value === v)?.label ?? String(v);
  switch (def.type) {
    case 'money':
      return formatMoney(value, def.currency);
    case 'number':
      return formatNumber(value);
    case 'date':
      return formatDate(value);
    case 'datetime':
      return typeof value === 'string' ? formatShortDateTime(value) : '';
    case 'boolean':
      return value ? 'Yes' : 'No';
    case 'select':
      return label(value);
    case 'multi_select':
      return (value as unknown[]).map(label).join(', ');
    default:
      return String(value);
  }
}
