import { CloseButton, Group, Kbd, Pill, Text, TextInput } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useRef } from 'react';
import { ColumnPicker } from './column-picker.tsx';
import type { Total } from './crm-types.ts';
import type { FieldInfo } from './field-catalog.ts';
import { FilterBuilder } from './filter-builder.tsx';
import { FilterPills } from './filter-pills.tsx';
import type { useListState } from './use-list-state.ts';
import { formatTotal } from './use-record-list.ts';

interface Props {
  state: ReturnType<typeof useListState>;
  fields: FieldInfo[];
  byKey: Map<string, FieldInfo>;
  nameKey: string;
  singular: string;
  plural: string;
  searchPlaceholder: string;
  total?: Total;
  /** The count is being (re)computed: the shown total may be the previous filter's. */
  counting?: boolean;
  builderOpen: boolean;
  setBuilderOpen: (o: boolean) => void;
  filterError?: { conditionId?: string; message: string };
}

/** Quick search ("/" focuses it), the filter builder, the column picker, the total; then the active filters as pills. */
export function ListToolbar({
  state,
  fields,
  byKey,
  nameKey,
  singular,
  plural,
  searchPlaceholder,
  total,
  counting,
  builderOpen,
  setBuilderOpen,
  filterError,
}: Props) {
  const searchBox = useRef<HTMLInputElement>(null);
  useHotkeys([['/', () => searchBox.current?.focus()]]);
  return (
    <>
      <Group justify="space-between" mb="sm" gap="sm" wrap="wrap">
        <Group gap="sm" wrap="wrap">
          <TextInput
            ref={searchBox}
            w={280}
            placeholder={searchPlaceholder}
            aria-label={`Search ${plural}`}
            leftSection={<IconSearch size={16} />}
            rightSection={
              state.quick ? <CloseButton size="sm" aria-label="Clear search" onClick={() => state.setQuick('')} /> : <Kbd size="xs">/</Kbd>
            }
            value={state.quick}
            onChange={(e) => state.setQuick(e.currentTarget.value)}
            onKeyDown={(e) => e.key === 'Escape' && state.setQuick('')}
          />
          <FilterBuilder
            fields={fields}
            byKey={byKey}
            value={state.model}
            onChange={state.setModel}
            opened={builderOpen}
            onOpenedChange={setBuilderOpen}
            error={filterError}
          />
          <ColumnPicker fields={fields} value={state.columnKeys} onChange={state.setColumns} onReset={state.resetColumns} fixed={nameKey} />
        </Group>
        <Text size="sm" c="dimmed" className="tabular" data-testid="list-total" aria-live="polite" aria-busy={counting || !total}>
          {total ? formatTotal(total, singular, plural) : ' '}
        </Text>
      </Group>
      {state.advanced !== undefined && (
        <Group mb="sm">
          <Pill size="md" withRemoveButton onRemove={state.clearAdvanced} removeButtonProps={{ 'aria-label': 'Remove advanced filter' }}>
            Advanced filter (from a link or view)
          </Pill>
        </Group>
      )}
      <FilterPills model={state.model} byKey={byKey} onChange={state.setModel} onEdit={() => setBuilderOpen(true)} />
    </>
  );
}
