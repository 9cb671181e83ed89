import { and, asc, eq } from 'drizzle-orm';
import type { Ctx } from '../../../kernel/context.ts';
import { inWorkspace } from '../../../kernel/db/index.ts';
import { notFound } from '../../../kernel/errors.ts';
import type { Site } from '../http/tracking.types.ts';
import { trackingSites } from '../schema.ts';

export const toSite = (r: typeof trackingSites.$inferSelect): Site => ({
  id: r.id,
  name: r.name,
  siteKey: r.siteKey,
  allowedOrigins: r.allowedOrigins,
  consentMode: r.consentMode,
  sessionRetentionDays: r.sessionRetentionDays,
  active: r.active,
  lastHitAt: r.lastHitAt,
  lastHitUrl: r.lastHitUrl,
  createdAt: r.createdAt,
  updatedAt: r.updatedAt,
});

/** The workspace's tracked sites, by name. */
export async function getSites(ctx: Ctx): Promise<Site[]> {
  const list = await ctx.db
    .select()
    .from(trackingSites)
    .where(inWorkspace(trackingSites.workspaceId, ctx))
    .orderBy(asc(trackingSites.name));
  return list.map(toSite);
}

/** One site of the workspace; 404 otherwise. */
export async function getSite(ctx: Ctx, id: string): Promise<Site> {
  const [row] = await ctx.db
    .select()
    .from(trackingSites)
    .where(and(inWorkspace(trackingSites.workspaceId, ctx, eq(trackingSites.id, id))));
  if (!row) throw notFound('tracking_site', id);
  return toSite(row);
}
