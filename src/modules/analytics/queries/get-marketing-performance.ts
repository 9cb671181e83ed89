import type { Ctx } from '../../../kernel/context.ts';
import { type AttributionModel, type campaignTypes, getAttribution } from '../../campaigns/index.ts';
import { parseDateRange } from '../reports/date-range.ts';
import { getAnalyticsBasis } from './workspace-basis.ts';

export type MarketingRow = campaignTypes.AttributionRow & {
  /** spend ÷ customers won from the campaign's contacts (null without customers). */
  cac: number | null;
};

export interface MarketingPerformance {
  from: string;
  to: string;
  model: AttributionModel;
  currency: string;
  campaigns: MarketingRow[];
  channels: MarketingRow[];
  totals: campaignTypes.Attribution['totals'];
  unconverted: campaignTypes.Attribution['unconverted'];
}

const withCac = (r: campaignTypes.AttributionRow): MarketingRow => ({
  ...r,
  cac: r.customers > 0 ? Math.round(r.spend / r.customers) : null,
});

/**
 * Leads, MQLs, SQLs, customers, attributed revenue by model, spend, CPL, CAC and ROI per campaign and per channel:
 * the campaigns module's attribution for the range (defaults to the current quarter) with acquisition cost added.
 */
export async function getMarketingPerformance(
  ctx: Ctx,
  q: { from?: string; to?: string; model?: AttributionModel },
): Promise<MarketingPerformance> {
  const basis = await getAnalyticsBasis(ctx);
  const range = parseDateRange(q, basis.timezone);
  const model = q.model ?? 'linear';
  const [byCampaign, byChannel] = await Promise.all([
    getAttribution(ctx, { from: range.from, to: range.to, model, groupBy: 'campaign' }),
    getAttribution(ctx, { from: range.from, to: range.to, model, groupBy: 'channel' }),
  ]);
  return {
    from: range.from,
    to: range.to,
    model,
    currency: byCampaign.currency,
    campaigns: byCampaign.rows.map(withCac),
    channels: byChannel.rows.map(withCac),
    totals: byCampaign.totals,
    unconverted: byCampaign.unconverted,
  };
}
