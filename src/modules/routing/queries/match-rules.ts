import { type SQL, sql } from 'drizzle-orm';
import type { Ctx } from '../../../kernel/context.ts';
import { rows } from '../../../kernel/db/index.ts';
import { compileFilter, type FieldRegistry } from '../../../kernel/filters/index.ts';
import { contactFields } from '../../contacts/index.ts';

/** Lifecycle stages routing treats as leads (a contact without a stage is a lead too). */
export const leadStages = ['lead', 'marketing_qualified', 'sales_qualified'] as const;

/** SQL: the contact `c` is a lead (no stage or a lead stage, not marked unqualified or qualified). */
export const isLeadSql = sql`(c.lifecycle_stage is null or c.lifecycle_stage in ('lead', 'marketing_qualified', 'sales_qualified'))`;

/** Compiles a rule's conditions, or null when they no longer compile (e.g. a custom field was archived): such a rule is skipped. */
export function compileConditions(conditions: unknown, registry: FieldRegistry, timeZone: string): SQL | null {
  try {
    return compileFilter(conditions, registry, { timeZone });
  } catch {
    return null;
  }
}

/**
 * Which of the given conditions a contact matches, in one query: one boolean per condition, plus
 * whether the contact is a lead at all. Conditions that no longer compile never match.
 */
export async function matchConditions(ctx: Ctx, contactId: string, conditions: unknown[], timeZone: string) {
  const registry = await contactFields(ctx);
  const compiled = conditions.map((c) => compileConditions(c, registry, timeZone));
  const cols = compiled.map((w, i) => sql`${w ?? sql`false`} as ${sql.raw(`m${i}`)}`);
  const [row] = await rows<Record<string, boolean>>(
    ctx.db,
    sql`select ${isLeadSql} as is_lead ${cols.length ? sql`, ${sql.join(cols, sql`, `)}` : sql``}
        from contacts c where c.workspace_id = ${ctx.workspaceId} and c.id = ${contactId} and c.deleted_at is null`,
  );
  if (!row) return null;
  return { isLead: row.is_lead === true, matches: compiled.map((_, i) => row[`m${i}`] === true) };
}
