import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../../kernel/audit/index.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { AppError } from '../../../kernel/errors.ts';
import { campaignAssetType, campaignAssetTypes } from '../asset-types.ts';
import { loadCampaignRow } from '../campaign-rules.ts';
import { campaignAssets } from '../schema.ts';

/** Links a form, landing page, broadcast … (a registered asset type, existing in the workspace) to a campaign. */
export async function linkAsset(ctx: Ctx, campaignId: string, input: { assetType: string; assetId: string }) {
  const def = campaignAssetType(input.assetType);
  if (!def) {
    const known = campaignAssetTypes().map((t) => t.type);
    throw new AppError(
      'validation_failed',
      known.length
        ? `"${input.assetType}" is not an asset type; use one of ${known.join(', ')}.`
        : 'No asset types are available yet: forms, landing pages and broadcasts register theirs when those features are installed.',
      { path: ['body', 'assetType'] },
    );
  }
  return ctx.db.transaction(async (tx) => {
    const c = { ...ctx, db: tx };
    await loadCampaignRow(c, campaignId, true);
    if (!(await def.exists(tx, ctx.workspaceId, [input.assetId])).has(input.assetId))
      throw new AppError('asset_not_found', `No ${def.label.toLowerCase()} with id ${input.assetId} in this workspace.`, {
        path: ['body', 'assetId'],
      });
    const [row] = await tx
      .insert(campaignAssets)
      .values({ workspaceId: ctx.workspaceId, campaignId, assetType: input.assetType, assetId: input.assetId })
      .onConflictDoNothing()
      .returning();
    if (row) await recordAudit(c, { action: 'campaign.asset_linked', entityType: 'campaign', entityId: campaignId, after: input });
    return { ok: true as const };
  });
}

/** Unlinks an asset from a campaign. */
export async function unlinkAsset(ctx: Ctx, campaignId: string, assetType: string, assetId: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .delete(campaignAssets)
      .where(
        and(
          eq(campaignAssets.workspaceId, ctx.workspaceId),
          eq(campaignAssets.campaignId, campaignId),
          eq(campaignAssets.assetType, assetType),
          eq(campaignAssets.assetId, assetId),
        ),
      )
      .returning();
    if (!row) throw new AppError('asset_not_found', `This campaign has no ${assetType} ${assetId}.`, { id: assetId });
    await recordAudit(
      { ...ctx, db: tx },
      { action: 'campaign.asset_unlinked', entityType: 'campaign', entityId: campaignId, before: { assetType, assetId } },
    );
  });
}
