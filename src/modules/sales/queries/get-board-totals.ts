import { sql } from 'drizzle-orm';
import type { Ctx } from '../../../kernel/context.ts';
import { rows } from '../../../kernel/db/index.ts';
import type { BoardScope } from './board-scope.ts';
import type { Stage } from './get-pipelines.ts';
import { reportingRates } from './reporting-rates.ts';

export interface Unconverted {
  currency: string;
  count: number;
  /** Minor units of `currency`. */
  amount: number;
}

export interface ColumnTotals {
  count: number;
  /** Sum of amounts in the reporting currency (minor units); deals without an amount count as 0. */
  amount: number;
  /** amount × the stage's win probability. */
  weightedAmount: number;
  /** Deals whose currency has no rate into the reporting currency for their date: left out of the sums, listed here. */
  unconverted: Unconverted[];
}

interface Group {
  stage_id: string;
  currency: string;
  /** The rate day (YYYY-MM-DD, or infinity for open deals); null when already in the reporting currency. */
  day: string | null;
  n: number;
  total: string | null;
}

/**
 * Per-stage count, sum and probability-weighted sum in the reporting currency. Deals are summed per
 * (stage, currency, rate day) — read from deal_stage_totals (kept by a trigger) when the board is
 * unfiltered and unrestricted, else aggregated from deals — and each group is converted with the rate
 * valid on its day: today (UTC) for open deals, the UTC close day for won and lost ones (the money was
 * booked then). Groups already in the reporting currency are summed per stage in SQL; the workspace's
 * rates into it are read once and looked up here.
 */
export async function getBoardTotals(ctx: Ctx, scope: BoardScope, stages: Stage[]): Promise<Map<string, ColumnTotals>> {
  const q = scope.reportingCurrency;
  const grouped = scope.unrestricted
    ? sql`select stage_id, currency, day_key, deals as n, amount from deal_stage_totals
          where workspace_id = ${ctx.workspaceId} and pipeline_id = ${scope.pipelineId} and deals <> 0`
    : sql`select d.stage_id, d.currency, coalesce((d.closed_at at time zone 'UTC')::date, 'infinity'::date) as day_key,
            count(*)::int as n, sum(d.amount) as amount
          from deals d where ${scope.where} group by 1, 2, 3`;
  const groups = await rows<Group>(
    ctx.db,
    sql`select g.stage_id, g.currency, case when g.currency = ${q} then null else g.day_key::text end as day,
          sum(g.n)::int as n, sum(g.amount)::text as total
        from (${grouped}) g group by 1, 2, 3`,
  );
  const rates = await reportingRates(
    ctx,
    q,
    groups.some((g) => g.currency !== q),
  );
  const out = new Map<string, ColumnTotals>(stages.map((s) => [s.id, { count: 0, amount: 0, weightedAmount: 0, unconverted: [] }]));
  const exact = new Map<string, number>();
  for (const g of groups) {
    const t = out.get(g.stage_id);
    if (!t) continue;
    t.count += g.n;
    const total = Number(g.total ?? 0);
    const converted = rates.convert(total, g.currency, g.day);
    if (converted === null) {
      const u = t.unconverted.find((x) => x.currency === g.currency);
      if (u) {
        u.count += g.n;
        u.amount += total;
      } else t.unconverted.push({ currency: g.currency, count: g.n, amount: total });
      continue;
    }
    exact.set(g.stage_id, (exact.get(g.stage_id) ?? 0) + converted);
  }
  for (const s of stages) {
    const t = out.get(s.id)!;
    t.amount = exact.get(s.id) ?? 0;
    t.weightedAmount = Math.round((t.amount * s.probability) / 100);
  }
  return out;
}
