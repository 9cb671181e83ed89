import { sql } from 'drizzle-orm';
import type { Ctx } from '../../../kernel/context.ts';
import { rows } from '../../../kernel/db/index.ts';
import { AppError } from '../../../kernel/errors.ts';
import { resolvedOwnerVisibility } from '../../identity/index.ts';
import { convertMinor } from '../../sales/index.ts';
import { periodAt } from '../periods.ts';
import { type CohortRow, computeCohorts, customerMembers, monthLabel, revenueMembers } from '../reports/cohorts.ts';
import { parseDateRange } from '../reports/date-range.ts';
import { rateOn } from './rate-sql.ts';
import { getAnalyticsBasis } from './workspace-basis.ts';

export interface CohortQuery {
  from?: string;
  to?: string;
  basis?: 'customers' | 'revenue';
}

export interface Cohorts {
  basis: 'customers' | 'revenue';
  from: string;
  to: string;
  currency: string;
  /** Currencies of orders left out for want of an exchange rate. */
  unconvertedCurrencies: string[];
  cohorts: (Omit<CohortRow, 'month'> & { month: string })[];
}

const maxMonths = 36;

/**
 * Retention by start month: on the customers basis contacts by the month they first became customers (active while
 * their lifecycle stage is customer or evangelist); on the revenue basis customers (the order's company, else its deal)
 * by their first recurring order's month, with MRR in the reporting currency at each order's confirmation-day rate.
 */
export async function getCohorts(ctx: Ctx, q: CohortQuery, now = new Date()): Promise<Cohorts> {
  const basis = await getAnalyticsBasis(ctx);
  const tz = basis.timezone;
  const range = parseDateRange(q, tz, now);
  const monthIndex = (day: string) => Number(day.slice(0, 4)) * 12 + Number(day.slice(5, 7)) - 1;
  const firstMonth = monthIndex(range.from);
  const lastCohortMonth = monthIndex(range.to);
  if (lastCohortMonth - firstMonth + 1 > maxMonths)
    throw new AppError('validation_failed', `Cohorts cover at most ${maxMonths} months; shorten the range.`, {
      path: ['query', 'from'],
    });
  const current = periodAt(now, 'month', tz);
  const lastMonth = current.year * 12 + current.month - 1;
  const ws = ctx.workspaceId;
  const localMonth = (col: ReturnType<typeof sql>) =>
    sql`(extract(year from (${col} at time zone ${tz}))::int * 12 + extract(month from (${col} at time zone ${tz}))::int - 1)`;
  const unconverted = new Set<string>();
  let members: ReturnType<typeof revenueMembers>;
  const kind = q.basis ?? 'customers';
  if (kind === 'revenue') {
    const visible = await resolvedOwnerVisibility(ctx, sql`d.owner_id`);
    const orders = await rows<{
      customer: string;
      confirmed: number;
      cancelled: number | null;
      mrr: string;
      currency: string;
      rate: string | null;
    }>(
      ctx.db,
      sql`select coalesce(o.company_id, o.deal_id, o.id)::text as customer, ${localMonth(sql`o.confirmed_at`)} as confirmed,
          case when o.cancelled_at is null then null else ${localMonth(sql`o.cancelled_at`)} end as cancelled,
          o.mrr::text as mrr, o.currency,
          ${rateOn(ws, sql`o.currency`, basis.currency, sql`(o.confirmed_at at time zone ${tz})::date`)} as rate
        from orders o left join deals d on d.workspace_id = ${ws} and d.id = o.deal_id
        where o.workspace_id = ${ws} and o.confirmed_at is not null and o.mrr > 0 and ${visible}`,
    );
    const converted = orders.flatMap((o) => {
      const mrr = Number(o.mrr);
      if (o.currency !== basis.currency && o.rate === null) {
        unconverted.add(o.currency);
        return [];
      }
      return [
        {
          customer: o.customer,
          confirmedMonth: Number(o.confirmed),
          cancelledMonth: o.cancelled === null ? null : Number(o.cancelled),
          mrr: o.currency === basis.currency ? mrr : convertMinor(mrr, Number(o.rate), o.currency, basis.currency),
        },
      ];
    });
    members = revenueMembers(converted, lastMonth);
  } else {
    const visible = await resolvedOwnerVisibility(ctx, sql`c.owner_id`);
    const changes = await rows<{ contact: string; month: number; at: Date | string; customer: boolean }>(
      ctx.db,
      sql`select h.contact_id::text as contact, ${localMonth(sql`h.changed_at`)} as month, h.changed_at as at,
          h.to_stage in ('customer', 'evangelist') as customer
        from lifecycle_history h join contacts c on c.workspace_id = ${ws} and c.id = h.contact_id and c.deleted_at is null
        where h.workspace_id = ${ws} and ${visible} and exists (select 1 from lifecycle_history x where x.workspace_id = ${ws}
          and x.contact_id = h.contact_id and x.to_stage in ('customer', 'evangelist'))`,
    );
    members = customerMembers(
      changes.map((c) => ({ contact: c.contact, month: Number(c.month), at: new Date(c.at).getTime(), customer: c.customer })),
      lastMonth,
    );
  }
  return {
    basis: kind,
    from: range.from,
    to: range.to,
    currency: basis.currency,
    unconvertedCurrencies: [...unconverted].sort(),
    cohorts: computeCohorts(members, firstMonth, lastCohortMonth, lastMonth).map((r) => ({ ...r, month: monthLabel(r.month) })),
  };
}
