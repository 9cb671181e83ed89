import { sql } from 'drizzle-orm';
import type { Ctx } from '../../../../kernel/context.ts';
import { rows } from '../../../../kernel/db/index.ts';
import type { Period } from '../../periods.ts';
import { type Converted, type MoneyGroup, sumConverted } from '../money.ts';
import { rateOn } from '../rate-sql.ts';
import { periodsRelation } from './periods-sql.ts';

export type Revenue = Converted & { deals: number };

/**
 * When the workspace's deal history begins: the earlier of its first deal's creation and its first won deal's close
 * (imported deals can be created today and closed years ago). Two index-only lookups; null without deals.
 */
export async function dealHistoryStart(ctx: Ctx): Promise<Date | null> {
  const [r] = await rows<{ start: string | Date | null }>(
    ctx.db,
    sql`select least(
          (select min(created_at) from deals where workspace_id = ${ctx.workspaceId}),
          (select min(closed_at) from deals where workspace_id = ${ctx.workspaceId} and status = 'won' and deleted_at is null
            and closed_at is not null)) as start`,
  );
  return r?.start ? new Date(r.start) : null;
}

/** Won revenue of each period in the reporting currency, each deal at the rate of its close day (UTC, as on the board). */
export async function wonRevenueFor(ctx: Ctx, periods: Period[], q: string): Promise<Map<string, Revenue>> {
  const groups = await rows<MoneyGroup & { label: string; n: number }>(
    ctx.db,
    sql`select p.label, g.currency, case when g.currency = ${q} then null else ${rateOn(ctx.workspaceId, sql`g.currency`, q, sql`g.day`)} end as rate,
          sum(g.n)::int as n, sum(g.total)::text as total
        from ${periodsRelation(periods)}
        cross join lateral (select d.currency, (d.closed_at at time zone 'UTC')::date as day, count(*) as n, coalesce(sum(d.amount), 0) as total
              from deals d where d.workspace_id = ${ctx.workspaceId} and d.status = 'won' and d.deleted_at is null
                and d.closed_at >= p.s and d.closed_at < p.e group by 1, 2) g
        group by 1, 2, 3`,
  );
  return new Map(
    periods.map((p) => {
      const mine = groups.filter((g) => g.label === p.label);
      return [p.label, { ...sumConverted(mine, q), deals: mine.reduce((s, g) => s + g.n, 0) }];
    }),
  );
}
