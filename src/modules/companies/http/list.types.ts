import { z } from 'zod';
import { AppError } from '../../../kernel/errors.ts';
import { type SortSpec, sortSchema } from '../../../kernel/filters/index.ts';
import type { ListRequest } from '../queries/list-records.ts';

const limit = z.coerce.number().int().min(1).max(500).default(50).describe('Rows per page (1-500)');
const cursor = z.string().max(2000).optional().describe('The nextCursor of the previous page (same filter and sort)');

/** GET list query: the filter as a JSON string, sort as "field,-other" (minus = descending), columns comma-separated. */
export const listQuery = z.strictObject({
  filter: z
    .string()
    .max(20_000)
    .optional()
    .describe('A filter AST as JSON, e.g. {"field":"lifecycle_stage","op":"eq","value":"lead"} (see docs/filters.md)'),
  sort: z.string().max(500).optional().describe('Sort keys, most significant first: "last_activity_at,-created_at" (minus = descending)'),
  limit,
  cursor,
  total: z
    .enum(['true', 'false'])
    .optional()
    .describe('false leaves out the count (total: null); fetch it from …/count beside the page instead'),
  columns: z
    .string()
    .max(2000)
    .optional()
    .describe('Only these item properties (id always), comma-separated; "custom.key" picks one custom value'),
});

/** POST …/search body: the same as the GET query, as JSON. */
export const searchBody = z.strictObject({
  filter: z.unknown().optional().describe('A filter AST (see docs/filters.md)'),
  sort: sortSchema.optional(),
  limit,
  cursor,
  total: z.boolean().optional().describe('false leaves out the count (total: null); fetch it from …/count beside the page instead'),
  columns: z
    .array(z.string().max(200))
    .max(100)
    .optional()
    .describe('Only these item properties (id always); "custom.key" picks one custom value'),
});

export const totalSchema = z.object({
  value: z.number().int().describe('How many rows match'),
  exact: z.boolean().describe('false above 10,000 matches: value is then the planner’s estimate'),
});

/** GET …/count: the list's filter alone. */
export const countQuery = listQuery.pick({ filter: true });
/** POST …/count: the same as a JSON body. */
export const countBody = searchBody.pick({ filter: true });
export const countResponse = z.object({ total: totalSchema });

/** A filter given as JSON in a query parameter, parsed (400 at query.filter when it is not JSON). */
export function parseFilterParam(raw: string | undefined): unknown {
  if (raw === undefined) return undefined;
  try {
    return JSON.parse(raw);
  } catch {
    throw new AppError(
      'validation_failed',
      'The filter is not valid JSON; send a filter AST such as {"field":"name","op":"contains","value":"acme"}.',
      { path: ['query', 'filter'] },
    );
  }
}

/** The list request of a GET query (JSON filter parsed, compact sort expanded). */
export function parseListQuery(q: z.infer<typeof listQuery>): ListRequest & { columns?: string[] } {
  const filter = parseFilterParam(q.filter);
  const sort: SortSpec | undefined = q.sort
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => (s.startsWith('-') ? { field: s.slice(1), dir: 'desc' as const } : { field: s, dir: 'asc' as const }));
  if (sort && sort.length > 5) throw new AppError('validation_failed', 'Sort by at most 5 fields.', { path: ['query', 'sort'] });
  return {
    filter,
    sort,
    limit: q.limit,
    cursor: q.cursor,
    withTotal: q.total !== 'false',
    columns: q.columns
      ?.split(',')
      .map((c) => c.trim())
      .filter(Boolean),
  };
}

/** Keeps only the asked-for properties of each item (id always); unknown names are a 400 naming the column. */
export function pickColumns<T extends { id: string; custom?: Record<string, unknown> }>(
  items: T[],
  columns: string[] | undefined,
  known: readonly string[],
  where: (string | number)[],
) {
  if (!columns?.length) return items;
  columns.forEach((c, i) => {
    if (!known.includes(c) && !/^custom\.[a-z][a-z0-9_]*$/.test(c))
      throw new AppError('validation_failed', `Unknown column "${c}"; columns are ${known.join(', ')} or custom.<key>.`, {
        path: [...where, i],
      });
  });
  return items.map((item) => {
    const out: Record<string, unknown> = { id: item.id };
    for (const c of columns) {
      if (c.startsWith('custom.'))
        out.custom = {
          ...(out.custom as object),
          ...(item.custom && c.slice(7) in item.custom && { [c.slice(7)]: item.custom[c.slice(7)] }),
        };
      else out[c] = item[c as keyof T];
    }
    return out as Partial<T> & { id: string };
  });
}
