import { sql } from 'drizzle-orm';
import type { Ctx } from '../../../kernel/context.ts';
import { rows } from '../../../kernel/db/index.ts';
import { loadRateBook } from './rate-book.ts';

/** A range of local days, both included (YYYY-MM-DD), named by `key`. */
export interface TotalsRange {
  key: string;
  from: string;
  to: string;
}

export interface AttributedTotals {
  /** Revenue credited to campaigns (the same under every model: each splits the whole amount over the touches). */
  revenue: number;
  /** Campaign spend in the range. */
  spend: number;
}

/**
 * The totals of `getAttribution` for several ranges in two statements, without crediting deal by deal: every model
 * shares a won deal's whole amount among its touches, so the revenue credited to campaigns in a range is the sum of
 * its won deals that have at least one touchpoint (of their contacts or their company's contacts, up to the win):
 * whose `first_touch_at`, kept by triggers, is at or before `closed_at`.
 * Amounts convert exactly as there (each deal at its UTC close day's rate, each spend entry at its day's), grouped
 * by amount so the rounding is per deal (grouped on the date and number, not their text: sorting text costs several
 * times more). The KPI board reads its eight periods this way.
 */
export async function getAttributedTotals(ctx: Ctx, ranges: TotalsRange[]): Promise<Map<string, AttributedTotals>> {
  const out = new Map(ranges.map((r) => [r.key, { revenue: 0, spend: 0 }]));
  if (!ranges.length) return out;
  const ws = ctx.workspaceId;
  const relation = sql`jsonb_to_recordset(${JSON.stringify(ranges.map((r) => ({ key: r.key, f: r.from, t: r.to })))}::jsonb)
    as p(key text, f date, t date)`;
  const tz = sql`(select timezone from workspaces where id = ${ws})`;
  const [book, won, spent] = await Promise.all([
    loadRateBook(ctx),
    rows<{ key: string; currency: string; day: string; amount: string; n: number }>(
      ctx.db,
      // Each period's won deals by an index range on their close time (index-only on deals_closed_idx). A deal
      // credits campaigns when its people's first touch (any campaign: touchpoints go with their campaign) came
      // before the win; triggers keep first_touch_at (migration 0034_deal_first_touch).
      sql`with p as materialized (
            select p.key, p.f::timestamp at time zone ${tz} as s, (p.t + 1)::timestamp at time zone ${tz} as e from ${relation})
          select p.key, d.currency, d.day::text as day, d.amount::text as amount, count(*)::int as n
          from p cross join lateral (select d.currency, (d.closed_at at time zone 'UTC')::date as day, d.amount from deals d
            where d.workspace_id = ${ws} and d.status = 'won' and d.deleted_at is null and d.amount is not null
              and d.closed_at >= p.s and d.closed_at < p.e and d.first_touch_at <= d.closed_at) d
          group by p.key, d.currency, d.day, d.amount`,
    ),
    rows<{ key: string; currency: string; day: string; amount: string; n: number }>(
      ctx.db,
      sql`select p.key, s.currency, s.spent_on::text as day, s.amount::text as amount, count(*)::int as n
          from ${relation}
          join campaign_spend s on s.workspace_id = ${ws} and s.spent_on >= p.f and s.spent_on <= p.t
          group by p.key, s.currency, s.spent_on, s.amount`,
    ),
  ]);
  for (const [list, field] of [
    [won, 'revenue'],
    [spent, 'spend'],
  ] as const)
    for (const g of list) {
      const amount = book.convert(Number(g.amount), g.currency, g.day);
      if (amount !== null) out.get(g.key)![field] += amount * g.n;
    }
  return out;
}
