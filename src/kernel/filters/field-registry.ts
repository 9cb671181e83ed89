import type { SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { CountCompare, RelativeSpan } from './filter.types.ts';
import type { FilterPath } from './filter-error.ts';

export const fieldTypes = [
  'text',
  'long_text',
  'number',
  'money',
  'date',
  'datetime',
  'boolean',
  'select',
  'multi_select',
  'url',
  'email',
  'phone',
  'uuid',
  'tags',
] as const;
export type FieldType = (typeof fieldTypes)[number];

/**
 * One filterable field. `sql` is the column expression and must have the SQL type the field type implies:
 * text-like and select → text, number → numeric/int/float, money → bigint (minor units) or numeric, date → date,
 * datetime → timestamptz, boolean → boolean, uuid → uuid, multi_select and tags → text[].
 */
export interface FieldDef {
  key: string;
  label: string;
  type: FieldType;
  sql: SQL;
  /** The allowed values of a select / multi_select, in display order (select sorts in this order). */
  options?: readonly string[];
  /** Defaults to true for every type but multi_select and tags (which never sort). */
  sortable?: boolean;
  /** Informational (lets UIs offer is_empty); the compiler treats every field as possibly NULL. */
  nullable: boolean;
}

/** What a predicate's compile function gets besides its parsed arguments. */
export interface PredicateHelpers {
  /** Compiles a nested filter (e.g. has_deal's `where`) over another registry; undefined compiles to `true`. */
  where(node: unknown, registry: FieldRegistry, argPath: FilterPath): SQL;
  /** `now() - <span>`, for `within` arguments. */
  since(span: RelativeSpan): SQL;
  /** `<expr> <op> <value>` for `count` arguments. */
  count(expr: SQL, cmp: CountCompare): SQL;
  /** Throws filter_invalid at this predicate's path plus argPath. */
  fail(argPath: FilterPath, message: string): never;
  /** The path of the predicate node. */
  path: FilterPath;
  timeZone: string;
}

/**
 * A relation/event predicate, e.g. has_deal. `args` validates the node minus its `predicate` key (use a strictObject;
 * declare nested filters as `filterArg` so the compiler reports their errors with exact paths). `compile` must return
 * a condition that is never NULL (EXISTS, count comparisons), so `not` stays the exact complement.
 */
// biome-ignore lint/suspicious/noExplicitAny: the registry holds predicates with different argument types
export interface PredicateDef<A = any> {
  description: string;
  args: z.ZodType<A>;
  compile(args: A, helpers: PredicateHelpers): SQL;
}

export interface FieldRegistry {
  /** The entity name, for messages (e.g. 'contact'). */
  entity: string;
  fields: Map<string, FieldDef>;
  predicates: Map<string, PredicateDef>;
}

/** Builds a registry; throws on a duplicate field key (a programming error). */
export function defineRegistry(spec: { entity: string; fields: FieldDef[]; predicates?: Record<string, PredicateDef> }): FieldRegistry {
  const registry: FieldRegistry = { entity: spec.entity, fields: new Map(), predicates: new Map() };
  registerFields(registry, spec.fields);
  for (const [name, def] of Object.entries(spec.predicates ?? {})) registerPredicate(registry, name, def);
  return registry;
}

/** Adds fields to a registry in place (modules extending another entity). */
export function registerFields(registry: FieldRegistry, fields: FieldDef[]) {
  for (const f of fields) {
    if (registry.fields.has(f.key)) throw new Error(`Field ${f.key} is already registered on ${registry.entity}`);
    if ((f.type === 'select' || f.type === 'multi_select') && f.options && new Set(f.options).size !== f.options.length)
      throw new Error(`Field ${f.key} on ${registry.entity} has duplicate options`);
    registry.fields.set(f.key, f);
  }
}

/** Adds a predicate (e.g. the marketing module adds has_event to contacts). */
export function registerPredicate(registry: FieldRegistry, name: string, def: PredicateDef) {
  if (!/^[a-z][a-z0-9_]{0,62}$/.test(name)) throw new Error(`Predicate name ${name} must be snake_case`);
  if (registry.predicates.has(name)) throw new Error(`Predicate ${name} is already registered on ${registry.entity}`);
  registry.predicates.set(name, def);
}

/** A copy of `base` with more fields (per-request custom fields); the base registry is not changed. */
export function withFields(base: FieldRegistry, extra: FieldDef[]): FieldRegistry {
  const copy: FieldRegistry = { entity: base.entity, fields: new Map(base.fields), predicates: base.predicates };
  registerFields(copy, extra);
  return copy;
}

/** Whether compileSort accepts the field. */
export const isSortable = (f: FieldDef) => f.type !== 'multi_select' && f.type !== 'tags' && f.sortable !== false;
