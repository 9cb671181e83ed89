import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../../kernel/audit/index.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { inWorkspace } from '../../../kernel/db/index.ts';
import { notFound } from '../../../kernel/errors.ts';
import { emitEvent } from '../../../kernel/events/index.ts';
import { toSite } from '../queries/get-sites.ts';
import { trackingSites } from '../schema.ts';

/** Removes a site: its key stops working. Recorded sessions and page views stay (retention removes them). */
export async function deleteSite(ctx: Ctx, id: string) {
  return ctx.db.transaction(async (tx) => {
    const c = { ...ctx, db: tx };
    const [row] = await tx
      .delete(trackingSites)
      .where(and(inWorkspace(trackingSites.workspaceId, ctx, eq(trackingSites.id, id))))
      .returning();
    if (!row) throw notFound('tracking_site', id);
    await recordAudit(c, { action: 'tracking_site.deleted', entityType: 'tracking_site', entityId: id, before: toSite(row) });
    await emitEvent(c, { type: 'tracking_site.changed', entityType: 'tracking_site', entityId: id, data: { change: 'deleted' } });
  });
}
