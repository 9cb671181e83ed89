import { sql } from 'drizzle-orm';
import type { Ctx } from '../../../../kernel/context.ts';
import { rows } from '../../../../kernel/db/index.ts';
import { monthsOf, type Period } from '../../periods.ts';
import { type Converted, type MoneyGroup, sumConverted } from '../money.ts';
import { rateOn } from '../rate-sql.ts';

/** Sales costs of each period's months, each at the rate of its month's first day. */
export async function salesCostFor(ctx: Ctx, periods: Period[], q: string): Promise<Map<string, Converted>> {
  const bounds = periods.map((p) => ({ label: p.label, s: monthsOf(p)[0], e: p.endDay }));
  const groups = await rows<MoneyGroup & { label: string }>(
    ctx.db,
    sql`select p.label, c.currency, case when c.currency = ${q} then null else ${rateOn(ctx.workspaceId, sql`c.currency`, q, sql`c.month`)} end as rate,
          sum(c.amount)::text as total
        from jsonb_to_recordset(${JSON.stringify(bounds)}::jsonb) as p(label text, s date, e date)
        join sales_costs c on c.workspace_id = ${ctx.workspaceId} and c.month >= p.s and c.month < p.e
        group by p.label, c.currency, c.month`,
  );
  return new Map(
    periods.map((p) => [
      p.label,
      sumConverted(
        groups.filter((g) => g.label === p.label),
        q,
      ),
    ]),
  );
}

/** The market size for the period: entered for it, or the share of the year's (or quarter's) size it covers. */
export async function marketSize(ctx: Ctx, p: Period, q: string): Promise<number | null> {
  const quarter = `${p.year}-Q${Math.floor((p.month - 1) / 3) + 1}`;
  const candidates = [
    { label: p.label, share: 1 },
    ...(p.kind === 'month' ? [{ label: quarter, share: 1 / 3 }] : []),
    ...(p.kind !== 'year' ? [{ label: String(p.year), share: p.months / 12 }] : []),
  ];
  const groups = await rows<MoneyGroup & { period: string }>(
    ctx.db,
    sql`select m.period, currency, case when currency = ${q} then null else ${rateOn(ctx.workspaceId, sql`m.currency`, q, sql`${p.firstDay}::date`)} end as rate,
          sum(amount)::text as total from market_sizes m
        where m.workspace_id = ${ctx.workspaceId} and m.period in ${candidates.map((c) => c.label)} group by 1, 2`,
  );
  for (const c of candidates) {
    const mine = groups.filter((g) => g.period === c.label);
    if (mine.length) return Math.round(sumConverted(mine, q).amount * c.share);
  }
  return null;
}
