import { sql } from 'drizzle-orm';
import type { Ctx } from '../../../../kernel/context.ts';
import { rows } from '../../../../kernel/db/index.ts';

/**
 * For each instant, the contacts whose lifecycle stage then (their last change strictly before it) was customer or
 * evangelist, and who existed and were not deleted by then: one pass over the customers' milestones, whose
 * customer_spells hold exactly those times (migration 0027).
 */
export async function customersAtFor(ctx: Ctx, instants: Date[]): Promise<Map<string, number>> {
  const at = [...new Set(instants.map((t) => t.toISOString()))];
  if (!at.length) return new Map();
  const counts = sql.join(
    at.map(
      (t, i) =>
        sql`count(*) filter (where m.customer_spells @> ${t}::timestamptz and (m.contact_deleted_at is null or m.contact_deleted_at >= ${t}::timestamptz))::int as ${sql.raw(`n${i}`)}`,
    ),
    sql`, `,
  );
  const [r] = await rows<Record<string, number>>(
    ctx.db,
    sql`select ${counts} from contact_milestones m
        where m.workspace_id = ${ctx.workspaceId} and m.became_customer_at is not null and m.contact_created_at is not null`,
  );
  return new Map(at.map((t, i) => [t, r?.[`n${i}`] ?? 0]));
}
