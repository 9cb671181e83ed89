import { sql } from 'drizzle-orm';
import type { Ctx } from '../../../../kernel/context.ts';
import { rows } from '../../../../kernel/db/index.ts';
import type { Period } from '../../periods.ts';
import { customerStages, periodsRelation, sqlStages } from './periods-sql.ts';

export interface LifecycleFigures {
  new_customers: number;
  leads: number;
  leads_customers: number;
  mqls: number;
  mqls_sqls: number;
}

/**
 * Lifecycle figures of each period: contacts who first became customers in it, the leads cohort created in it and
 * how many of them became customers, contacts who first became MQLs in it and how many of those reached SQL after.
 * Each contact's milestones are read once for all periods (`firsts`), not once per period.
 */
export async function lifecycleFor(ctx: Ctx, periods: Period[]): Promise<Map<string, LifecycleFigures>> {
  const ws = ctx.workspaceId;
  const list = await rows<LifecycleFigures & { label: string }>(
    ctx.db,
    sql`with p as materialized (select * from ${periodsRelation(periods)}),
        firsts as materialized (
          select contact_id,
            min(changed_at) filter (where to_stage in ${customerStages}) as became_customer,
            min(changed_at) filter (where to_stage = 'marketing_qualified') as became_mql,
            max(changed_at) filter (where to_stage in ${sqlStages}) as last_sql_stage
          from lifecycle_history
          where workspace_id = ${ws} and to_stage in ('marketing_qualified', 'sales_qualified', 'opportunity', 'customer', 'evangelist')
          group by contact_id),
        milestones as (
          select p.label,
            count(*) filter (where f.became_customer >= p.s and f.became_customer < p.e)::int as new_customers,
            count(*) filter (where f.became_mql >= p.s and f.became_mql < p.e)::int as mqls,
            count(*) filter (where f.became_mql >= p.s and f.became_mql < p.e and f.last_sql_stage >= f.became_mql)::int as mqls_sqls
          from p cross join firsts f group by p.label),
        cohort as (
          select p.label, count(*)::int as leads, count(f.became_customer)::int as leads_customers
          from p join contacts c on c.workspace_id = ${ws} and c.deleted_at is null and c.created_at >= p.s and c.created_at < p.e
          left join firsts f on f.contact_id = c.id
          group by p.label)
        select p.label, coalesce(m.new_customers, 0) as new_customers, coalesce(m.mqls, 0) as mqls, coalesce(m.mqls_sqls, 0) as mqls_sqls,
          coalesce(c.leads, 0) as leads, coalesce(c.leads_customers, 0) as leads_customers
        from p left join milestones m using (label) left join cohort c using (label)`,
  );
  return new Map(list.map(({ label, ...figures }) => [label, figures]));
}
