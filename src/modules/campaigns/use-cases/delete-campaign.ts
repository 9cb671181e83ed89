import { sql } from 'drizzle-orm';
import { recordAudit } from '../../../kernel/audit/index.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { emitEvent } from '../../../kernel/events/index.ts';
import { loadCampaignRow } from '../campaign-rules.ts';
import { getCampaign } from '../queries/get-campaign.ts';

/**
 * Deletes a campaign with its spend, links, asset links and touchpoints (all or nothing). Attribution reports
 * change accordingly; to keep the history, set the status to completed or cancelled instead.
 */
export async function deleteCampaign(ctx: Ctx, id: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const c = { ...ctx, db: tx };
    await loadCampaignRow(c, id, true);
    const before = await getCampaign(c, id);
    for (const table of ['campaign_spend', 'campaign_links', 'campaign_assets', 'campaign_touchpoints', 'campaign_pending_events'])
      await tx.execute(sql`delete from ${sql.identifier(table)} where workspace_id = ${ctx.workspaceId} and campaign_id = ${id}`);
    await tx.execute(sql`delete from campaigns where workspace_id = ${ctx.workspaceId} and id = ${id}`);
    await recordAudit(c, { action: 'campaign.deleted', entityType: 'campaign', entityId: id, before });
    await emitEvent(c, { type: 'campaign.deleted', entityType: 'campaign', entityId: id, data: { name: before.name, slug: before.slug } });
  });
}
