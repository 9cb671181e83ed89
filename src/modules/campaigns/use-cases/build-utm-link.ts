import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../../kernel/audit/index.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { AppError } from '../../../kernel/errors.ts';
import { loadCampaignRow } from '../campaign-rules.ts';
import type { LinkBody } from '../http/campaigns.types.ts';
import { campaignLinks } from '../schema.ts';
import { buildUtmUrl } from '../utm.ts';

/** Builds a tracked link with the campaign's slug as utm_campaign and keeps it in the campaign's list. */
export async function buildUtmLink(ctx: Ctx, campaignId: string, input: LinkBody) {
  return ctx.db.transaction(async (tx) => {
    const c = { ...ctx, db: tx };
    const campaign = await loadCampaignRow(c, campaignId);
    const url = buildUtmUrl({ ...input, campaign: campaign.slug });
    const [row] = await tx
      .insert(campaignLinks)
      .values({
        workspaceId: ctx.workspaceId,
        campaignId,
        baseUrl: input.baseUrl.trim(),
        source: input.source.trim(),
        medium: input.medium.trim(),
        content: input.content?.trim() || null,
        term: input.term?.trim() || null,
        url,
        createdBy: ctx.actor.userId ?? null,
      })
      .returning();
    await recordAudit(c, { action: 'campaign.link_built', entityType: 'campaign', entityId: campaignId, after: { id: row!.id, url } });
    return row!;
  });
}

/** Removes a link from the campaign's list (the link itself keeps working: it carries the slug). */
export async function deleteUtmLink(ctx: Ctx, campaignId: string, linkId: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .delete(campaignLinks)
      .where(and(eq(campaignLinks.workspaceId, ctx.workspaceId), eq(campaignLinks.campaignId, campaignId), eq(campaignLinks.id, linkId)))
      .returning();
    if (!row) throw new AppError('campaign_link_not_found', `No link ${linkId} on this campaign.`, { id: linkId });
    await recordAudit(
      { ...ctx, db: tx },
      { action: 'campaign.link_deleted', entityType: 'campaign', entityId: campaignId, before: { id: linkId, url: row.url } },
    );
  });
}
