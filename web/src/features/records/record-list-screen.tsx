import { Group } from '@mantine/core';
import { type ReactNode, useEffect, useMemo, useState } from 'react';
import { PageHeader } from '../../components/page-header.tsx';
import { ApiError } from '../../lib/api/index.ts';
import { usePermissions } from '../auth/use-me.ts';
import { ExportMenu } from '../exports/export-menu.tsx';
import { BulkBar } from './bulk-bar.tsx';
import type { RecordEntity } from './crm-types.ts';
import { nameField } from './field-catalog.ts';
import { conditionAtPath } from './filter-ast.ts';
import { GridSkeleton, ListEmpty, ListError } from './list-states.tsx';
import { ListToolbar } from './list-toolbar.tsx';
import { RecordGrid } from './record-grid.tsx';
import { useOpenRecord } from './record-link.tsx';
import { nextSort } from './sort-state.ts';
import { useFields } from './use-fields.ts';
import { type ListSearch, useListState } from './use-list-state.ts';
import { formatTotal, useRecordCount, useRecordList } from './use-record-list.ts';
import { ViewTabs } from './view-tabs.tsx';

export interface RecordListProps {
  entity: RecordEntity;
  title: string;
  singular: string;
  plural: string;
  description: ReactNode;
  icon: ReactNode;
  searchPlaceholder: string;
  search: ListSearch;
  onSearchChange: (s: ListSearch) => void;
  /** The "New …" button (absent without write permission). */
  createAction?: ReactNode;
}

const filterCodes = new Set(['filter_invalid', 'sort_invalid']);

/** A records list: saved views, quick search, filter builder, columns, multi-column sort, a virtualized grid with the total, bulk actions. */
export function RecordListScreen(p: RecordListProps) {
  const can = usePermissions();
  const { fields, byKey, isPending: fieldsPending } = useFields(p.entity);
  const state = useListState(p.entity, p.search, p.onSearchChange, byKey);
  const list = useRecordList(p.entity, { filter: state.filter, sort: state.sort, columns: state.props });
  const open = useOpenRecord();
  const [builderOpen, setBuilderOpen] = useState(false);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [allMatching, setAllMatching] = useState(false);
  const [urlOnlyView] = useState(() => !!p.search.view && !p.search.filter && !p.search.sort && !p.search.q);
  const filterKey = JSON.stringify(state.filter ?? null);
  // A new filter is a new set of rows: drop the selection.
  // biome-ignore lint/correctness/useExhaustiveDependencies: filterKey stands for the filter's content
  useEffect(() => {
    setSelected(new Set());
    setAllMatching(false);
  }, [filterKey]);

  const rows = useMemo(() => list.data?.pages.flatMap((pg) => pg.items) ?? [], [list.data]);
  const count = useRecordCount(p.entity, state.filter);
  const total = count.data;
  const err = list.error instanceof ApiError ? list.error : undefined;
  const filterProblem = !!err && filterCodes.has(err.code);
  const filterError =
    filterProblem && err
      ? { conditionId: conditionAtPath(state.model, (err.details as { path?: unknown })?.path), message: err.message }
      : undefined;
  const canBulk = can(p.entity === 'contact' ? 'contacts:write' : 'companies:write');
  const clear = () => {
    setSelected(new Set());
    setAllMatching(false);
  };
  const everyLoaded = rows.length > 0 && rows.every((r) => selected.has(r.id));
  const more = total && total.value > rows.length;

  return (
    <>
      <PageHeader
        title={p.title}
        description={p.description}
        actions={
          <Group gap="sm">
            <ExportMenu
              entity={p.entity}
              plural={p.plural}
              filter={state.filter}
              sort={state.sort}
              columns={state.columns.map((c) => c.key)}
            />
            {p.createAction}
          </Group>
        }
      />
      <ViewTabs
        entity={p.entity}
        viewId={state.viewId}
        applyOnLoad={urlOnlyView}
        applyView={state.applyView}
        definition={state.definition}
        differsFrom={state.differsFrom}
      />
      <ListToolbar
        state={state}
        fields={fields}
        byKey={byKey}
        nameKey={nameField[p.entity]}
        singular={p.singular}
        plural={p.plural}
        searchPlaceholder={p.searchPlaceholder}
        total={total}
        counting={count.isFetching}
        builderOpen={builderOpen}
        setBuilderOpen={setBuilderOpen}
        filterError={filterError}
      />
      {list.isError && !list.data ? (
        <ListError error={list.error} filterProblem={filterProblem} onClear={state.clearAll} onRetry={() => list.refetch()} />
      ) : list.isPending || fieldsPending ? (
        <GridSkeleton label={`Loading ${p.plural}`} />
      ) : rows.length === 0 && !list.isPlaceholderData ? (
        <ListEmpty filtered={state.filtered} icon={p.icon} plural={p.plural} onClear={state.clearAll} createAction={p.createAction} />
      ) : (
        <RecordGrid
          label={p.title}
          entity={p.entity}
          columns={state.columns}
          rows={rows}
          rowCount={total?.exact ? total.value : undefined}
          hasNextPage={!!list.hasNextPage}
          isFetchingNextPage={list.isFetchingNextPage}
          fetchNextPage={list.fetchNextPage}
          sort={state.sort}
          onSort={(f, additive) => state.setSort(nextSort(state.sort, f, additive))}
          selected={canBulk ? selected : null}
          onSelectedChange={(s) => {
            setSelected(s);
            setAllMatching(false);
          }}
          onOpen={(id) => open(p.entity, id)}
          dimmed={list.isPlaceholderData}
        />
      )}
      {canBulk && (
        <BulkBar
          entity={p.entity}
          plural={p.plural}
          label={allMatching && total ? `All ${formatTotal(total, p.singular, p.plural)} selected` : `${selected.size} selected`}
          selection={allMatching ? { filter: state.filter ?? { and: [] } } : selected.size ? { ids: [...selected] } : null}
          onDone={clear}
          onClear={clear}
          selectAllMatching={
            everyLoaded && more && !allMatching && total
              ? { label: `Select all ${formatTotal(total, p.singular, p.plural)}`, onClick: () => setAllMatching(true) }
              : undefined
          }
        />
      )}
    </>
  );
}
