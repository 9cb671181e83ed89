import { sql } from 'drizzle-orm';
import type { Ctx } from '../../../../kernel/context.ts';
import { AppError } from '../../../../kernel/errors.ts';
import { moveDeal } from '../../../sales/index.ts';
import { recordset } from '../row-values.ts';
import type { DealBefore } from './write-deal-batch.ts';

/**
 * Reverts an import's deal changes: created deals are deleted (soft); updated ones are moved back to
 * their stage through moveDeal when the import moved them (so stage history records the way back; when
 * the stage's rules refuse, the columns are restored directly), then get every column and their contacts back.
 */
export async function undoDealChanges(ctx: Ctx, changes: { recordId: string; action: string; before: Record<string, unknown> | null }[]) {
  const created = changes.filter((c) => c.action === 'created').map((c) => ({ id: c.recordId }));
  if (created.length)
    await ctx.db.execute(sql`
      update deals set deleted_at = now(), updated_at = now()
      where workspace_id = ${ctx.workspaceId} and deleted_at is null and id = any(array(select x.id from ${recordset(created, 'id uuid')}))`);
  const before = changes.filter((c) => c.action === 'updated' && c.before).map((c) => c.before as unknown as DealBefore);
  if (!before.length) return changes.length;
  const moved = await ctx.db.execute(sql`
    select d.id from deals d join ${recordset(before, 'id uuid, "stageId" uuid')} on d.id = x.id
    where d.workspace_id = ${ctx.workspaceId} and d.stage_id <> x."stageId"`);
  const movedIds = new Set(((moved as unknown as { rows: { id: string }[] }).rows ?? []).map((r) => r.id));
  for (const b of before.filter((x) => movedIds.has(x.id)))
    await ctx.db
      .transaction((tx) => moveDeal({ ...ctx, db: tx }, b.id, { stageId: b.stageId }))
      .catch((err) => {
        if (!(err instanceof AppError)) throw err;
      });
  await ctx.db.execute(sql`
    update deals d set name = x.name, pipeline_id = x."pipelineId", stage_id = x."stageId", status = x.status, amount = x.amount,
      currency = x.currency, close_date = x."closeDate", owner_id = x."ownerId", company_id = x."companyId", source = x.source,
      next_step = x."nextStep", loss_reason = x."lossReason", lost_to = x."lostTo", competitors = coalesce(x.competitors, '{}'),
      forecast_category = x."forecastCategory", tags = coalesce(x.tags, '{}'), custom = coalesce(x.custom, '{}'),
      stage_entered_at = x."stageEnteredAt", closed_at = x."closedAt", updated_at = now()
    from ${recordset(
      before,
      'id uuid, name text, "pipelineId" uuid, "stageId" uuid, status text, amount bigint, currency text, "closeDate" date, "ownerId" uuid, ' +
        '"companyId" uuid, source text, "nextStep" text, "lossReason" text, "lostTo" text, competitors text[], "forecastCategory" text, ' +
        'tags text[], custom jsonb, "stageEnteredAt" timestamptz, "closedAt" timestamptz',
    )}
    where d.workspace_id = ${ctx.workspaceId} and d.id = x.id`);
  const ids = before.map((b) => ({ id: b.id }));
  await ctx.db.execute(sql`
    delete from deal_contacts where workspace_id = ${ctx.workspaceId} and deal_id = any(array(select x.id from ${recordset(ids, 'id uuid')}))`);
  const links = before.flatMap((b) => b.contacts.map((c) => ({ deal_id: b.id, contact_id: c.contactId, role: c.role })));
  if (links.length)
    await ctx.db.execute(sql`
      insert into deal_contacts (workspace_id, deal_id, contact_id, role)
      select ${ctx.workspaceId}, x.deal_id, x.contact_id, x.role from ${recordset(links, 'deal_id uuid, contact_id uuid, role text')}`);
  return changes.length;
}
