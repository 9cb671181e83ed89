import { sql } from 'drizzle-orm';
import type { Ctx } from '../../../kernel/context.ts';
import { rows } from '../../../kernel/db/index.ts';
import type { KpiInputs } from '../kpis/definitions.ts';
import { monthsOf, type Period, previousPeriod, sameLastYear } from '../periods.ts';
import { type MoneyGroup, sumConverted } from './money.ts';
import { rateOn } from './rate-sql.ts';

/** Inputs other modules supply (campaign spend and attributed revenue, email delivery): registered at start-up. */
export type ProvidedInputs = Partial<Pick<KpiInputs, 'marketingSpend' | 'attributedRevenue' | 'emailDelivered' | 'emailClicked'>>;
export type KpiInputProvider = (ctx: Ctx, period: Period, reportingCurrency: string) => Promise<ProvidedInputs>;
const providers = new Map<string, KpiInputProvider>();

/** Lets a module feed the KPI board (e.g. campaigns: marketing spend). Later providers add to earlier ones. */
export function registerKpiInputs(name: string, provider: KpiInputProvider) {
  providers.set(name, provider);
}

const customerStages = sql`('customer', 'evangelist')`;
const sqlStages = sql`('sales_qualified', 'opportunity', 'customer', 'evangelist')`;

/** Won revenue of a period in the reporting currency, each deal at the rate of its close day (UTC, as on the board). */
async function wonRevenue(ctx: Ctx, p: Period, q: string) {
  const groups = await rows<MoneyGroup & { n: number }>(
    ctx.db,
    sql`select g.currency, case when g.currency = ${q} then null else ${rateOn(ctx.workspaceId, sql`g.currency`, q, sql`g.day`)} end as rate,
          sum(g.n)::int as n, sum(g.total)::text as total
        from (select d.currency, (d.closed_at at time zone 'UTC')::date as day, count(*) as n, coalesce(sum(d.amount), 0) as total
              from deals d where d.workspace_id = ${ctx.workspaceId} and d.status = 'won' and d.deleted_at is null
                and d.closed_at >= ${p.start.toISOString()} and d.closed_at < ${p.end.toISOString()} group by 1, 2) g
        group by 1, 2`,
  );
  return { ...sumConverted(groups, q), deals: groups.reduce((s, g) => s + g.n, 0) };
}

/** Sales costs of the period's months, each at the rate of its month's first day. */
async function salesCost(ctx: Ctx, p: Period, q: string) {
  const groups = await rows<MoneyGroup>(
    ctx.db,
    sql`select currency, case when currency = ${q} then null else ${rateOn(ctx.workspaceId, sql`c.currency`, q, sql`c.month`)} end as rate,
          sum(amount)::text as total
        from sales_costs c where c.workspace_id = ${ctx.workspaceId} and c.month >= ${monthsOf(p)[0]}::date and c.month < ${p.endDay}::date
        group by c.currency, c.month`,
  );
  return sumConverted(groups, q);
}

/** The market size for the period: entered for it, or the share of the year's (or quarter's) size it covers. */
async function marketSize(ctx: Ctx, p: Period, q: string): Promise<number | null> {
  const quarter = `${p.year}-Q${Math.floor((p.month - 1) / 3) + 1}`;
  const candidates = [
    { label: p.label, share: 1 },
    ...(p.kind === 'month' ? [{ label: quarter, share: 1 / 3 }] : []),
    ...(p.kind !== 'year' ? [{ label: String(p.year), share: p.months / 12 }] : []),
  ];
  for (const c of candidates) {
    const groups = await rows<MoneyGroup>(
      ctx.db,
      sql`select currency, case when currency = ${q} then null else ${rateOn(ctx.workspaceId, sql`m.currency`, q, sql`${p.firstDay}::date`)} end as rate,
            sum(amount)::text as total from market_sizes m where m.workspace_id = ${ctx.workspaceId} and m.period = ${c.label} group by 1`,
    );
    if (groups.length) return Math.round(sumConverted(groups, q).amount * c.share);
  }
  return null;
}

/** Contacts whose lifecycle stage at instant `t` was customer or evangelist. */
async function customersAt(ctx: Ctx, t: Date): Promise<number> {
  const at = t.toISOString();
  const [r] = await rows<{ n: number }>(
    ctx.db,
    sql`select count(*)::int as n
        from (select distinct contact_id from lifecycle_history
              where workspace_id = ${ctx.workspaceId} and to_stage in ${customerStages} and changed_at < ${at}) c
        cross join lateral (select l.to_stage from lifecycle_history l
              where l.workspace_id = ${ctx.workspaceId} and l.contact_id = c.contact_id and l.changed_at < ${at}
              order by l.changed_at desc, l.id desc limit 1) last
        join contacts k on k.workspace_id = ${ctx.workspaceId} and k.id = c.contact_id and (k.deleted_at is null or k.deleted_at >= ${at})
        where last.to_stage in ${customerStages}`,
  );
  return r!.n;
}

/** Lifecycle figures of the period: new customers, the leads cohort, MQLs and how far they got. */
async function lifecycle(ctx: Ctx, p: Period) {
  const [start, end] = [p.start.toISOString(), p.end.toISOString()];
  const ws = ctx.workspaceId;
  const [r] = await rows<{ new_customers: number; leads: number; leads_customers: number; mqls: number; mqls_sqls: number }>(
    ctx.db,
    sql`select
        (select count(*)::int from (select contact_id, min(changed_at) as first from lifecycle_history
            where workspace_id = ${ws} and to_stage in ${customerStages} and changed_at < ${end} group by contact_id) f
          where f.first >= ${start}) as new_customers,
        (select count(*)::int from contacts c where c.workspace_id = ${ws} and c.deleted_at is null
            and c.created_at >= ${start} and c.created_at < ${end}) as leads,
        (select count(*)::int from contacts c where c.workspace_id = ${ws} and c.deleted_at is null
            and c.created_at >= ${start} and c.created_at < ${end}
            and exists (select 1 from lifecycle_history h where h.workspace_id = ${ws} and h.contact_id = c.id and h.to_stage in ${customerStages})) as leads_customers,
        (select count(*)::int from (select contact_id, min(changed_at) as first from lifecycle_history
            where workspace_id = ${ws} and to_stage = 'marketing_qualified' and changed_at < ${end} group by contact_id) m
          where m.first >= ${start}) as mqls,
        (select count(*)::int from (select contact_id, min(changed_at) as first from lifecycle_history
            where workspace_id = ${ws} and to_stage = 'marketing_qualified' and changed_at < ${end} group by contact_id) m
          where m.first >= ${start} and exists (select 1 from lifecycle_history h where h.workspace_id = ${ws}
            and h.contact_id = m.contact_id and h.to_stage in ${sqlStages} and h.changed_at >= m.first)) as mqls_sqls`,
  );
  return r!;
}

/** Closed deals of the period, the median cycle of those won, and deals open at its end. */
async function dealFigures(ctx: Ctx, p: Period) {
  const [start, end] = [p.start.toISOString(), p.end.toISOString()];
  const [r] = await rows<{ won: number; lost: number; cycle: number | null; open: number }>(
    ctx.db,
    sql`select
        count(*) filter (where status = 'won' and closed_at >= ${start} and closed_at < ${end})::int as won,
        count(*) filter (where status = 'lost' and closed_at >= ${start} and closed_at < ${end})::int as lost,
        (percentile_cont(0.5) within group (order by extract(epoch from closed_at - created_at) / 86400)
          filter (where status = 'won' and closed_at >= ${start} and closed_at < ${end}))::float8 as cycle,
        count(*) filter (where created_at < ${end} and (closed_at is null or closed_at >= ${end}))::int as open
        from deals where workspace_id = ${ctx.workspaceId} and deleted_at is null`,
  );
  return r!;
}

async function responseMedian(ctx: Ctx, p: Period): Promise<number | null> {
  const [r] = await rows<{ m: number | null }>(
    ctx.db,
    sql`select (percentile_cont(0.5) within group (order by response_minutes))::float8 as m from lead_assignments
        where workspace_id = ${ctx.workspaceId} and assigned_at >= ${p.start.toISOString()} and assigned_at < ${p.end.toISOString()}
          and response_minutes is not null`,
  );
  return r?.m ?? null;
}

export interface PeriodInputs {
  inputs: KpiInputs;
  /** Currencies without a rate into the reporting currency, left out of money sums. */
  unconverted: string[];
}

/** Everything the KPI board needs for one period, in the reporting currency. */
export async function getKpiInputs(
  ctx: Ctx,
  p: Period,
  reporting: string,
  grossMargin: number,
  /** Shared by the calls of one board: a trend asks for the same revenue and customer counts again and again. */
  memo = new Map<string, Promise<unknown>>(),
): Promise<PeriodInputs> {
  const once = <T>(key: string, load: () => Promise<T>): Promise<T> => {
    if (!memo.has(key)) memo.set(key, load());
    return memo.get(key) as Promise<T>;
  };
  const revenueOf = (x: Period) => once(`revenue:${x.label}`, () => wonRevenue(ctx, x, reporting));
  const customersOn = (t: Date) => once(`customers:${t.toISOString()}`, () => customersAt(ctx, t));
  const revenue = await revenueOf(p);
  const lastYear = await revenueOf(sameLastYear(p));
  const previous = await revenueOf(previousPeriod(p));
  const cost = await salesCost(ctx, p, reporting);
  const life = await lifecycle(ctx, p);
  const deals = await dealFigures(ctx, p);
  const provided: Required<ProvidedInputs> = { marketingSpend: 0, attributedRevenue: 0, emailDelivered: 0, emailClicked: 0 };
  for (const provider of providers.values()) {
    const more = await provider(ctx, p, reporting);
    for (const k of Object.keys(more) as (keyof ProvidedInputs)[]) provided[k] += more[k] ?? 0;
  }
  const inputs: KpiInputs = {
    revenue: revenue.amount,
    lastYearRevenue: lastYear.amount,
    previousRevenue: previous.amount,
    marketSize: await marketSize(ctx, p, reporting),
    salesCost: cost.amount,
    ...provided,
    newCustomers: life.new_customers,
    customersAtStart: await customersOn(p.start),
    customersAtEnd: await customersOn(p.end < new Date() ? p.end : new Date()),
    leads: life.leads,
    leadsBecameCustomers: life.leads_customers,
    wonDeals: deals.won,
    lostDeals: deals.lost,
    wonRevenue: revenue.amount,
    cycleMedianDays: deals.cycle === null ? null : Math.round(deals.cycle * 10) / 10,
    openDeals: deals.open,
    mqls: life.mqls,
    mqlsBecameSqls: life.mqls_sqls,
    responseMedianMinutes: await responseMedian(ctx, p),
    grossMargin,
  };
  const unconverted = [...new Set([...revenue.unconverted, ...lastYear.unconverted, ...previous.unconverted, ...cost.unconverted])].sort();
  return { inputs, unconverted };
}
