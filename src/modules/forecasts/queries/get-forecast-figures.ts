import { type SQL, sql } from 'drizzle-orm';
import type { Ctx } from '../../../kernel/context.ts';
import { rows } from '../../../kernel/db/index.ts';
import { reportingRates } from '../../sales/index.ts';
import type { Period } from '../periods.ts';

/** Computed forecast figures in minor units of the reporting currency. */
export interface Figures {
  closedWon: number;
  commit: number;
  bestCase: number;
  pipeline: number;
  /** Every open deal of the period (not omitted) × its stage's probability. */
  weighted: number;
  /** Deals counted (closed won and open, not omitted). */
  deals: number;
}

export const zeroFigures = (): Figures => ({ closedWon: 0, commit: 0, bestCase: 0, pipeline: 0, weighted: 0, deals: 0 });

export function addFigures(a: Figures, b: Figures): Figures {
  return {
    closedWon: a.closedWon + b.closedWon,
    commit: a.commit + b.commit,
    bestCase: a.bestCase + b.bestCase,
    pipeline: a.pipeline + b.pipeline,
    weighted: a.weighted + b.weighted,
    deals: a.deals + b.deals,
  };
}

export interface FigureSet {
  currency: string;
  /** Per owner id ('' for deals without an owner). */
  byOwner: Map<string, Figures>;
  /** Deals whose currency had no rate for their day: counted nowhere. */
  unconverted: { currency: string; count: number; amount: number }[];
}

interface Group {
  owner_id: string | null;
  cat: 'closed_won' | 'commit' | 'best_case' | 'pipeline';
  currency: string;
  day: string | null;
  n: number;
  amount: string | null;
  weighted: string | null;
}

const field = { closed_won: 'closedWon', commit: 'commit', best_case: 'bestCase', pipeline: 'pipeline' } as const;

/**
 * Every rep's forecast figures for a period in one statement: closed won = deals won between the period's
 * first and last local midnight (workspace time zone); commit / best case / pipeline = open deals whose close
 * date falls in the period, by forecast category (omitted left out; an open deal still marked `closed`
 * counts as commit). Summed per (owner, category, currency, rate day) in SQL, each group converted in JS
 * like the board: won deals at their UTC close day's rate, open deals at today's.
 */
export async function getForecastFigures(
  ctx: Ctx,
  opts: { period: Period; timeZone: string; reportingCurrency: string; pipelineId?: string | null; visible?: SQL },
): Promise<FigureSet> {
  const { period, timeZone } = opts;
  const scope = sql`d.workspace_id = ${ctx.workspaceId} and d.deleted_at is null
    ${opts.pipelineId ? sql`and d.pipeline_id = ${opts.pipelineId}` : sql``} ${opts.visible ? sql`and ${opts.visible}` : sql``}`;
  const groups = await rows<Group>(
    ctx.db,
    sql`select f.owner_id, f.cat, f.currency, f.day, count(*)::int as n, sum(f.amount)::text as amount,
          sum(f.amount * s.probability)::text as weighted
        from (
          select d.owner_id, case when d.forecast_category in ('commit', 'closed') then 'commit' else d.forecast_category end as cat,
            d.currency, null::text as day, d.amount, d.stage_id
          from deals d where ${scope} and d.status = 'open' and d.forecast_category <> 'omitted'
            and d.close_date >= ${period.start}::date and d.close_date < ${period.end}::date
          union all
          select d.owner_id, 'closed_won', d.currency, (d.closed_at at time zone 'UTC')::date::text, d.amount, d.stage_id
          from deals d where ${scope} and d.status = 'won'
            and d.closed_at >= (${period.start}::timestamp at time zone ${timeZone})
            and d.closed_at < (${period.end}::timestamp at time zone ${timeZone})
        ) f join pipeline_stages s on s.workspace_id = ${ctx.workspaceId} and s.id = f.stage_id
        group by 1, 2, 3, 4`,
  );
  const q = opts.reportingCurrency;
  const rates = await reportingRates(
    ctx,
    q,
    groups.some((g) => g.currency !== q),
  );
  const byOwner = new Map<string, Figures>();
  const unconverted = new Map<string, { currency: string; count: number; amount: number }>();
  for (const g of groups) {
    const amount = Number(g.amount ?? 0);
    const converted = rates.convert(amount, g.currency, g.day);
    if (converted === null) {
      const u = unconverted.get(g.currency) ?? { currency: g.currency, count: 0, amount: 0 };
      u.count += g.n;
      u.amount += amount;
      unconverted.set(g.currency, u);
      continue;
    }
    const key = g.owner_id ?? '';
    const f = byOwner.get(key) ?? zeroFigures();
    f[field[g.cat]] += converted;
    f.deals += g.n;
    if (g.cat !== 'closed_won') f.weighted += Math.round((rates.convert(Number(g.weighted ?? 0), g.currency, g.day) ?? 0) / 100);
    byOwner.set(key, f);
  }
  return { currency: q, byOwner, unconverted: [...unconverted.values()] };
}
