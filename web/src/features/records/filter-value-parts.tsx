import { NumberInput } from '@mantine/core';
import type { FieldInfo } from './field-catalog.ts';

/** A number operand; money is typed in major units and kept in minor units (cents), as the API wants. */
export function NumberValue({
  field,
  value,
  onChange,
  label,
  error,
}: {
  field: FieldInfo;
  value: unknown;
  onChange: (n: number | '') => void;
  label: string;
  error?: string;
}) {
  const money = field.type === 'money';
  const shown = typeof value === 'number' ? (money ? value / 100 : value) : '';
  return (
    <NumberInput
      size="xs"
      aria-label={label}
      value={shown}
      error={error}
      thousandSeparator=","
      decimalScale={money ? 2 : undefined}
      onChange={(n) => onChange(typeof n === 'number' ? (money ? Math.round(n * 100) : n) : '')}
      w={130}
    />
  );
}
