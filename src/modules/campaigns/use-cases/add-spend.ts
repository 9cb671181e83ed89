import { and, eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../../kernel/audit/index.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { AppError } from '../../../kernel/errors.ts';
import { emitEvent } from '../../../kernel/events/index.ts';
import { checkCurrency } from '../../sales/index.ts';
import { loadCampaignRow } from '../campaign-rules.ts';
import type { SpendBody } from '../http/campaigns.types.ts';
import { campaignSpend } from '../schema.ts';

export type SpendEntry = typeof campaignSpend.$inferSelect;
const shown = (r: SpendEntry) => ({
  id: r.id,
  campaignId: r.campaignId,
  spentOn: r.spentOn,
  amount: r.amount,
  currency: r.currency,
  note: r.note,
});

/** Records money spent on a campaign on a day (currency defaults to the campaign's budget currency). */
export async function addSpend(ctx: Ctx, campaignId: string, input: SpendBody) {
  return ctx.db.transaction(async (tx) => {
    const c = { ...ctx, db: tx };
    const campaign = await loadCampaignRow(c, campaignId, true);
    const currency = input.currency ? checkCurrency(input.currency, ['body', 'currency']) : campaign.budget_currency;
    const [row] = await tx
      .insert(campaignSpend)
      .values({
        workspaceId: ctx.workspaceId,
        campaignId,
        spentOn: input.spentOn,
        amount: input.amount,
        currency,
        note: input.note?.trim() || null,
      })
      .returning();
    await recordAudit(c, { action: 'campaign.spend_added', entityType: 'campaign', entityId: campaignId, after: shown(row!) });
    await emitEvent(c, { type: 'campaign.spend_changed', entityType: 'campaign', entityId: campaignId, data: { spendId: row!.id } });
    return shown(row!);
  });
}

/** Changes a spend entry of the campaign. */
export async function updateSpend(ctx: Ctx, campaignId: string, spendId: string, input: Partial<SpendBody>) {
  return ctx.db.transaction(async (tx) => {
    const c = { ...ctx, db: tx };
    await loadCampaignRow(c, campaignId, true);
    const where = and(
      eq(campaignSpend.workspaceId, ctx.workspaceId),
      eq(campaignSpend.campaignId, campaignId),
      eq(campaignSpend.id, spendId),
    );
    const [before] = await tx.select().from(campaignSpend).where(where);
    if (!before) throw new AppError('spend_not_found', `No spend entry ${spendId} on this campaign.`, { id: spendId });
    const set: Partial<typeof campaignSpend.$inferInsert> = {};
    if (input.spentOn !== undefined) set.spentOn = input.spentOn;
    if (input.amount !== undefined) set.amount = input.amount;
    if (input.currency !== undefined) set.currency = checkCurrency(input.currency, ['body', 'currency']);
    if (input.note !== undefined) set.note = input.note?.trim() || null;
    const [row] = await tx
      .update(campaignSpend)
      .set({ ...set, updatedAt: sql`now()` })
      .where(where)
      .returning();
    await recordAudit(c, {
      action: 'campaign.spend_updated',
      entityType: 'campaign',
      entityId: campaignId,
      before: shown(before),
      after: shown(row!),
    });
    await emitEvent(c, { type: 'campaign.spend_changed', entityType: 'campaign', entityId: campaignId, data: { spendId } });
    return shown(row!);
  });
}

/** Removes a spend entry of the campaign. */
export async function deleteSpend(ctx: Ctx, campaignId: string, spendId: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const c = { ...ctx, db: tx };
    await loadCampaignRow(c, campaignId, true);
    const [row] = await tx
      .delete(campaignSpend)
      .where(and(eq(campaignSpend.workspaceId, ctx.workspaceId), eq(campaignSpend.campaignId, campaignId), eq(campaignSpend.id, spendId)))
      .returning();
    if (!row) throw new AppError('spend_not_found', `No spend entry ${spendId} on this campaign.`, { id: spendId });
    await recordAudit(c, { action: 'campaign.spend_deleted', entityType: 'campaign', entityId: campaignId, before: shown(row) });
    await emitEvent(c, { type: 'campaign.spend_changed', entityType: 'campaign', entityId: campaignId, data: { spendId } });
  });
}
