import { eq } from 'drizzle-orm';
import { recordAudit } from '../../../kernel/audit/index.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { inWorkspace } from '../../../kernel/db/index.ts';
import { loadViewForWrite, toView } from '../queries/get-view.ts';
import { savedViews } from '../schema.ts';

/** Deletes a saved view (private: its owner; shared: its owner or an admin). */
export async function deleteView(ctx: Ctx, id: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const c = { ...ctx, db: tx };
    const row = await loadViewForWrite(c, id);
    await tx.delete(savedViews).where(inWorkspace(savedViews.workspaceId, ctx, eq(savedViews.id, row.id)));
    await recordAudit(c, { action: 'view.deleted', entityType: 'view', entityId: id, before: toView(row) });
  });
}
