import { z } from 'zod';

/** GET …/export.csv query: like the list query (filter JSON, compact sort, columns), plus a view and the header style. */
export const exportQuery = z.strictObject({
  filter: z
    .string()
    .max(20_000)
    .optional()
    .describe('A filter AST as JSON (see docs/filters.md); ANDed with the view’s filter when both are given'),
  sort: z.string().max(500).optional().describe('Sort keys, most significant first: "last_activity_at,-created_at" (minus = descending)'),
  columns: z
    .string()
    .max(4000)
    .optional()
    .describe('Columns in order, comma-separated: field keys, custom.<key>, owner_email, company_name…; default all'),
  view: z.string().max(200).optional().describe('A saved or built-in view id whose filter, sort and columns to use'),
  headers: z.enum(['labels', 'keys']).default('labels').describe('Header row: field labels (default) or keys'),
});
export type ExportQuery = z.infer<typeof exportQuery>;
