import { sql } from 'drizzle-orm';
import type { Ctx } from '../../../kernel/context.ts';
import { rows } from '../../../kernel/db/index.ts';
import { AppError } from '../../../kernel/errors.ts';
import { type AttributionModel, attribute, attributionModels } from '../attribution-models.ts';
import type { Attribution, AttributionRow } from '../http/campaigns.types.ts';
import type { CampaignChannel } from '../schema.ts';
import { getDealTouches, getFunnelCounts, getSpendEntries, getWonDeals, type Period } from './get-attribution-inputs.ts';
import { loadRateBook } from './rate-book.ts';

export interface AttributionQuery extends Period {
  model: AttributionModel;
  groupBy: 'campaign' | 'channel';
  /** Only these campaigns' rows (credit is still shared with every campaign the journeys touched). */
  campaignIds?: string[];
  /** false: revenue and spend only, without the leads/MQL/SQL/customer counts (the KPI board needs no funnel). */
  funnel?: boolean;
}

/** (revenue − spend) ÷ spend, rounded to 4 places; null with the reason when there is no spend. */
export function roiOf(revenue: number, spend: number): number | null {
  return spend > 0 ? Math.round(((revenue - spend) / spend) * 10_000) / 10_000 : null;
}

/**
 * Leads, MQLs, SQLs, customers, attributed revenue under every model, spend, cost per lead and ROI per campaign or
 * channel for a period. Revenue is the won deals closed in the period (converted at their UTC close day's rate),
 * credited to touchpoints of the deal's contacts and its company's contacts up to the win.
 */
export async function getAttribution(ctx: Ctx, q: AttributionQuery): Promise<Attribution> {
  if (q.from && q.to && q.to < q.from)
    throw new AppError('validation_failed', `The period ends (${q.to}) before it starts (${q.from}); swap the dates.`, {
      path: ['querystring', 'to'],
    });
  const [book, campaigns, won, touches, funnel, spendRows] = await Promise.all([
    loadRateBook(ctx),
    rows<{ id: string; name: string; channel: CampaignChannel }>(
      ctx.db,
      sql`select id, name, channel from campaigns where workspace_id = ${ctx.workspaceId} order by start_date nulls last, name`,
    ),
    getWonDeals(ctx, q),
    getDealTouches(ctx, q),
    q.funnel === false ? Promise.resolve([]) : getFunnelCounts(ctx, q, q.groupBy),
    getSpendEntries(ctx, q),
  ]);
  const keyOf = new Map(campaigns.map((c) => [c.id, q.groupBy === 'campaign' ? c.id : c.channel]));
  const rowsByKey = new Map<string, AttributionRow>();
  const row = (key: string, label: string, channel: CampaignChannel | null) => {
    let r = rowsByKey.get(key);
    if (!r) {
      r = {
        key,
        label,
        channel,
        leads: 0,
        mqls: 0,
        sqls: 0,
        customers: 0,
        touchpoints: 0,
        revenue: 0,
        revenueByModel: {},
        spend: 0,
        costPerLead: null,
        roi: null,
        roiByModel: {},
        roiNote: null,
      };
      for (const m of attributionModels) r.revenueByModel[m] = 0;
      rowsByKey.set(key, r);
    }
    return r;
  };
  for (const c of campaigns) q.groupBy === 'campaign' ? row(c.id, c.name, c.channel) : row(c.channel, c.channel, c.channel);

  const unconverted: Attribution['unconverted'] = [];
  const touchesByDeal = new Map<string, { campaignId: string; at: Date; key: string }[]>();
  for (const t of touches) {
    const l = touchesByDeal.get(t.dealId) ?? [];
    l.push({ campaignId: t.campaignId, at: t.at, key: t.id });
    touchesByDeal.set(t.dealId, l);
  }
  let revenue = 0;
  let wonWithoutTouches = 0;
  for (const deal of won) {
    const amount = book.convert(deal.amount, deal.currency, deal.closeDay);
    if (amount === null) {
      unconverted.push({ currency: deal.currency, day: deal.closeDay, what: 'deal' });
      continue;
    }
    revenue += amount;
    const journey = { touches: touchesByDeal.get(deal.id) ?? [], wonAt: deal.closedAt, leadAt: deal.leadAt, opportunityAt: deal.createdAt };
    if (journey.touches.length === 0) wonWithoutTouches++;
    for (const m of attributionModels)
      for (const credit of attribute(m, journey, amount)) {
        const key = keyOf.get(credit.campaignId);
        if (key) rowsByKey.get(key)!.revenueByModel[m]! += credit.amount;
      }
  }
  let spend = 0;
  for (const s of spendRows) {
    const amount = book.convert(Number(s.amount), s.currency, s.spent_on);
    if (amount === null) {
      unconverted.push({ currency: s.currency, day: s.spent_on, what: 'spend' });
      continue;
    }
    spend += amount;
    const key = keyOf.get(s.campaign_id);
    if (key) rowsByKey.get(key)!.spend += amount;
  }
  for (const f of funnel) {
    const r = rowsByKey.get(f.key);
    if (r) Object.assign(r, { leads: f.leads, mqls: f.mqls, sqls: f.sqls, customers: f.customers, touchpoints: f.touchpoints });
  }
  for (const r of rowsByKey.values()) {
    r.revenue = r.revenueByModel[q.model]!;
    for (const m of attributionModels) r.roiByModel[m] = roiOf(r.revenueByModel[m]!, r.spend);
    r.roi = r.roiByModel[q.model]!;
    r.roiNote = r.spend > 0 ? null : 'No spend recorded in this period, so return on investment cannot be computed.';
    r.costPerLead = r.spend > 0 && r.leads > 0 ? Math.round(r.spend / r.leads) : null;
  }
  let list = [...rowsByKey.values()];
  if (q.campaignIds) list = list.filter((r) => q.campaignIds!.includes(r.key));
  const seen = new Set<string>();
  return {
    model: q.model,
    currency: book.currency,
    from: q.from ?? null,
    to: q.to ?? null,
    groupBy: q.groupBy,
    rows: list.sort((a, b) => b.revenue - a.revenue || b.leads - a.leads || a.label.localeCompare(b.label)),
    totals: { revenue, spend, wonDeals: won.length, wonWithoutTouches },
    unconverted: unconverted.filter((u) => {
      const k = `${u.what}:${u.currency}:${u.day}`;
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    }),
  };
}
