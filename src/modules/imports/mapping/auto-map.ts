import type { ImportField } from '../entities/entity.ts';
import { normalizeName } from './normalize.ts';
import { type PresetName, presets } from './presets.ts';

export type Mapping = Record<string, string | null>;

/**
 * Maps each column to a field by, in order: the preset's header list (or both presets when none is
 * named), the field's key and label, then its synonyms; each field takes the first column that
 * names it, later ones are skipped (null). Columns that match nothing are skipped.
 */
export function autoMap(headers: string[], entity: string, fields: ImportField[], preset?: PresetName): Mapping {
  const byName = new Map<string, string>();
  const add = (name: string, key: string) => {
    const n = normalizeName(name);
    if (n && !byName.has(n)) byName.set(n, key);
  };
  for (const p of preset ? [preset] : (Object.keys(presets) as PresetName[]))
    for (const [header, key] of Object.entries(presets[p][entity] ?? {})) add(header, key);
  for (const f of fields) {
    add(f.key, f.key);
    add(f.label, f.key);
    if (f.custom) add(f.key.replace(/^custom\./, ''), f.key);
  }
  for (const f of fields) for (const s of f.synonyms ?? []) add(s, f.key);
  const known = new Set(fields.map((f) => f.key));
  const taken = new Set<string>();
  const mapping: Mapping = {};
  for (const h of headers) {
    const key = byName.get(normalizeName(h));
    if (key && known.has(key) && !taken.has(key)) {
      mapping[h] = key;
      taken.add(key);
    } else mapping[h] = null;
  }
  return mapping;
}
