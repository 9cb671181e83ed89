import { Checkbox } from '@mantine/core';
import { type KeyboardEvent, memo } from 'react';
import type { RecordEntity, RecordRow } from './crm-types.ts';
import type { FieldInfo } from './field-catalog.ts';
import { GridCell } from './grid-cell.tsx';
import classes from './record-grid.module.css';

export interface RowProps {
  row: RecordRow;
  index: number;
  start: number;
  columns: FieldInfo[];
  template: React.CSSProperties;
  entity: RecordEntity;
  members: Map<string, string>;
  active: boolean;
  selected: boolean | null;
  onToggle: (id: string) => void;
  onOpen: (id: string) => void;
  onFocusRow: (index: number) => void;
  onRowKey: (e: KeyboardEvent, index: number) => void;
}

/** One row of the records grid, positioned by the virtualizer; re-renders only when its own props change. */
export const Row = memo(function Row(p: RowProps) {
  const { row, index, active, selected } = p;
  return (
    <tr
      aria-rowindex={index + 2}
      aria-selected={selected ?? undefined}
      data-index={index}
      tabIndex={active ? 0 : -1}
      className={classes.row}
      style={{ ...p.template, transform: `translateY(${p.start}px)` }}
      onFocus={() => p.onFocusRow(index)}
      onKeyDown={(e) => p.onRowKey(e, index)}
      onClick={(e) => {
        if ((e.target as HTMLElement).closest('input,a,button')) return;
        p.onOpen(row.id);
      }}
    >
      {selected !== null && (
        <td className={`${classes.cell} ${classes.check}`}>
          <Checkbox size="xs" tabIndex={-1} aria-label="Select row" checked={selected} onChange={() => p.onToggle(row.id)} />
        </td>
      )}
      {p.columns.map((f, i) => (
        <td key={f.key} className={classes.cell} data-col={f.key}>
          <GridCell row={row} field={f} entity={p.entity} members={p.members} isName={i === 0} />
        </td>
      ))}
    </tr>
  );
});
