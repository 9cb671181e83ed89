import type { SortKey } from './crm-types.ts';
import type { FieldInfo } from './field-catalog.ts';

const maxKeys = 5;
const firstDir = (f: FieldInfo): 'asc' | 'desc' =>
  f.type === 'datetime' || f.type === 'date' || f.type === 'number' || f.type === 'money' ? 'desc' : 'asc';

/**
 * A header click: plain click sorts by that field alone (again: flips its direction); shift-click adds
 * it as the next key, flips it if present, and removes it on the third click.
 */
export function nextSort(sort: SortKey[], field: FieldInfo, additive: boolean): SortKey[] {
  const at = sort.findIndex((s) => s.field === field.key);
  const current = sort[at];
  if (!additive) {
    if (current && sort.length === 1) return [{ field: field.key, dir: current.dir === 'asc' ? 'desc' : 'asc' }];
    return [{ field: field.key, dir: firstDir(field) }];
  }
  if (!current) return [...sort, { field: field.key, dir: firstDir(field) }].slice(0, maxKeys);
  if (current.dir === firstDir(field)) return sort.map((s, i) => (i === at ? { ...s, dir: s.dir === 'asc' ? 'desc' : 'asc' } : s));
  return sort.filter((_, i) => i !== at);
}

/** "last_activity_at,-created_at" ⇄ sort keys (the URL form, as the GET list API reads it). */
export const sortToString = (sort: SortKey[]) => sort.map((s) => (s.dir === 'desc' ? `-${s.field}` : s.field)).join(',');
export const sortFromString = (v: string | undefined): SortKey[] =>
  (v ?? '')
    .split(',')
    .filter(Boolean)
    .slice(0, maxKeys)
    .map((s) => (s.startsWith('-') ? { field: s.slice(1), dir: 'desc' as const } : { field: s, dir: 'asc' as const }));
