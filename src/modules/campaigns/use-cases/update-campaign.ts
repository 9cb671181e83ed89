import { and, eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../../kernel/audit/index.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { AppError } from '../../../kernel/errors.ts';
import { emitEvent } from '../../../kernel/events/index.ts';
import { assertMember } from '../../companies/index.ts';
import { checkCurrency } from '../../sales/index.ts';
import { assertSlugFree, checkDates, checkSlug, loadCampaignRow } from '../campaign-rules.ts';
import type { CampaignChanges } from '../http/campaigns.types.ts';
import type { Campaign } from '../queries/campaign-shape.ts';
import { getCampaign } from '../queries/get-campaign.ts';
import { campaigns } from '../schema.ts';

/** Changes a campaign's fields; a new slug must be free (links already sent with the old one stop matching). */
export async function updateCampaign(ctx: Ctx, id: string, input: CampaignChanges): Promise<Campaign> {
  return ctx.db.transaction(async (tx) => {
    const c = { ...ctx, db: tx };
    await loadCampaignRow(c, id, true);
    const before = await getCampaign(c, id);
    const set: Partial<typeof campaigns.$inferInsert> = {};
    if (input.name !== undefined) {
      if (!input.name.trim()) throw new AppError('validation_failed', 'A campaign needs a name.', { path: ['body', 'name'] });
      set.name = input.name.trim();
    }
    if (input.slug !== undefined && input.slug !== before.slug) {
      set.slug = checkSlug(input.slug, before.name);
      await assertSlugFree(c, set.slug, id);
    }
    if (input.channel !== undefined) set.channel = input.channel;
    if (input.status !== undefined) set.status = input.status;
    if (input.ownerId !== undefined) {
      await assertMember(c, input.ownerId, ['body', 'ownerId']);
      set.ownerId = input.ownerId;
    }
    if (input.description !== undefined) set.description = input.description?.trim() || null;
    if (input.startDate !== undefined) set.startDate = input.startDate;
    if (input.endDate !== undefined) set.endDate = input.endDate;
    checkDates(set.startDate === undefined ? before.startDate : set.startDate, set.endDate === undefined ? before.endDate : set.endDate);
    if (input.budgetAmount !== undefined) set.budgetAmount = input.budgetAmount;
    if (input.budgetCurrency !== undefined) set.budgetCurrency = checkCurrency(input.budgetCurrency, ['body', 'budgetCurrency']);
    if (input.goals !== undefined) set.goals = input.goals;
    const changed = Object.keys(set);
    if (changed.length === 0) return before;
    await tx
      .update(campaigns)
      .set({ ...set, updatedAt: sql`now()` })
      .where(and(eq(campaigns.workspaceId, ctx.workspaceId), eq(campaigns.id, id)));
    const after = await getCampaign(c, id);
    await recordAudit(c, { action: 'campaign.updated', entityType: 'campaign', entityId: id, before, after });
    await emitEvent(c, { type: 'campaign.updated', entityType: 'campaign', entityId: id, data: { changed } });
    return after;
  });
}
