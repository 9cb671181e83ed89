import { sql } from 'drizzle-orm';
import type { Ctx } from '../../../../kernel/context.ts';
import { rows } from '../../../../kernel/db/index.ts';
import type { Period } from '../../periods.ts';
import { periodsRelation } from './periods-sql.ts';

export interface LifecycleFigures {
  new_customers: number;
  leads: number;
  leads_customers: number;
  mqls: number;
  mqls_sqls: number;
}

/**
 * Lifecycle figures of each period: contacts who first became customers in it, the leads cohort created in it and
 * how many of them ever became customers, contacts who first became MQLs in it and how many of those reached SQL or
 * later after that. Milestones come from contact_milestones (kept from lifecycle_history by triggers, migration
 * 0027), so each figure is an index range count rather than an aggregate over the whole history.
 */
export async function lifecycleFor(ctx: Ctx, periods: Period[]): Promise<Map<string, LifecycleFigures>> {
  const ws = ctx.workspaceId;
  const list = await rows<LifecycleFigures & { label: string }>(
    ctx.db,
    sql`select p.label,
          (select count(*) from contact_milestones m where m.workspace_id = ${ws} and m.became_customer_at >= p.s and m.became_customer_at < p.e)::int
            as new_customers,
          q.mqls, q.mqls_sqls,
          (select count(*) from contacts c where c.workspace_id = ${ws} and c.deleted_at is null and c.created_at >= p.s and c.created_at < p.e)::int
            as leads,
          (select count(*) from contact_milestones m where m.workspace_id = ${ws} and m.became_customer_at is not null
            and m.contact_deleted_at is null and m.contact_created_at >= p.s and m.contact_created_at < p.e)::int as leads_customers
        from ${periodsRelation(periods)}
        -- The period's MQLs and those of them who reached SQL later, in one pass over the MQL index.
        cross join lateral (select count(*)::int as mqls, count(*) filter (where m.last_sql_stage_at >= m.became_mql_at)::int as mqls_sqls
          from contact_milestones m where m.workspace_id = ${ws} and m.became_mql_at >= p.s and m.became_mql_at < p.e) q`,
  );
  return new Map(list.map(({ label, ...figures }) => [label, figures]));
}
