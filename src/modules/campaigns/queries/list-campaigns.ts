import { sql } from 'drizzle-orm';
import type { Ctx } from '../../../kernel/context.ts';
import { rows } from '../../../kernel/db/index.ts';
import type { AttributionModel } from '../attribution-models.ts';
import type { CampaignChannel, CampaignStatus } from '../schema.ts';
import { type Campaign, campaignColumns, toCampaign } from './campaign-shape.ts';
import { getAttribution } from './get-attribution.ts';
import { loadRateBook, todayUtc } from './rate-book.ts';

export interface CampaignListItem extends Campaign {
  spend: number;
  budgetConverted: number | null;
  leads: number;
  revenue: number;
  roi: number | null;
}

/** Every campaign (a workspace runs tens to hundreds), newest start first, with all-time spend, leads, revenue and ROI under a model. */
export async function listCampaigns(
  ctx: Ctx,
  q: { model: AttributionModel; status?: CampaignStatus; channel?: CampaignChannel; q?: string },
): Promise<CampaignListItem[]> {
  const text = q.q?.trim();
  const [list, attribution, book] = await Promise.all([
    rows(
      ctx.db,
      sql`select ${sql.raw(campaignColumns)} from campaigns c left join users u on u.id = c.owner_id
          where c.workspace_id = ${ctx.workspaceId}
            ${q.status ? sql`and c.status = ${q.status}` : sql``}
            ${q.channel ? sql`and c.channel = ${q.channel}` : sql``}
            ${text ? sql`and (c.name ilike ${`%${text.replace(/[\\%_]/g, '\\$&')}%`} or c.slug ilike ${`%${text.replace(/[\\%_]/g, '\\$&')}%`})` : sql``}
          order by c.start_date desc nulls last, c.name`,
    ),
    getAttribution(ctx, { model: q.model, groupBy: 'campaign' }),
    loadRateBook(ctx),
  ]);
  const byId = new Map(attribution.rows.map((r) => [r.key, r]));
  const today = todayUtc();
  return list.map((raw) => {
    const c = toCampaign(raw);
    const a = byId.get(c.id);
    return {
      ...c,
      spend: a?.spend ?? 0,
      budgetConverted: c.budgetAmount === null ? null : book.convert(c.budgetAmount, c.budgetCurrency, today),
      leads: a?.leads ?? 0,
      revenue: a?.revenue ?? 0,
      roi: a?.roi ?? null,
    };
  });
}
