import { z } from 'zod';

/** Hard limits of one filter; going over one is a filter_invalid error with the path of the node. */
export const FILTER_LIMITS = { maxDepth: 10, maxNodes: 200, maxString: 1000, maxList: 1000 } as const;

export const filterOps = [
  'eq',
  'neq',
  'lt',
  'lte',
  'gt',
  'gte',
  'between',
  'in',
  'not_in',
  'contains',
  'starts_with',
  'is_empty',
  'is_not_empty',
  'in_last',
  'not_in_last',
  'has_any',
  'has_all',
  'has_none',
] as const;
export type FilterOp = (typeof filterOps)[number];

export const timeUnits = ['minute', 'hour', 'day', 'week', 'month', 'year'] as const;
export type TimeUnit = (typeof timeUnits)[number];

/** The longest span per unit (about a century), so `now() - span` never leaves the timestamp range. */
export const maxSpan: Record<TimeUnit, number> = { minute: 52_560_000, hour: 876_000, day: 36_500, week: 5_200, month: 1_200, year: 100 };

export const relativeSpanSchema = z
  .strictObject({
    n: z.int().min(1).max(52_560_000).describe('How many units (a positive whole number)'),
    unit: z.enum(timeUnits).describe('minute, hour, day, week, month or year'),
  })
  .describe('A span back from now, e.g. { "n": 30, "unit": "day" }');
export type RelativeSpan = z.infer<typeof relativeSpanSchema>;

export const countCompareSchema = z
  .strictObject({
    op: z.enum(['eq', 'neq', 'lt', 'lte', 'gt', 'gte']).describe('How the count compares'),
    value: z.int().min(0).max(1_000_000_000).describe('The count to compare with'),
  })
  .describe('A condition on how many related rows match, e.g. { "op": "gte", "value": 3 }');
export type CountCompare = z.infer<typeof countCompareSchema>;

const text = z.string().max(FILTER_LIMITS.maxString);
export const filterValueSchema = z
  .union([text, z.number(), z.boolean(), z.null(), z.array(z.union([text, z.number()])).max(FILTER_LIMITS.maxList), relativeSpanSchema])
  .describe(
    'The operand: a string, number or boolean; a list for in/not_in/has_*; [low, high] for between; { n, unit } for in_last. ' +
      'Dates are YYYY-MM-DD; datetimes ISO 8601 (with an offset, or local to the workspace time zone).',
  );
export type FilterValue = z.infer<typeof filterValueSchema>;

export interface FilterCondition {
  field: string;
  op: FilterOp;
  value?: FilterValue;
}
/** A relation/event predicate registered by a module, e.g. { predicate: 'has_deal', where: … }. */
export interface FilterPredicateNode {
  predicate: string;
  [arg: string]: unknown;
}
export type FilterNode = { and: FilterNode[] } | { or: FilterNode[] } | { not: FilterNode } | FilterCondition | FilterPredicateNode;

export const filterConditionSchema = z
  .strictObject({
    field: z.string().min(1).max(200).describe('A field key from the entity\'s field registry, e.g. "email" or "custom.budget"'),
    op: z.enum(filterOps).describe('The operator; which ones apply depends on the field type (see docs/filters.md)'),
    value: filterValueSchema.optional(),
  })
  .describe('A condition on one field: { field, op, value }');

export const filterPredicateSchema = z
  .looseObject({ predicate: z.string().min(1).max(100).describe('The predicate name, e.g. has_activity, has_event, has_deal, in_segment') })
  .describe('A relation/event predicate; its other keys are the arguments the predicate defines (a nested filter goes in "where")');

/** Declare a predicate's nested filter argument with this: the compiler validates it with exact paths. */
export const filterArg = z.custom<FilterNode>(() => true).describe('A nested filter over the related entity');

const andNode = z.strictObject({ and: z.array(z.lazy(() => filterNodeSchema)).describe('All of these match') });
const orNode = z.strictObject({ or: z.array(z.lazy(() => filterNodeSchema)).describe('At least one of these matches') });
const notNode = z.strictObject({ not: z.lazy(() => filterNodeSchema).describe('This does not match') });

/** One node of the filter AST (structure only: fields, ops and values are checked by compileFilter). */
export const filterNodeSchema: z.ZodType<FilterNode> = z
  .union([andNode, orNode, notNode, filterConditionSchema, filterPredicateSchema])
  .describe('A filter node: { and: [...] }, { or: [...] }, { not: node }, { field, op, value } or { predicate, ...args }')
  // The id makes OpenAPI emit the recursive schema once, as components.schemas.FilterNode (needs jsonSchemaTransformObject).
  .meta({ id: 'FilterNode' });

/** Depth and node count of an AST; nested `where` arguments of predicates count too. */
export function measureFilter(node: unknown, depth = 1): { depth: number; nodes: number } {
  let maxDepth = depth;
  let nodes = 1;
  const visit = (child: unknown) => {
    const m = measureFilter(child, depth + 1);
    maxDepth = Math.max(maxDepth, m.depth);
    nodes += m.nodes;
  };
  if (node && typeof node === 'object' && !Array.isArray(node)) {
    const n = node as Record<string, unknown>;
    if (Array.isArray(n.and)) n.and.forEach(visit);
    else if (Array.isArray(n.or)) n.or.forEach(visit);
    else if (Object.hasOwn(n, 'not')) visit(n.not);
    else if (typeof n.predicate === 'string' && n.where !== undefined) visit(n.where);
  }
  return { depth: maxDepth, nodes };
}

/** The filter a request carries: the node schema plus the depth and size limits. */
export const filterSchema = filterNodeSchema
  .superRefine((node, ctx) => {
    const m = measureFilter(node);
    if (m.depth > FILTER_LIMITS.maxDepth)
      ctx.addIssue({ code: 'custom', message: `The filter is nested ${m.depth} levels deep; the limit is ${FILTER_LIMITS.maxDepth}.` });
    if (m.nodes > FILTER_LIMITS.maxNodes)
      ctx.addIssue({ code: 'custom', message: `The filter has ${m.nodes} nodes; the limit is ${FILTER_LIMITS.maxNodes}.` });
  })
  .describe("A filter over the entity's fields (see docs/filters.md for the grammar and the ops per field type)");

export const sortSchema = z
  .array(
    z.strictObject({
      field: z.string().min(1).max(200).describe('A sortable field key'),
      dir: z.enum(['asc', 'desc']).default('asc').describe('asc or desc; empty values always sort last'),
    }),
  )
  .max(5)
  .describe('Sort keys, most significant first; ties are broken by id');
export type SortSpec = z.input<typeof sortSchema>;
