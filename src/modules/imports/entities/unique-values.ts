import { sql } from 'drizzle-orm';
import type { Ctx } from '../../../kernel/context.ts';
import { rows } from '../../../kernel/db/index.ts';
import { type CustomFieldDef, customText } from '../../custom-fields/index.ts';
import type { Outcome } from './batch-tools.ts';
import type { RunSettings } from './entity.ts';

const tables: Record<'contact' | 'company', string> = { contact: 'contacts', company: 'companies' };
/** The text a unique value is compared by, as the API's check does (custom->>'key'). */
const textOf = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));

/**
 * Keeps custom fields marked unique unique across a batch, set-based: a value two records of the batch
 * give goes to the first row (later rows fail naming it); then, under the same per-value advisory locks
 * the API takes (held to the end of the batch's transaction, taken in sorted order so two imports cannot
 * deadlock), one query per field finds values other live records already hold. A row updating the
 * record that holds the value keeps it. Returns the row numbers that failed.
 */
export async function claimUniqueValues(
  ctx: Ctx,
  entityType: 'contact' | 'company',
  defs: CustomFieldDef[],
  list: { rowNumber: number; id: string | null; custom?: Record<string, unknown> | null }[],
  run: RunSettings,
  out: Outcome,
): Promise<Set<number>> {
  const failed = new Set<number>();
  const unique = defs.filter((d) => d.unique);
  if (!unique.length) return failed;
  const given = (r: (typeof list)[number], key: string) => {
    const v = r.custom?.[key];
    return v === undefined || v === null ? null : textOf(v);
  };
  const valuesOf = new Map(
    unique.map((d) => [d.key, [...new Set(list.map((r) => given(r, d.key)).filter((v): v is string => v !== null))]]),
  );
  const locks = unique.flatMap((d) => valuesOf.get(d.key)!.map((v) => `cfv:${ctx.workspaceId}:${entityType}:${d.key}:${v}`)).sort();
  if (!locks.length) return failed;
  await ctx.db.execute(
    sql`select count(pg_advisory_xact_lock(hashtext(k))) from (select jsonb_array_elements_text(${JSON.stringify(locks)}::jsonb) as k order by 1) l`,
  );
  for (const d of unique) {
    const values = valuesOf.get(d.key)!;
    if (!values.length) continue;
    // Values live records hold now (committed by others before our locks, or written earlier in this import).
    const held = new Map(
      (
        await rows<{ id: string; v: string }>(
          ctx.db,
          sql`select id, ${customText('', d.key)} as v from ${sql.raw(tables[entityType])} where workspace_id = ${ctx.workspaceId} and deleted_at is null
              and ${customText('', d.key)} = any(array(select jsonb_array_elements_text(${JSON.stringify(values)}::jsonb)))`,
        )
      ).map((h) => [h.v, h.id]),
    );
    const claimed = new Map<string, { rowNumber: number; id: string | null }>();
    for (const r of list) {
      const text = given(r, d.key);
      if (text === null || failed.has(r.rowNumber)) continue;
      const holder = held.get(text);
      const first = claimed.get(text);
      let problem: string | null = null;
      if (holder && holder !== r.id)
        problem = `Another ${entityType} (${holder}) already has ${d.label} (${d.key}) = ${text}; the field is unique.`;
      else if (first && (first.id === null || first.id !== r.id))
        problem = `Row ${first.rowNumber} already has ${d.label} (${d.key}) = ${text}; the field is unique.`;
      if (problem) {
        failed.add(r.rowNumber);
        out.reject(r.rowNumber, 'failed', `custom.${d.key}`, run, text, problem);
      } else if (!first) claimed.set(text, r);
    }
  }
  return failed;
}

/** Definitions with uniqueness left to claimUniqueValues (rows are checked before the batch knows which record each updates). */
export const withoutUnique = (defs: CustomFieldDef[]) => defs.map((d) => (d.unique ? { ...d, unique: false } : d));
