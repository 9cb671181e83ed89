import { type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import { countCompareSchema, type PredicateDef, relativeSpanSchema } from '../../../kernel/filters/index.ts';

/** Mirrors the activities module's types (read-side SQL may join its tables; importing it would invert the module order). */
const activityTypes = ['note', 'call', 'meeting', 'email'] as const;

/**
 * `{ predicate: 'has_activity', type?, within?, count? }`: the record has activities (of a type,
 * in the last span), via activity_links; with `count`, how many compares to a number.
 */
export function hasActivityPredicate(entityType: 'contact' | 'company' | 'deal', record: { id: SQL; workspaceId: SQL }): PredicateDef {
  return {
    description: `Has logged activities (notes, calls, meetings, emails) on the ${entityType}, optionally of one type, within a span, or counted`,
    args: z.strictObject({
      type: z.enum(activityTypes).optional().describe(activityTypes.join(', ')),
      within: relativeSpanSchema.optional(),
      count: countCompareSchema.optional(),
    }),
    compile: (a, h) => {
      const conds = [sql`al.workspace_id = ${record.workspaceId}`, sql`al.entity_type = ${entityType}`, sql`al.entity_id = ${record.id}`];
      if (a.within) conds.push(sql`al.occurred_at >= ${h.since(a.within)}`);
      if (a.type)
        conds.push(
          sql`exists (select 1 from activities act where act.workspace_id = al.workspace_id and act.id = al.activity_id and act.type = ${a.type})`,
        );
      const where = sql.join(conds, sql.raw(' and '));
      if (a.count) return h.count(sql`(select count(*) from activity_links al where ${where})`, a.count);
      return sql`exists (select 1 from activity_links al where ${where})`;
    },
  };
}

/** `{ predicate: 'has_tag', tag }`: the record carries this exact tag (served by the tags GIN index). */
export function hasTagPredicate(tags: SQL): PredicateDef {
  return {
    description: 'Carries a tag (exact spelling)',
    args: z.strictObject({ tag: z.string().trim().min(1).max(100).describe('The tag') }),
    compile: (a) => sql`coalesce(${tags} @> array[${a.tag}::text], false)`,
  };
}
