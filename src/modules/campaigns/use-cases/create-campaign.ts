import { recordAudit } from '../../../kernel/audit/index.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { AppError } from '../../../kernel/errors.ts';
import { emitEvent } from '../../../kernel/events/index.ts';
import { assertMember, workspaceCurrency } from '../../companies/index.ts';
import { checkCurrency } from '../../sales/index.ts';
import { assertSlugFree, checkDates, checkSlug } from '../campaign-rules.ts';
import type { CampaignBody } from '../http/campaigns.types.ts';
import type { Campaign } from '../queries/campaign-shape.ts';
import { getCampaign } from '../queries/get-campaign.ts';
import { campaigns } from '../schema.ts';

/** Creates a campaign; its utm_campaign slug comes from the name unless given, and must be free in the workspace. */
export async function createCampaign(ctx: Ctx, input: CampaignBody): Promise<Campaign> {
  const name = input.name.trim();
  if (!name) throw new AppError('validation_failed', 'Give the campaign a name.', { path: ['body', 'name'] });
  const slug = checkSlug(input.slug, name);
  checkDates(input.startDate, input.endDate);
  return ctx.db.transaction(async (tx) => {
    const c = { ...ctx, db: tx };
    const ownerId = input.ownerId === undefined ? (ctx.actor.userId ?? null) : input.ownerId;
    await assertMember(c, ownerId, ['body', 'ownerId']);
    const budgetCurrency = input.budgetCurrency
      ? checkCurrency(input.budgetCurrency, ['body', 'budgetCurrency'])
      : await workspaceCurrency(c);
    await assertSlugFree(c, slug);
    const [row] = await tx
      .insert(campaigns)
      .values({
        workspaceId: ctx.workspaceId,
        name,
        slug,
        channel: input.channel,
        status: input.status ?? 'planned',
        ownerId,
        description: input.description?.trim() || null,
        startDate: input.startDate ?? null,
        endDate: input.endDate ?? null,
        budgetAmount: input.budgetAmount ?? null,
        budgetCurrency,
        goals: input.goals ?? {},
      })
      .returning({ id: campaigns.id });
    const campaign = await getCampaign(c, row!.id);
    await recordAudit(c, { action: 'campaign.created', entityType: 'campaign', entityId: campaign.id, after: campaign });
    await emitEvent(c, {
      type: 'campaign.created',
      entityType: 'campaign',
      entityId: campaign.id,
      data: { name, slug, channel: campaign.channel, status: campaign.status },
    });
    return campaign;
  });
}
