import { type SQL, sql } from 'drizzle-orm';
import type { FieldDef, FieldType } from './field-registry.ts';

/** A custom field definition as the custom-fields module stores it. */
export interface CustomFieldSpec {
  key: string;
  label?: string;
  type: FieldType;
  options?: readonly string[];
  sortable?: boolean;
}

/** Custom field keys are embedded in SQL as literals (so GROUP BY can repeat them): this pattern keeps that safe. */
export const customFieldKeyPattern = /^[a-z][a-z0-9_]{0,62}$/;

// Patterns applied to stored text before a cast, so a cast never meets input it would reject.
const numberRe = `'^-?[0-9]{1,30}([.][0-9]{1,30})?$'`;
const dateRe = `'^(?!0000)[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$'`;
const datetimeRe =
  `'^(?!0000)[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])[T ]([01][0-9]|2[0-3]):[0-5][0-9]` +
  `(:[0-5][0-9]([.][0-9]{1,6})?)?(Z|[+-](0[0-9]|1[0-4])(:?[0-5][0-9])?)$'`;
const uuidRe = `'^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$'`;

/** True when the YYYY-MM-DD prefix of `s` (already shape-checked) names a real calendar day. */
const realDay = (s: SQL) =>
  sql`substr(${s}, 9, 2)::int <= extract(day from make_date(substr(${s}, 1, 4)::int, substr(${s}, 6, 2)::int, 1) + interval '1 month' - interval '1 day')`;

/** The typed SQL expression reading `key` from a jsonb column; bad stored data reads as NULL, never an error. */
export function customFieldSql(column: SQL, key: string, type: FieldType): SQL {
  if (!customFieldKeyPattern.test(key)) throw new Error(`Custom field key ${key} must match ${customFieldKeyPattern}`);
  const v = sql`(${column} -> ${sql.raw(`'${key}'`)})`;
  const s = sql`(${column} ->> ${sql.raw(`'${key}'`)})`;
  switch (type) {
    case 'number':
    case 'money':
      return sql`(case jsonb_typeof(${v}) when 'number' then ${v}::numeric when 'string' then case when ${s} ~ ${sql.raw(numberRe)} then ${s}::numeric end end)`;
    case 'date':
      return sql`(case when ${s} ~ ${sql.raw(dateRe)} then case when ${realDay(s)} then ${s}::date end end)`;
    case 'datetime':
      return sql`(case when ${s} ~ ${sql.raw(datetimeRe)} then case when ${realDay(s)} then ${s}::timestamptz end end)`;
    case 'boolean':
      return sql`(case when jsonb_typeof(${v}) = 'boolean' then ${v}::boolean end)`;
    case 'uuid':
      return sql`(case when jsonb_typeof(${v}) = 'string' and ${s} ~ ${sql.raw(uuidRe)} then ${s}::uuid end)`;
    case 'multi_select':
    case 'tags':
      return sql`(case when jsonb_typeof(${v}) = 'array' then array(select e #>> '{}' from jsonb_array_elements(${v}) e where jsonb_typeof(e) = 'string') end)`;
    default:
      // text-like and select: strings only; numbers or objects stored by mistake read as empty
      return sql`(case when jsonb_typeof(${v}) = 'string' then ${s} end)`;
  }
}

/**
 * FieldDefs for custom fields stored in a jsonb column (e.g. sql`c.custom`). Keys get `prefix` ('custom.' by default)
 * so a custom field can never shadow a built-in one: { field: 'custom.budget', op: 'gt', value: 1000 }.
 */
export function customFieldDefs(defs: readonly CustomFieldSpec[], column: SQL, opts: { prefix?: string } = {}): FieldDef[] {
  const prefix = opts.prefix ?? 'custom.';
  return defs.map((d) => ({
    key: `${prefix}${d.key}`,
    label: d.label ?? d.key,
    type: d.type,
    sql: customFieldSql(column, d.key, d.type),
    options: d.options,
    sortable: d.sortable,
    nullable: true,
  }));
}
