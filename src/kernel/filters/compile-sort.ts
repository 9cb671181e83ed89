import { type SQL, sql } from 'drizzle-orm';
import { kindOf } from './compile-condition.ts';
import { type FieldDef, type FieldRegistry, isSortable } from './field-registry.ts';
import { cursorInvalid, type FilterPath, quote, sortInvalid } from './filter-error.ts';

type KeyKind = 'text' | 'int' | 'numeric' | 'date' | 'datetime' | 'boolean' | 'uuid';

interface SortKey {
  field: string;
  dir: 'asc' | 'desc';
  /** The expression rows are ordered by (for a nullable number/date key, coalesced to `sentinel`). */
  expr: SQL;
  /** The field's own value, which cursors carry (NULL stays NULL). */
  raw: SQL;
  kind: KeyKind;
  /**
   * Set when NULLs sort last through a sentinel (±infinity, a bound position) rather than NULLS LAST: the key is then
   * never NULL, so keyset conditions are plain comparisons an index can seek on.
   */
  sentinel?: SQL;
  /** False when the key can never be NULL (a NOT NULL field, or a sentinel). */
  nullable: boolean;
}

/** A sort ready for a keyset-paginated list query; see docs/filters.md for the query shape. */
export interface CompiledSort {
  keys: SortKey[];
  /** `order by ${orderBy}`: every key NULLS LAST, then id. */
  orderBy: SQL;
  /** The ORDER BY pieces, one per key. */
  pieces: SQL[];
  /** Select-list fragment with each key as exact text (`_sort0`, `_sort1`, …); cursors are built from these. */
  cursorSelect: SQL;
  /** The cursor values of a row fetched with `cursorSelect`. */
  cursorOf(row: Record<string, unknown>): (string | null)[];
}

/**
 * Compiles sort keys over a registry's fields: text sorts case-insensitively on its first 100 characters, a select in
 * option order, empty values last in both directions, and the `id` field (which the registry must have) breaks ties so the order is total.
 */
export function compileSort(
  sort: readonly { field: string; dir?: 'asc' | 'desc' }[],
  registry: FieldRegistry,
  path: FilterPath = ['sort'],
): CompiledSort {
  const id = registry.fields.get('id');
  if (id?.type !== 'uuid') throw new Error(`Registry ${registry.entity} needs an 'id' uuid field to sort`);
  const keys: SortKey[] = sort.map((s, i) => {
    const f = registry.fields.get(s.field);
    if (!f) throw sortInvalid([...path, i, 'field'], `unknown field ${quote(s.field)} on ${registry.entity}`);
    if (!isSortable(f)) throw sortInvalid([...path, i, 'field'], `${f.type} field ${quote(f.key)} cannot be sorted on`);
    const dir = s.dir ?? 'asc';
    if (dir !== 'asc' && dir !== 'desc') throw sortInvalid([...path, i, 'dir'], 'dir must be asc or desc');
    return { field: f.key, dir, ...sortExpr(f, dir) };
  });
  if (!keys.some((k) => k.field === 'id')) keys.push({ field: 'id', dir: 'asc', expr: id.sql, raw: id.sql, kind: 'uuid', nullable: false });
  const pieces = keys.map((k) => sql`${k.expr} ${sql.raw(k.dir)} nulls last`);
  const cursorSelect = sql.join(
    keys.map((k, i) => sql`${asText(k.raw, k.kind)} as ${sql.raw(`"_sort${i}"`)}`),
    sql.raw(', '),
  );
  return {
    keys,
    orderBy: sql.join(pieces, sql.raw(', ')),
    pieces,
    cursorSelect,
    cursorOf: (row) => keys.map((_, i) => (row[`_sort${i}`] ?? null) as string | null),
  };
}

type KeyExpr = Pick<SortKey, 'expr' | 'raw' | 'kind' | 'sentinel' | 'nullable'>;

/**
 * Values that sort after every real one in the key's direction, so "empty last" needs no NULLS LAST: ascending, the
 * largest value; descending, the smallest. Text, booleans and uuids have none and keep NULLS LAST.
 */
const sentinels: Partial<Record<KeyKind, { asc: string; desc: string }>> = {
  datetime: { asc: `'infinity'::timestamptz`, desc: `'-infinity'::timestamptz` },
  date: { asc: `'infinity'::date`, desc: `'-infinity'::date` },
  numeric: { asc: `'Infinity'::numeric`, desc: `'-Infinity'::numeric` },
  int: { asc: '2147483647', desc: '-2147483648' },
};

function sortExpr(f: FieldDef, dir: 'asc' | 'desc'): KeyExpr {
  const kind = kindOf(f.type);
  let key: Omit<KeyExpr, 'raw' | 'nullable' | 'sentinel'>;
  if (kind === 'select' && f.options?.length)
    key = { expr: sql`array_position(${sql.param([...f.options])}::text[], ${f.sql})`, kind: 'int' };
  // The first 100 characters decide the order (id breaks the rest), which keeps cursors short whatever the data.
  else if (kind === 'text' || kind === 'select') key = { expr: sql`lower(left(${f.sql}, 100))`, kind: 'text' };
  else if (kind === 'number' || kind === 'money') key = { expr: f.sql, kind: 'numeric' };
  else if (kind === 'array') throw new Error('unreachable: arrays are not sortable');
  else key = { expr: f.sql, kind };
  // A select's position is NULL for an unknown option too, so it is never "not null".
  const nullable = f.nullable || key.kind === 'int';
  const s = nullable ? sentinels[key.kind]?.[dir] : undefined;
  if (!s) return { ...key, raw: key.expr, nullable };
  const sentinel = sql.raw(s);
  return { expr: sql`coalesce(${key.expr}, ${sentinel})`, raw: key.expr, kind: key.kind, sentinel, nullable: false };
}

// Keys travel in cursors as text that round-trips exactly (datetimes keep their microseconds); NULL stays NULL.
function asText(raw: SQL, kind: KeyKind): SQL {
  if (kind === 'date') return sql`to_char(${raw}, 'YYYY-MM-DD')`;
  if (kind === 'datetime') return sql`to_char(${raw} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
  return sql`(${raw})::text`;
}

const cursorPatterns: Record<KeyKind, RegExp | undefined> = {
  text: undefined,
  int: /^\d{1,9}$/,
  numeric: /^(-?\d+(\.\d+)?(e[+-]?\d{1,3})?|-?Infinity|NaN)$/,
  date: /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/,
  datetime: /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:[0-5]\d\.\d{6}Z$/,
  boolean: /^(true|false)$/,
  uuid: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
};
const casts: Record<KeyKind, string> = {
  text: 'text',
  int: 'int',
  numeric: 'numeric',
  date: 'date',
  datetime: 'timestamptz',
  boolean: 'boolean',
  uuid: 'uuid',
};

/**
 * The keyset condition "comes after the row whose cursor values are `values`" for a compiled sort, honouring mixed
 * directions and NULLS LAST. Tampered cursors are rejected as validation_failed (path query.cursor), never sent as SQL.
 */
export function keysetAfter(sort: CompiledSort, values: readonly unknown[]): SQL {
  if (values.length !== sort.keys.length) throw cursorInvalid();
  const typed = sort.keys.map((k, i) => {
    const v = values[i];
    if (v === null) {
      if (k.field === 'id') throw cursorInvalid();
      return k.sentinel ?? null;
    }
    if (typeof v !== 'string' || v.length > 1000 || v.includes('\u0000')) throw cursorInvalid();
    const re = cursorPatterns[k.kind];
    if (re && !re.test(v)) throw cursorInvalid();
    if (k.kind === 'date' || k.kind === 'datetime') {
      const d = new Date(`${v.slice(0, 10)}T00:00:00Z`);
      if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== v.slice(0, 10) || v.startsWith('0000')) throw cursorInvalid();
    }
    return sql`${v}::${sql.raw(casts[k.kind])}`;
  });
  const terms: SQL[] = [];
  sort.keys.forEach((k, i) => {
    const v = typed[i];
    if (v === null || v === undefined) return; // nothing sorts after NULL on this key except via later keys
    const same = sort.keys.slice(0, i).map((p, j) => (typed[j] ? sql`${p.expr} = ${typed[j]}` : sql`${p.expr} is null`));
    const op = sql.raw(k.dir === 'asc' ? '>' : '<');
    const after = k.nullable ? sql`(${k.expr} ${op} ${v} or ${k.expr} is null)` : sql`${k.expr} ${op} ${v}`;
    terms.push(sql.join([...same, after], sql.raw(' and ')));
  });
  if (terms.length === 0) return sql`false`;
  const any = sql`(${sql.join(
    terms.map((t) => sql`(${t})`),
    sql.raw(' or '),
  )})`;
  // The OR above is exact but no index can seek on it; when the first key is never NULL, the redundant bound
  // "first key at or past the cursor" lets an index on the sort start at the cursor instead of walking from the top.
  const [k0] = sort.keys;
  const v0 = typed[0];
  if (!k0 || k0.nullable || !v0) return any;
  return sql`(${k0.expr} ${sql.raw(k0.dir === 'asc' ? '>=' : '<=')} ${v0} and ${any})`;
}
