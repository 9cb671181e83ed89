import { type SQL, sql } from 'drizzle-orm';
import type { FieldDef, FieldType } from './field-registry.ts';
import type { FilterOp, RelativeSpan } from './filter.types.ts';
import { type FilterPath, filterInvalid, quote } from './filter-error.ts';
import * as v from './values.ts';

export type FieldKind = 'text' | 'select' | 'number' | 'money' | 'date' | 'datetime' | 'boolean' | 'uuid' | 'array';

/** The family of ops and value checks a field type belongs to. */
export function kindOf(type: FieldType): FieldKind {
  switch (type) {
    case 'text':
    case 'long_text':
    case 'url':
    case 'email':
    case 'phone':
      return 'text';
    case 'multi_select':
    case 'tags':
      return 'array';
    default:
      return type;
  }
}

const empty = ['is_empty', 'is_not_empty'] as const;
const ordered = ['eq', 'neq', 'lt', 'lte', 'gt', 'gte', 'between', ...empty] as const;
/** Which ops apply to which kind of field. */
export const opsByKind: Record<FieldKind, readonly FilterOp[]> = {
  text: ['eq', 'neq', 'in', 'not_in', 'contains', 'starts_with', ...empty],
  select: ['eq', 'neq', 'in', 'not_in', ...empty],
  uuid: ['eq', 'neq', 'in', 'not_in', ...empty],
  number: ordered,
  money: ordered,
  date: [...ordered, 'in_last', 'not_in_last'],
  datetime: [...ordered, 'in_last', 'not_in_last'],
  boolean: ['eq', 'neq', ...empty],
  array: ['has_any', 'has_all', 'has_none', ...empty],
};

/** The ops a field type accepts (for UIs and the property tests). */
export const opsFor = (type: FieldType) => opsByKind[kindOf(type)];

// Negative ops are the exact complement of their positive op, so rows with empty values match them.
const negations: Partial<Record<FilterOp, FilterOp>> = { neq: 'eq', not_in: 'in', not_in_last: 'in_last', has_none: 'has_any' };
const cmp: Partial<Record<FilterOp, string>> = { eq: '=', lt: '<', lte: '<=', gt: '>', gte: '>=' };
const intervalArg: Record<RelativeSpan['unit'], string> = {
  minute: 'mins',
  hour: 'hours',
  day: 'days',
  week: 'weeks',
  month: 'months',
  year: 'years',
};

/** make_interval(<unit> => $n); the argument name comes from a fixed table, n is a parameter. */
export const interval = (span: RelativeSpan) => sql`make_interval(${sql.raw(intervalArg[span.unit])} => ${span.n})`;
/** Escapes LIKE wildcards so user text matches literally (backslash is PostgreSQL's default LIKE escape). */
export const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export interface ConditionInput {
  field: FieldDef;
  op: FilterOp;
  value: unknown;
  hasValue: boolean;
  path: FilterPath;
  timeZone: string;
}

/** SQL for one `{ field, op, value }`: never NULL, values always parameters. */
export function compileCondition(c: ConditionInput): SQL {
  const { field: f, op, path } = c;
  const kind = kindOf(f.type);
  if (!opsByKind[kind].includes(op))
    throw filterInvalid(
      [...path, 'op'],
      `op ${op} does not apply to ${f.type} field ${quote(f.key)}; use one of ${opsByKind[kind].join(', ')}`,
    );
  const valuePath = [...path, 'value'];
  if (op === 'is_empty' || op === 'is_not_empty') {
    if (c.value !== undefined && c.value !== null) throw filterInvalid(valuePath, `${op} takes no value; remove "value"`);
    return op === 'is_empty' ? isEmpty(f, kind) : sql`not ${isEmpty(f, kind)}`;
  }
  if (!c.hasValue || c.value === null) throw filterInvalid(valuePath, `${op} needs a value; to match empty values use is_empty`);
  const positive = negations[op];
  if (positive) return sql`not ${compileCondition({ ...c, op: positive })}`;
  const x = f.sql;
  // `x is not null and …` keeps every condition two-valued, so `not` is the exact complement.
  const guard = (cond: SQL) => sql`(${x} is not null and ${cond})`;
  const what = `${f.type} field ${quote(f.key)}`;
  switch (kind) {
    case 'text': {
      if (op === 'in') {
        const items = v.list(c.value, valuePath, what).map((s, i) => v.text(s, [...valuePath, i], what));
        return guard(sql`lower(${x}) in (select lower(u) from unnest(${sql.param(items)}::text[]) as u)`);
      }
      const s = v.text(c.value, valuePath, what);
      if (op === 'eq') return guard(sql`lower(${x}) = lower(${s}::text)`);
      const pattern = op === 'contains' ? `%${escapeLike(s)}%` : `${escapeLike(s)}%`;
      return guard(sql`lower(${x}) like lower(${pattern}::text)`);
    }
    case 'select': {
      if (op === 'in') {
        const items = v.list(c.value, valuePath, what).map((s, i) => v.option(s, [...valuePath, i], what, f.options));
        return guard(sql`${x} = any(${sql.param(items)}::text[])`);
      }
      return guard(sql`${x} = ${v.option(c.value, valuePath, what, f.options)}::text`);
    }
    case 'uuid': {
      if (op === 'in') {
        const items = v.list(c.value, valuePath, what).map((s, i) => v.uuid(s, [...valuePath, i], what));
        return guard(sql`${x} = any(${sql.param(items)}::uuid[])`);
      }
      return guard(sql`${x} = ${v.uuid(c.value, valuePath, what)}::uuid`);
    }
    case 'boolean':
      return guard(sql`${x} = ${String(v.bool(c.value, valuePath, what))}::boolean`);
    case 'array': {
      const items = v
        .list(c.value, valuePath, what)
        .map((s, i) => (f.type === 'multi_select' ? v.option(s, [...valuePath, i], what, f.options) : v.text(s, [...valuePath, i], what)));
      return guard(sql`${x} ${sql.raw(op === 'has_all' ? '@>' : '&&')} ${sql.param(items)}::text[]`);
    }
    case 'number':
    case 'money': {
      const read = kind === 'money' ? v.minorUnits : v.finiteNumber;
      const cast = sql.raw(kind === 'money' ? 'bigint' : 'numeric');
      const operand = (val: unknown, p: FilterPath) => sql`${String(read(val, p, what))}::${cast}`;
      if (op === 'between') {
        const [lo, hi] = pair(c.value, valuePath, 'numbers like [10, 20]');
        return guard(sql`${x} >= ${operand(lo, [...valuePath, 0])} and ${x} <= ${operand(hi, [...valuePath, 1])}`);
      }
      return guard(sql`${x} ${sql.raw(cmp[op]!)} ${operand(c.value, valuePath)}`);
    }
    case 'date': {
      if (op === 'in_last') {
        const span = v.relativeSpan(c.value, valuePath, true);
        const today = sql`(now() at time zone ${c.timeZone}::text)::date`;
        return guard(sql`${x} >= (${today} - ${interval(span)})::date and ${x} <= ${today}`);
      }
      const operand = (val: unknown, p: FilterPath) => sql`${v.isoDate(val, p, what)}::date`;
      if (op === 'between') {
        const [lo, hi] = pair(c.value, valuePath, 'dates like ["2024-01-01", "2024-03-31"]');
        return guard(sql`${x} >= ${operand(lo, [...valuePath, 0])} and ${x} <= ${operand(hi, [...valuePath, 1])}`);
      }
      return guard(sql`${x} ${sql.raw(cmp[op]!)} ${operand(c.value, valuePath)}`);
    }
    case 'datetime':
      return guard(datetimeCondition(x, op, c, valuePath, what));
  }
}

function isEmpty(f: FieldDef, kind: FieldKind): SQL {
  if (kind === 'text' || kind === 'select') return sql`(${f.sql} is null or ${f.sql} = '')`;
  if (kind === 'array') return sql`(coalesce(cardinality(${f.sql}), 0) = 0)`;
  return sql`(${f.sql} is null)`;
}

function pair(value: unknown, path: FilterPath, example: string): [unknown, unknown] {
  if (!Array.isArray(value) || value.length !== 2) throw filterInvalid(path, `between takes [low, high] (both included), e.g. ${example}`);
  return [value[0], value[1]];
}

function datetimeCondition(x: SQL, op: FilterOp, c: ConditionInput, valuePath: FilterPath, what: string): SQL {
  if (op === 'in_last') {
    const span = v.relativeSpan(c.value, valuePath, false);
    return sql`${x} >= now() - ${interval(span)} and ${x} <= now()`;
  }
  const tz = c.timeZone;
  // A bare date means that whole day in the workspace time zone: [start of day, start of next day).
  const dayStart = (d: string, nextDay: boolean) =>
    sql`((${d}::date${sql.raw(nextDay ? ' + 1' : '')})::timestamp at time zone ${tz}::text)`;
  const at = (t: v.DateTimeValue) =>
    t.kind === 'instant' ? sql`${t.value}::timestamptz` : sql`(${t.value}::timestamp at time zone ${tz}::text)`;
  const lower = (t: v.DateTimeValue, strict: boolean) =>
    t.kind === 'day' ? sql`${x} >= ${dayStart(t.value, strict)}` : sql`${x} ${sql.raw(strict ? '>' : '>=')} ${at(t)}`;
  const upper = (t: v.DateTimeValue, strict: boolean) =>
    t.kind === 'day' ? sql`${x} < ${dayStart(t.value, !strict)}` : sql`${x} ${sql.raw(strict ? '<' : '<=')} ${at(t)}`;
  if (op === 'between') {
    const [lo, hi] = pair(c.value, valuePath, 'datetimes like ["2024-01-01", "2024-03-31T18:00:00Z"]');
    return sql`${lower(v.isoDateTime(lo, [...valuePath, 0], what), false)} and ${upper(v.isoDateTime(hi, [...valuePath, 1], what), false)}`;
  }
  const t = v.isoDateTime(c.value, valuePath, what);
  if (op === 'eq') return t.kind === 'day' ? sql`${lower(t, false)} and ${upper(t, false)}` : sql`${x} = ${at(t)}`;
  if (op === 'lt') return upper(t, true);
  if (op === 'lte') return upper(t, false);
  if (op === 'gt') return lower(t, true);
  return lower(t, false);
}
