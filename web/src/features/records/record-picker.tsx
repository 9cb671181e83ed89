import { Select, type SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { request } from '../../lib/api/index.ts';
import type { ListPage, RecordEntity } from './crm-types.ts';
import { useRecordName } from './record-names.ts';

const spec = {
  company: { path: '/api/companies/search', name: 'name', also: 'domain', search: ['name', 'domain'] },
  contact: { path: '/api/contacts/search', name: 'displayName', also: 'email', search: ['display_name', 'email'] },
} as const;

/** Records matching typed text, for pickers (20 at most). */
export function useRecordSearch(entity: RecordEntity, text: string, exclude: string[] = []) {
  const s = spec[entity];
  return useQuery({
    queryKey: ['record-search', entity, text],
    queryFn: ({ signal }) =>
      request<ListPage>('POST', s.path, {
        body: {
          filter: text.trim() ? { or: s.search.map((field) => ({ field, op: 'contains', value: text.trim() })) } : undefined,
          columns: [s.name, s.also],
          limit: 20,
          sort: entity === 'company' ? [{ field: 'name', dir: 'asc' }] : [{ field: 'last_activity_at', dir: 'desc' }],
        },
        signal,
      }),
    select: (page) =>
      page.items
        .filter((r) => !exclude.includes(r.id))
        .map((r) => ({ value: r.id, label: String(r[s.name] ?? ''), description: String(r[s.also] ?? '') })),
    staleTime: 30_000,
  });
}

type PickerProps = Omit<SelectProps, 'data' | 'value' | 'onChange' | 'searchValue' | 'onSearchChange'> & {
  entity: RecordEntity;
  value: string | null;
  onChange: (id: string | null) => void;
  exclude?: string[];
};

/** A searchable select over companies or contacts, loading matches as you type. */
export function RecordPicker({ entity, value, onChange, exclude, ...rest }: PickerProps) {
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 200);
  const current = useRecordName(entity, value);
  const results = useRecordSearch(entity, debounced, exclude);
  const data = useMemo(() => {
    const list = results.data ?? [];
    if (value && current.data && !list.some((o) => o.value === value)) return [{ value, label: current.data }, ...list];
    return list;
  }, [results.data, value, current.data]);
  return (
    <Select
      searchable
      clearable
      allowDeselect
      {...rest}
      data={data}
      value={value}
      onChange={(v) => onChange(v)}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      nothingFoundMessage={results.isFetching ? 'Searching…' : `No ${entity === 'company' ? 'companies' : 'contacts'} match`}
    />
  );
}
