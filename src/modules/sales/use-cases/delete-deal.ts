import { eq } from 'drizzle-orm';
import { recordAudit } from '../../../kernel/audit/index.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { inWorkspace } from '../../../kernel/db/index.ts';
import { emitEvent } from '../../../kernel/events/index.ts';
import { getDeal, loadDealForUpdate } from '../queries/get-deal.ts';
import { deals } from '../schema.ts';

/** Deletes a deal (soft: its history, contacts and activities stay for the audit trail). */
export async function deleteDeal(ctx: Ctx, id: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const c = { ...ctx, db: tx };
    await loadDealForUpdate(c, id);
    const before = await getDeal(c, id);
    const now = new Date();
    await tx
      .update(deals)
      .set({ deletedAt: now, updatedAt: now })
      .where(inWorkspace(deals.workspaceId, ctx, eq(deals.id, id)));
    await recordAudit(c, { action: 'deal.deleted', entityType: 'deal', entityId: id, before });
    await emitEvent(c, { type: 'deal.deleted', entityType: 'deal', entityId: id, data: { name: before.name } });
  });
}
