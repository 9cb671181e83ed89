import { type SQL, sql } from 'drizzle-orm';
import { compileCondition, interval } from './compile-condition.ts';
import type { FieldRegistry, PredicateHelpers } from './field-registry.ts';
import { FILTER_LIMITS, type FilterOp, filterOps } from './filter.types.ts';
import { type FilterPath, filterInvalid, quote } from './filter-error.ts';
import { badString } from './values.ts';

export interface CompileOptions {
  /** Where the filter sits in the request, for error paths. Default ['filter']. */
  path?: FilterPath;
  /** IANA zone that bare dates and local datetimes are read in (the workspace's). Default 'UTC'. */
  timeZone?: string;
}

interface State {
  nodes: number;
  timeZone: string;
}

const nodeKeys = ['and', 'or', 'not', 'field', 'predicate'] as const;
const shapes = '{ "and": [...] }, { "or": [...] }, { "not": {...} }, { "field", "op", "value" } or { "predicate", ... }';

/**
 * Compiles a filter AST (any JSON: it is validated here) into a SQL condition over `registry`'s fields. Every value is
 * a parameter; identifiers come only from the registry. Bad input throws AppError filter_invalid with details.path.
 */
export function compileFilter(ast: unknown, registry: FieldRegistry, opts: CompileOptions = {}): SQL {
  const timeZone = opts.timeZone ?? 'UTC';
  if (!/^[A-Za-z0-9_+\-/]{1,64}$/.test(timeZone)) throw new Error(`Invalid time zone ${timeZone}`);
  return compileNode(ast, registry, opts.path ?? ['filter'], 1, { nodes: 0, timeZone });
}

/** Checks a filter without using the SQL (e.g. before saving a segment); throws like compileFilter. */
export function validateFilter(ast: unknown, registry: FieldRegistry, opts: CompileOptions = {}): void {
  compileFilter(ast, registry, opts);
}

function compileNode(node: unknown, reg: FieldRegistry, path: FilterPath, depth: number, st: State): SQL {
  if (depth > FILTER_LIMITS.maxDepth)
    throw filterInvalid(path, `the filter is nested more than ${FILTER_LIMITS.maxDepth} levels deep; flatten it`);
  if (++st.nodes > FILTER_LIMITS.maxNodes)
    throw filterInvalid(path, `the filter has more than ${FILTER_LIMITS.maxNodes} nodes; simplify it`);
  if (!node || typeof node !== 'object' || Array.isArray(node))
    throw filterInvalid(path, `expected a filter node: ${shapes}; got ${quote(node)}`);
  const n = node as Record<string, unknown>;
  const present = nodeKeys.filter((k) => Object.hasOwn(n, k));
  if (present.length !== 1) {
    const keys = Object.keys(n).slice(0, 10).map(quote).join(', ') || 'none';
    throw filterInvalid(path, `a filter node is exactly one of ${shapes}; got keys ${keys}`);
  }
  const kind = present[0]!;
  if (kind === 'predicate') return compilePredicate(n, reg, path, depth, st);
  const allowed = kind === 'field' ? ['field', 'op', 'value'] : [kind];
  const extra = Object.keys(n).find((k) => !allowed.includes(k));
  if (extra !== undefined)
    throw filterInvalid([...path, extra], `unexpected key ${quote(extra)}; this node allows only ${allowed.join(', ')}`);
  if (kind === 'not') return sql`not (${compileNode(n.not, reg, [...path, 'not'], depth + 1, st)})`;
  if (kind === 'and' || kind === 'or') {
    const list = n[kind];
    if (!Array.isArray(list)) throw filterInvalid([...path, kind], `expected a list of filter nodes`);
    if (list.length === 0) return kind === 'and' ? sql`true` : sql`false`;
    const parts = list.map((child, i) => sql`(${compileNode(child, reg, [...path, kind, i], depth + 1, st)})`);
    return sql`(${sql.join(parts, sql.raw(kind === 'and' ? ' and ' : ' or '))})`;
  }
  return compileFieldNode(n, reg, path, st);
}

function compileFieldNode(n: Record<string, unknown>, reg: FieldRegistry, path: FilterPath, st: State): SQL {
  const key = n.field;
  const field = typeof key === 'string' ? reg.fields.get(key) : undefined;
  if (!field) {
    const known = [...reg.fields.keys()];
    const list = known.slice(0, 30).join(', ') + (known.length > 30 ? ', …' : '');
    throw filterInvalid([...path, 'field'], `unknown field ${quote(key)} on ${reg.entity}; known fields: ${list}`, { field: key });
  }
  const op = n.op;
  if (typeof op !== 'string' || !(filterOps as readonly string[]).includes(op))
    throw filterInvalid([...path, 'op'], `unknown op ${quote(op)}; ops are ${filterOps.join(', ')}`);
  return compileCondition({ field, op: op as FilterOp, value: n.value, hasValue: Object.hasOwn(n, 'value'), path, timeZone: st.timeZone });
}

function compilePredicate(n: Record<string, unknown>, reg: FieldRegistry, path: FilterPath, depth: number, st: State): SQL {
  const name = n.predicate;
  const def = typeof name === 'string' ? reg.predicates.get(name) : undefined;
  if (!def) {
    const known = [...reg.predicates.keys()].join(', ') || 'none';
    throw filterInvalid([...path, 'predicate'], `unknown predicate ${quote(name)} on ${reg.entity}; known predicates: ${known}`);
  }
  const { predicate: _, ...args } = n;
  for (const [k, value] of Object.entries(args)) if (k !== 'where') checkPlainJson(value, [...path, k], 1);
  const parsed = def.args.safeParse(args);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const at = [...path, ...(issue.path as (string | number)[]), ...(issue.code === 'unrecognized_keys' ? issue.keys.slice(0, 1) : [])];
    throw filterInvalid(at, `${name}: ${issue.message}`);
  }
  const helpers: PredicateHelpers = {
    where: (where, registry, argPath) =>
      where === undefined ? sql`true` : compileNode(where, registry, [...path, ...argPath], depth + 1, st),
    since: (span) => sql`(now() - ${interval(span)})`,
    count: (expr, c) => sql`${expr} ${sql.raw({ eq: '=', neq: '<>', lt: '<', lte: '<=', gt: '>', gte: '>=' }[c.op])} ${c.value}`,
    fail: (argPath, message) => {
      throw filterInvalid([...path, ...argPath], `${name}: ${message}`);
    },
    path,
    timeZone: st.timeZone,
  };
  return sql`(${def.compile(parsed.data, helpers)})`;
}

/** Predicate arguments are checked against the same limits as values before their schema sees them. */
function checkPlainJson(value: unknown, path: FilterPath, depth: number) {
  if (depth > FILTER_LIMITS.maxDepth) throw filterInvalid(path, 'the argument is nested too deeply');
  if (typeof value === 'string') {
    const bad = badString(value);
    if (bad) throw filterInvalid(path, `the value ${bad}`);
  } else if (Array.isArray(value)) {
    if (value.length > FILTER_LIMITS.maxList)
      throw filterInvalid(path, `the list has ${value.length} items; the limit is ${FILTER_LIMITS.maxList}`);
    for (const [i, item] of value.entries()) checkPlainJson(item, [...path, i], depth + 1);
  } else if (value && typeof value === 'object') {
    for (const [k, item] of Object.entries(value)) checkPlainJson(item, [...path, k], depth + 1);
  }
}
