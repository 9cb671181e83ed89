import { AppError } from '../../kernel/errors.ts';
import { compileFilter, compileSort, type FieldRegistry, type SortSpec } from '../../kernel/filters/index.ts';

/** A stored view definition (sort directions filled in). */
export interface ViewDefinition {
  filter?: unknown;
  sort?: { field: string; dir: 'asc' | 'desc' }[];
  columns?: string[];
}

/** A definition as a request gives it (dir defaults to asc). */
export type ViewDefinitionInput = Omit<ViewDefinition, 'sort'> & { sort?: SortSpec };

/**
 * Checks a view definition against the entity's field registry the way a list would use it: the filter
 * compiles (filter_invalid with the node's path), the sort compiles (sort_invalid), and every column is a
 * registered field key (validation_failed at the column). Returns the definition without empty parts.
 */
export function checkDefinition(
  def: ViewDefinitionInput,
  registry: FieldRegistry,
  timeZone: string,
  path: (string | number)[],
): ViewDefinition {
  if (def.filter !== undefined && def.filter !== null) compileFilter(def.filter, registry, { path: [...path, 'filter'], timeZone });
  if (def.sort?.length) compileSort(def.sort, registry, [...path, 'sort']);
  const columns = def.columns ?? [];
  const seen = new Set<string>();
  columns.forEach((c, i) => {
    if (!registry.fields.has(c))
      throw new AppError(
        'validation_failed',
        `Unknown column "${c.slice(0, 100)}" for ${registry.entity}; use a field key such as ${[...registry.fields.keys()].slice(0, 6).join(', ')} (custom fields as custom.<key>).`,
        { path: [...path, 'columns', i] },
      );
    if (seen.has(c)) throw new AppError('validation_failed', `The column "${c}" is listed twice.`, { path: [...path, 'columns', i] });
    seen.add(c);
  });
  return {
    ...(def.filter !== undefined && def.filter !== null && { filter: def.filter }),
    ...(def.sort?.length && { sort: def.sort.map((s) => ({ field: s.field, dir: s.dir ?? 'asc' })) }),
    ...(columns.length && { columns }),
  };
}
