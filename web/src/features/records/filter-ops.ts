import type { FieldType } from './field-catalog.ts';

export type FilterOp =
  | 'eq'
  | 'neq'
  | 'lt'
  | 'lte'
  | 'gt'
  | 'gte'
  | 'between'
  | 'in'
  | 'not_in'
  | 'contains'
  | 'starts_with'
  | 'is_empty'
  | 'is_not_empty'
  | 'in_last'
  | 'not_in_last'
  | 'has_any'
  | 'has_all'
  | 'has_none';

type Kind = 'text' | 'select' | 'uuid' | 'number' | 'date' | 'boolean' | 'array';

const kindOf = (t: FieldType): Kind => {
  if (t === 'text' || t === 'long_text' || t === 'url' || t === 'email' || t === 'phone') return 'text';
  if (t === 'multi_select' || t === 'tags') return 'array';
  if (t === 'money' || t === 'number') return 'number';
  if (t === 'date' || t === 'datetime') return 'date';
  return t;
};

const empty: FilterOp[] = ['is_empty', 'is_not_empty'];
const ordered: FilterOp[] = ['eq', 'neq', 'lt', 'lte', 'gt', 'gte', 'between', ...empty];

// Mirrors opsByKind in src/kernel/filters/compile-condition.ts (the most useful op first).
const opsByKind: Record<Kind, FilterOp[]> = {
  text: ['contains', 'eq', 'neq', 'starts_with', 'in', 'not_in', ...empty],
  select: ['eq', 'neq', 'in', 'not_in', ...empty],
  uuid: ['eq', 'neq', 'in', 'not_in', ...empty],
  number: ordered,
  date: ['in_last', 'not_in_last', 'eq', 'lt', 'gt', 'between', 'lte', 'gte', 'neq', ...empty],
  boolean: ['eq', ...empty],
  array: ['has_any', 'has_all', 'has_none', ...empty],
};

/** The ops a field type accepts, most useful first. */
export const opsFor = (type: FieldType) => opsByKind[kindOf(type)];

const labels: Record<FilterOp, string> = {
  eq: 'is',
  neq: 'is not',
  lt: 'less than',
  lte: 'at most',
  gt: 'more than',
  gte: 'at least',
  between: 'between',
  in: 'is any of',
  not_in: 'is none of',
  contains: 'contains',
  starts_with: 'starts with',
  is_empty: 'is empty',
  is_not_empty: 'is not empty',
  in_last: 'in the last',
  not_in_last: 'not in the last',
  has_any: 'has any of',
  has_all: 'has all of',
  has_none: 'has none of',
};
const dateLabels: Partial<Record<FilterOp, string>> = {
  lt: 'before',
  gt: 'after',
  lte: 'on or before',
  gte: 'on or after',
  eq: 'on',
  neq: 'not on',
};

/** How an op reads in a sentence: "Created before …", "Tags has any of …". */
export const opLabel = (op: FilterOp, type: FieldType) => (kindOf(type) === 'date' ? dateLabels[op] : undefined) ?? labels[op];

/** Ops without an operand. */
export const isUnary = (op: FilterOp) => op === 'is_empty' || op === 'is_not_empty';
/** Ops whose operand is a list. */
export const isListOp = (op: FilterOp) => ['in', 'not_in', 'has_any', 'has_all', 'has_none'].includes(op);
/** Ops whose operand is { n, unit }. */
export const isSpanOp = (op: FilterOp) => op === 'in_last' || op === 'not_in_last';

export const timeUnits = ['day', 'week', 'month', 'year', 'hour'] as const;
export type TimeUnit = (typeof timeUnits)[number];
