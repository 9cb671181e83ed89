import { recordAudit } from '../../../kernel/audit/index.ts';
import { randomToken } from '../../../kernel/auth/index.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { emitEvent } from '../../../kernel/events/index.ts';
import { type SiteInput, siteBody } from '../http/tracking.types.ts';
import { toSite } from '../queries/get-sites.ts';
import { trackingSites } from '../schema.ts';
import { checkOrigins } from './check-site.ts';

/** Adds a tracked website with a new public site key. */
export async function createSite(ctx: Ctx, input: SiteInput) {
  const body = siteBody.parse(input);
  const allowedOrigins = checkOrigins(body.allowedOrigins);
  return ctx.db.transaction(async (tx) => {
    const c = { ...ctx, db: tx };
    const [row] = await tx
      .insert(trackingSites)
      .values({ ...body, allowedOrigins, workspaceId: ctx.workspaceId, siteKey: `ts_${randomToken(12)}` })
      .returning();
    const site = toSite(row!);
    await recordAudit(c, { action: 'tracking_site.created', entityType: 'tracking_site', entityId: site.id, after: site });
    await emitEvent(c, { type: 'tracking_site.changed', entityType: 'tracking_site', entityId: site.id, data: { change: 'created' } });
    return site;
  });
}
