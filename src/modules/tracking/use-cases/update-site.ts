import { and, eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../../kernel/audit/index.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { inWorkspace } from '../../../kernel/db/index.ts';
import { notFound } from '../../../kernel/errors.ts';
import { emitEvent } from '../../../kernel/events/index.ts';
import { type SiteUpdate, updateSiteBody } from '../http/tracking.types.ts';
import { toSite } from '../queries/get-sites.ts';
import { trackingSites } from '../schema.ts';
import { checkOrigins } from './check-site.ts';

/** Changes a site's name, origins, consent mode, retention or active flag (collectors see it within 10 s). */
export async function updateSite(ctx: Ctx, id: string, input: SiteUpdate) {
  const body = updateSiteBody.parse(input);
  const allowedOrigins = body.allowedOrigins ? checkOrigins(body.allowedOrigins) : undefined;
  return ctx.db.transaction(async (tx) => {
    const c = { ...ctx, db: tx };
    const where = and(inWorkspace(trackingSites.workspaceId, ctx, eq(trackingSites.id, id)));
    const [before] = await tx.select().from(trackingSites).where(where).for('update');
    if (!before) throw notFound('tracking_site', id);
    const [row] = await tx
      .update(trackingSites)
      .set({ ...body, ...(allowedOrigins && { allowedOrigins }), updatedAt: sql`now()` })
      .where(where)
      .returning();
    const site = toSite(row!);
    await recordAudit(c, {
      action: 'tracking_site.updated',
      entityType: 'tracking_site',
      entityId: id,
      before: toSite(before),
      after: site,
    });
    await emitEvent(c, { type: 'tracking_site.changed', entityType: 'tracking_site', entityId: id, data: { change: 'updated' } });
    return site;
  });
}
