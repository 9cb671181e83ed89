import { sql } from 'drizzle-orm';
import type { Ctx } from '../../../../kernel/context.ts';
import { recordset } from '../row-values.ts';

/** Reverts an import's company changes: created companies are deleted (soft, freeing their domains); updated ones get their columns back. */
export async function undoCompanyChanges(
  ctx: Ctx,
  changes: { recordId: string; action: string; before: Record<string, unknown> | null }[],
) {
  const created = changes.filter((c) => c.action === 'created').map((c) => ({ id: c.recordId }));
  if (created.length)
    await ctx.db.execute(sql`
      update companies set deleted_at = now(), updated_at = now()
      where workspace_id = ${ctx.workspaceId} and deleted_at is null and id in (select x.id from ${recordset(created, 'id uuid')})`);
  const updated = changes.filter((c) => c.action === 'updated' && c.before).map((c) => c.before!);
  if (updated.length)
    await ctx.db.execute(sql`
      update companies c set name = x.name, domain = x.domain, industry = x.industry, employee_count = x.employee_count,
        annual_revenue = x.annual_revenue, annual_revenue_currency = x.annual_revenue_currency, country = x.country, region = x.region,
        owner_id = x.owner_id, tags = coalesce(x.tags, '{}'), custom = coalesce(x.custom, '{}'), updated_at = now()
      from ${recordset(
        updated,
        'id uuid, name text, domain text, industry text, employee_count int, annual_revenue bigint, annual_revenue_currency text, country text, region text, owner_id uuid, tags text[], custom jsonb',
      )}
      where c.workspace_id = ${ctx.workspaceId} and c.id = x.id`);
  return changes.length;
}
