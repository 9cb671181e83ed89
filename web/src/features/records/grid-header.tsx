import { Checkbox } from '@mantine/core';
import { IconArrowDown, IconArrowUp } from '@tabler/icons-react';
import type { CSSProperties } from 'react';
import type { SortKey } from './crm-types.ts';
import type { FieldInfo } from './field-catalog.ts';
import classes from './record-grid.module.css';

interface Props {
  columns: FieldInfo[];
  template: CSSProperties;
  sort: SortKey[];
  onSort: (field: FieldInfo, additive: boolean) => void;
  selectable: boolean;
  allSelected: boolean;
  someSelected: boolean;
  onSelectAll: (on: boolean) => void;
}

/** The sticky header row: select-all, and a sort button per sortable column (shift-click adds a key). */
export function GridHeader({ columns, template, sort, onSort, selectable, allSelected, someSelected, onSelectAll }: Props) {
  return (
    <thead className={classes.head}>
      <tr className={classes.row} style={{ ...template, height: 40, cursor: 'default' }}>
        {selectable && (
          <th className={`${classes.cell} ${classes.check}`}>
            <Checkbox
              size="xs"
              aria-label={allSelected ? 'Clear selection' : 'Select all loaded rows'}
              checked={allSelected}
              indeterminate={someSelected && !allSelected}
              onChange={(e) => onSelectAll(e.currentTarget.checked)}
            />
          </th>
        )}
        {columns.map((f) => {
          const at = sort.findIndex((s) => s.field === f.key);
          const key = sort[at];
          const ariaSort = at === 0 && key ? (key.dir === 'asc' ? 'ascending' : 'descending') : undefined;
          return (
            <th key={f.key} aria-sort={ariaSort} className={`${classes.cell} ${classes.th}`} data-col={f.key}>
              {f.sortable ? (
                <button
                  type="button"
                  className={classes.sortButton}
                  data-sorted={key ? true : undefined}
                  onClick={(e) => onSort(f, e.shiftKey)}
                  title={`Sort by ${f.label} (shift-click to add to the sort)`}
                >
                  <span style={{ overflow: 'hidden', textOverflow: 'ellipsis' }}>{f.label}</span>
                  {key && (key.dir === 'asc' ? <IconArrowUp size={13} stroke={2.2} /> : <IconArrowDown size={13} stroke={2.2} />)}
                  {key && sort.length > 1 && <span className={classes.sortIndex}>{at + 1}</span>}
                </button>
              ) : (
                <span>{f.label}</span>
              )}
            </th>
          );
        })}
      </tr>
    </thead>
  );
}
