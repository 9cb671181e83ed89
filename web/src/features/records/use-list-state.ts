import { useDebouncedValue, useLocalStorage } from '@mantine/hooks';
import { useEffect, useMemo, useState } from 'react';
import type { FilterNode, RecordEntity, SortKey, ViewDefinition } from './crm-types.ts';
import { alwaysLoad, defaultColumns, defaultSort, type FieldInfo, nameField } from './field-catalog.ts';
import { emptyFilter, type FilterModel, fromAst, quickSearchAst, toAst } from './filter-ast.ts';
import { sortFromString, sortToString } from './sort-state.ts';

/** The list's state in the address bar, so a filtered, sorted list can be bookmarked and shared. */
export interface ListSearch {
  q?: string;
  sort?: string;
  filter?: unknown;
  view?: string;
}

/** Reads a list's search params from the URL (unknown shapes are dropped). */
export function validateListSearch(s: Record<string, unknown>): ListSearch {
  return {
    q: typeof s.q === 'string' && s.q ? s.q : undefined,
    sort: typeof s.sort === 'string' && s.sort ? s.sort : undefined,
    filter: s.filter && typeof s.filter === 'object' ? s.filter : undefined,
    view: typeof s.view === 'string' && s.view ? s.view : undefined,
  };
}

export const quickFields: Record<RecordEntity, string[]> = { contact: ['display_name', 'email', 'phone'], company: ['name', 'domain'] };

/**
 * Everything a records list shows: columns (remembered per browser), sort, the builder's conditions,
 * the quick search, plus an "advanced" filter the builder cannot show (from a link or saved view).
 * The applied filter follows edits after a short pause and is written back to the URL.
 */
export function useListState(entity: RecordEntity, search: ListSearch, setSearch: (s: ListSearch) => void, byKey: Map<string, FieldInfo>) {
  const [columnKeys, setColumns] = useLocalStorage<string[]>({ key: `tandem-columns-${entity}`, defaultValue: defaultColumns[entity] });
  const [sort, setSort] = useState<SortKey[]>(() => sortFromString(search.sort));
  const [initial] = useState(() => fromAst(search.filter));
  const [model, setModel] = useState<FilterModel>(initial ?? emptyFilter);
  const [advanced, setAdvanced] = useState<FilterNode | undefined>(initial ? undefined : (search.filter as FilterNode));
  const [quick, setQuick] = useState(search.q ?? '');
  const [viewId, setViewId] = useState(search.view);

  const builderAst = toAst(model);
  const quickAst = quickSearchAst(quick, quickFields[entity]);
  const parts = [quickAst, advanced, builderAst].filter((x): x is FilterNode => !!x);
  const combined: FilterNode | undefined = parts.length > 1 ? { and: parts } : parts[0];
  const [filter] = useDebouncedValue(combined, 300);
  const filterKey = JSON.stringify(filter ?? null);

  // What a saved view keeps: the builder's and the advanced filter (not the quick search).
  const savedFilter = advanced && builderAst ? { and: [advanced, builderAst] } : (advanced ?? builderAst);

  // biome-ignore lint/correctness/useExhaustiveDependencies: filterKey stands for the filter's content
  useEffect(() => {
    setSearch({ q: quick.trim() || undefined, sort: sortToString(sort) || undefined, filter: savedFilter, view: viewId });
  }, [filterKey, sort, viewId]);

  /** Shows a saved view: its filter, sort and (when it has them) columns. */
  const applyView = (id: string, def: ViewDefinition) => {
    const m = fromAst(def.filter);
    setModel(m ?? emptyFilter);
    setAdvanced(m ? undefined : (def.filter as FilterNode));
    setSort((def.sort ?? []).map((k) => ({ field: k.field, dir: k.dir ?? 'asc' })));
    if (def.columns?.length) setColumns(def.columns);
    setQuick('');
    setViewId(id);
  };
  const definition: ViewDefinition = { filter: savedFilter, sort: sort.length ? sort : defaultSort[entity], columns: columnKeys };
  /** Whether what is shown differs from a view's definition (so it can be saved). */
  const differsFrom = (def: ViewDefinition) => {
    const m = fromAst(def.filter);
    const theirs = m ? toAst(m) : def.filter;
    const sortOf = (k: ViewDefinition['sort']) =>
      JSON.stringify((k?.length ? k : defaultSort[entity]).map((x) => [x.field, x.dir ?? 'asc']));
    return (
      JSON.stringify(theirs ?? null) !== JSON.stringify(savedFilter ?? null) ||
      sortOf(def.sort) !== sortOf(sort) ||
      (!!def.columns?.length && JSON.stringify(def.columns) !== JSON.stringify(columnKeys))
    );
  };

  const name = nameField[entity];
  const columns = useMemo(() => {
    const known = columnKeys.filter((k) => k !== name && byKey.has(k)).map((k) => byKey.get(k)!);
    const first = byKey.get(name);
    return first ? [first, ...known] : known;
  }, [columnKeys, byKey, name]);
  const props = useMemo(() => {
    const set = new Set([...alwaysLoad[entity], ...columns.map((c) => c.prop)]);
    if (set.has('annualRevenue')) set.add('annualRevenueCurrency');
    return [...set];
  }, [columns, entity]);

  return {
    viewId,
    applyView,
    definition,
    differsFrom,
    columns,
    columnKeys,
    setColumns,
    resetColumns: () => setColumns(defaultColumns[entity]),
    sort,
    setSort,
    model,
    setModel,
    advanced,
    clearAdvanced: () => setAdvanced(undefined),
    quick,
    setQuick,
    filter,
    /** The list API's `columns`: the visible ones plus what the name cell needs. */
    props,
    filtered: !!filter,
    clearAll: () => {
      setModel(emptyFilter);
      setAdvanced(undefined);
      setQuick('');
    },
  };
}
