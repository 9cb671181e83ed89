import { type ComboboxItem, type ComboboxItemGroup, MultiSelect, Stack, Text } from '@mantine/core';
import { useMemo } from 'react';
import type { EventTypeInfo } from '../../lib/api/index.ts';
import { useEventTypes } from './use-webhooks.ts';

/** Options: "all events", then per entity its group (`member.*`) and each type. */
export function eventTypeOptions(types: EventTypeInfo[], selected: string[]): ComboboxItemGroup<ComboboxItem>[] {
  const groups = new Map<string, ComboboxItem[]>();
  for (const t of types) {
    const entity = t.type.split('.')[0]!;
    if (!groups.has(entity)) groups.set(entity, [{ value: `${entity}.*`, label: `${entity}.*` }]);
    groups.get(entity)!.push({ value: t.type, label: t.type });
  }
  const known = new Set(
    [...groups.values()]
      .flat()
      .map((i) => i.value)
      .concat('*'),
  );
  const extra = selected.filter((s) => !known.has(s)).map((s) => ({ value: s, label: s }));
  return [
    { group: 'Everything', items: [{ value: '*', label: '*' }, ...extra] },
    ...[...groups.entries()].map(([entity, items]) => ({ group: entity.replace(/_/g, ' '), items })),
  ];
}

/** What an option means: the type's own description, or which events a pattern covers. */
function describe(value: string, types: EventTypeInfo[]) {
  if (value === '*') return 'Every event, including types added later';
  if (value.endsWith('.*')) return `Every ${value.slice(0, -2).replace(/_/g, ' ')} event, including ones added later`;
  return types.find((t) => t.type === value)?.description ?? '';
}

/** Picks the event types a webhook receives. */
export function EventTypesInput({ value, onChange, error }: { value: string[]; onChange: (v: string[]) => void; error?: string }) {
  const types = useEventTypes();
  const data = useMemo(() => eventTypeOptions(types.data ?? [], value), [types.data, value]);
  return (
    <MultiSelect
      label="Events"
      description="What to send. Pick single events, a whole group, or all events."
      placeholder={value.length ? undefined : types.isPending ? 'Loading event types…' : 'Choose events'}
      data={data}
      value={value}
      onChange={onChange}
      searchable
      hidePickedOptions
      nothingFoundMessage="No event type matches"
      error={error ?? (types.isError ? 'Could not load the event types; reload to try again.' : undefined)}
      maxDropdownHeight={320}
      required
      comboboxProps={{ withinPortal: true }}
      renderOption={({ option }) => (
        <Stack gap={0}>
          <Text size="sm" ff="monospace">
            {option.label}
          </Text>
          <Text size="xs" c="dimmed">
            {describe(option.value, types.data ?? [])}
          </Text>
        </Stack>
      )}
    />
  );
}
