import { sql } from 'drizzle-orm';
import type { Ctx } from '../../../../kernel/context.ts';
import { recordset } from '../row-values.ts';
import { type CompanyColumns, setCompanies } from './write-company-batch.ts';

/** Reverts an import's company changes: created companies are deleted (soft, freeing their domains); updated ones get their columns back. */
export async function undoCompanyChanges(
  ctx: Ctx,
  changes: { recordId: string; action: string; before: Record<string, unknown> | null }[],
) {
  const created = changes.filter((c) => c.action === 'created').map((c) => ({ id: c.recordId }));
  if (created.length)
    await ctx.db.execute(sql`
      update companies set deleted_at = now(), updated_at = now()
      where workspace_id = ${ctx.workspaceId} and deleted_at is null and id = any(array(select x.id from ${recordset(created, 'id uuid')}))`);
  await setCompanies(
    ctx,
    changes.filter((c) => c.action === 'updated' && c.before).map((c) => c.before as unknown as CompanyColumns),
  );
  return changes.length;
}
