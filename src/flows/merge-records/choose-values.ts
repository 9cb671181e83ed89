import { AppError } from '../../kernel/errors.ts';

/** A field the caller may choose per merge: how to read it, and which record gives it by default. */
export interface FieldRule<R> {
  name: string;
  get(r: R): unknown;
  /** The record whose value survives when the caller does not choose (default: the first with a value, survivor first). */
  pick?(records: R[]): R | undefined;
}

/** Empty for merging: null, undefined, '', an empty list or object. */
export const isBlank = (v: unknown) =>
  v === null ||
  v === undefined ||
  v === '' ||
  (Array.isArray(v) && v.length === 0) ||
  (typeof v === 'object' && !(v instanceof Date) && !Array.isArray(v) && Object.keys(v).length === 0);

const firstWithValue = <R>(records: R[], get: (r: R) => unknown) => records.find((r) => !isBlank(get(r)));

export interface Chosen {
  /** Field name → surviving value. */
  values: Record<string, unknown>;
  /** custom key → surviving value (keys whose value is blank everywhere are left out). */
  custom: Record<string, unknown>;
  /** Field name (custom.<key> too) → the record it came from, for the audit entry. */
  sources: Record<string, string>;
}

/**
 * The surviving value of every field: the record the caller chose (`fields`), else the rule's pick,
 * else the survivor's value, or the first merged record's when the survivor has none. Unknown field
 * names and sources outside the merge are merge_field_invalid (400) at body.fields.<name>.
 */
export function chooseValues<R extends { id: string; custom: Record<string, unknown> }>(
  records: R[],
  rules: FieldRule<R>[],
  fields: Record<string, string> = {},
): Chosen {
  const byId = new Map(records.map((r) => [r.id, r]));
  const known = new Set(rules.map((r) => r.name));
  for (const [name, source] of Object.entries(fields)) {
    const path = ['body', 'fields', name];
    if (!known.has(name) && !name.startsWith('custom.'))
      throw new AppError(
        'merge_field_invalid',
        `"${name}" is not a field a merge can choose; use one of ${[...known].join(', ')} or custom.<key>.`,
        { path },
      );
    if (!byId.has(source))
      throw new AppError(
        'merge_field_invalid',
        `fields.${name} names ${source}, which is not one of the merged records; name the survivor or a merged id.`,
        {
          path,
        },
      );
  }
  const out: Chosen = { values: {}, custom: {}, sources: {} };
  for (const rule of rules) {
    const from = fields[rule.name] ? byId.get(fields[rule.name]!) : (rule.pick?.(records) ?? firstWithValue(records, rule.get));
    out.values[rule.name] = from ? rule.get(from) : rule.get(records[0]!);
    out.sources[rule.name] = (from ?? records[0]!).id;
  }
  const keys = new Set(records.flatMap((r) => Object.keys(r.custom ?? {})));
  for (const key of keys) {
    const name = `custom.${key}`;
    const get = (r: R) => r.custom?.[key];
    const from = fields[name] ? byId.get(fields[name]!) : firstWithValue(records, get);
    if (!from || isBlank(get(from))) continue;
    out.custom[key] = get(from);
    out.sources[name] = from.id;
  }
  return out;
}
