import { AppError } from '../../../kernel/errors.ts';
import type { ImportField, MappedRow } from '../entities/entity.ts';
import type { Mapping } from './auto-map.ts';

export interface CompiledMapping {
  /** Field key of each column position (null = skipped). */
  fieldAt: (string | null)[];
  columnOf: Map<string, string>;
  width: number;
}

/** Checks a mapping against the file's columns and the entity's fields (400 naming the bad column). */
export function compileMapping(headers: string[], mapping: Mapping, fields: ImportField[]): CompiledMapping {
  const known = new Set(fields.map((f) => f.key));
  const columnOf = new Map<string, string>();
  for (const [column, key] of Object.entries(mapping)) {
    const path = ['body', 'mapping', column];
    if (!headers.includes(column))
      throw new AppError('validation_failed', `The file has no column "${column}"; its columns are: ${headers.join(', ').slice(0, 500)}.`, {
        path,
      });
    if (key === null) continue;
    if (!known.has(key))
      throw new AppError('validation_failed', `"${key}" is not a field you can import into; see GET /api/import-fields for the list.`, {
        path,
      });
    if (columnOf.has(key))
      throw new AppError(
        'validation_failed',
        `The columns "${columnOf.get(key)}" and "${column}" both map to ${key}; map one and skip the other.`,
        {
          path,
        },
      );
    columnOf.set(key, column);
  }
  return { fieldAt: headers.map((h) => mapping[h] ?? null), columnOf, width: headers.length };
}

/** A record's cells by field (empty cells left out); cells beyond the header that hold values are reported. */
export function mapRow(m: CompiledMapping, rowNumber: number, cells: string[]): { row: MappedRow; extra: number } {
  const out = new Map<string, { value: string; column: string }>();
  for (let i = 0; i < m.fieldAt.length; i++) {
    const key = m.fieldAt[i];
    const value = cells[i];
    if (key && value !== undefined && value.trim() !== '') out.set(key, { value, column: m.columnOf.get(key)! });
  }
  let extra = 0;
  for (let i = m.width; i < cells.length; i++) if (cells[i]!.trim() !== '') extra++;
  return { row: { rowNumber, cells: out }, extra };
}
