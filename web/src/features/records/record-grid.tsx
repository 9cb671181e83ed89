import { Loader, Skeleton, Text } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { type KeyboardEvent, useEffect, useMemo, useRef, useState } from 'react';
import type { RecordEntity, RecordRow, SortKey } from './crm-types.ts';
import type { FieldInfo } from './field-catalog.ts';
import { columnWidth } from './grid-cell.tsx';
import { GridHeader } from './grid-header.tsx';
import { Row } from './grid-row.tsx';
import classes from './record-grid.module.css';
import { useMemberNames } from './record-names.ts';
import { useEvent } from './use-event.ts';

export interface RecordGridProps {
  label: string;
  entity: RecordEntity;
  /** Visible columns; the first is the name column. */
  columns: FieldInfo[];
  rows: RecordRow[];
  /** How many rows the whole list has (for screen readers); undefined while unknown. */
  rowCount?: number;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => void;
  sort: SortKey[];
  onSort: (field: FieldInfo, additive: boolean) => void;
  selected: Set<string> | null;
  onSelectedChange?: (next: Set<string>) => void;
  onOpen: (id: string) => void;
  dimmed?: boolean;
}

const rowHeight = 44;

/**
 * The records grid: only the rows in view are in the DOM, the next page loads as the end comes
 * into view. Keyboard: ↑/↓ (j/k) move, Home/End jump, Enter opens, Space or x selects.
 */
export function RecordGrid(p: RecordGridProps) {
  const { rows, columns, selected, onSelectedChange } = p;
  const selectable = selected !== null;
  const scroller = useRef<HTMLDivElement>(null);
  const members = useMemberNames();
  const [active, setActive] = useState(0);
  const count = rows.length + (p.hasNextPage ? 1 : 0);
  const virtual = useVirtualizer({ count, getScrollElement: () => scroller.current, estimateSize: () => rowHeight, overscan: 12 });
  const items = virtual.getVirtualItems();
  const last = items[items.length - 1];

  // Near the end of what is loaded: fetch the next page.
  useEffect(() => {
    if (last && last.index >= rows.length - 20 && p.hasNextPage && !p.isFetchingNextPage) p.fetchNextPage();
  }, [last, rows.length, p.hasNextPage, p.isFetchingNextPage, p.fetchNextPage]);

  const template = useMemo(() => {
    const tracks = columns.map((f, i) => `minmax(${columnWidth(f, i === 0)}px, ${i === 0 ? 2 : 1}fr)`);
    const check = selectable ? 44 : 0;
    const min = check + columns.reduce((s, f, i) => s + columnWidth(f, i === 0), 0);
    return { gridTemplateColumns: `${check ? `${check}px ` : ''}${tracks.join(' ')}`, minWidth: min };
  }, [columns, selectable]);

  const toggle = useEvent((id: string) => {
    if (!selected || !onSelectedChange) return;
    const next = new Set(selected);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    onSelectedChange(next);
  });
  const open = useEvent((id: string) => p.onOpen(id));
  const focusRow = (i: number) => {
    const to = Math.max(0, Math.min(rows.length - 1, i));
    setActive(to);
    virtual.scrollToIndex(to, { align: 'auto' });
    requestAnimationFrame(() => scroller.current?.querySelector<HTMLElement>(`[data-index="${to}"]`)?.focus({ preventScroll: true }));
  };
  const onRowKey = useEvent((e: KeyboardEvent, index: number) => {
    if (e.target !== e.currentTarget || e.metaKey || e.ctrlKey || e.altKey) return;
    const row = rows[index];
    let handled = true;
    switch (e.key) {
      case 'ArrowDown':
      case 'j':
        focusRow(index + 1);
        break;
      case 'ArrowUp':
      case 'k':
        focusRow(index - 1);
        break;
      case 'Home':
        focusRow(0);
        break;
      case 'End':
        focusRow(rows.length - 1);
        break;
      case 'PageDown':
        focusRow(index + 10);
        break;
      case 'PageUp':
        focusRow(index - 10);
        break;
      case 'Enter':
        if (row) p.onOpen(row.id);
        break;
      case ' ':
      case 'x':
        if (row) toggle(row.id);
        break;
      default:
        handled = false;
    }
    if (handled) e.preventDefault();
  });

  const allSelected = !!selected && rows.length > 0 && rows.every((r) => selected.has(r.id));
  return (
    <div ref={scroller} className={classes.scroller}>
      <table
        className={classes.table}
        aria-label={p.label}
        aria-rowcount={p.rowCount !== undefined ? p.rowCount + 1 : -1}
        aria-busy={p.dimmed || undefined}
        style={{ minWidth: template.minWidth }}
      >
        <GridHeader
          columns={columns}
          template={template}
          sort={p.sort}
          onSort={p.onSort}
          selectable={!!selected}
          allSelected={allSelected}
          someSelected={!!selected && selected.size > 0}
          onSelectAll={(on) => onSelectedChange?.(on ? new Set(rows.map((r) => r.id)) : new Set())}
        />
        <tbody className={classes.body} style={{ height: virtual.getTotalSize(), opacity: p.dimmed ? 0.55 : 1 }}>
          {items.map((v) => {
            const row = rows[v.index];
            if (!row)
              return (
                <tr key="loader" className={classes.loaderRow} style={{ transform: `translateY(${v.start}px)` }}>
                  <td>
                    <Loader size="xs" />
                  </td>
                  <td>
                    <Text size="sm" c="dimmed">
                      Loading more…
                    </Text>
                  </td>
                  <td>
                    <Skeleton height={10} width={160} />
                  </td>
                </tr>
              );
            return (
              <Row
                key={row.id}
                row={row}
                index={v.index}
                start={v.start}
                columns={columns}
                template={template}
                entity={p.entity}
                members={members}
                active={v.index === active}
                selected={selected ? selected.has(row.id) : null}
                onToggle={toggle}
                onOpen={open}
                onFocusRow={setActive}
                onRowKey={onRowKey}
              />
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
