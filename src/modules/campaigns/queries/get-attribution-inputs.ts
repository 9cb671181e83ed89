import { type SQL, sql } from 'drizzle-orm';
import type { Ctx } from '../../../kernel/context.ts';
import { rows } from '../../../kernel/db/index.ts';

export interface Period {
  from?: string;
  to?: string;
}

/** Lifecycle stages at or after each funnel step (reaching customer also counts as having become a lead). */
const reached = {
  lead: ['lead', 'marketing_qualified', 'sales_qualified', 'opportunity', 'customer', 'evangelist'],
  mql: ['marketing_qualified', 'sales_qualified', 'opportunity', 'customer', 'evangelist'],
  sql: ['sales_qualified', 'opportunity', 'customer', 'evangelist'],
  customer: ['customer', 'evangelist'],
};
const stageList = (l: string[]) =>
  sql.join(
    l.map((s) => sql`${s}`),
    sql`, `,
  );

/** `col` within the period, whose days are in the workspace time zone (`tz` names the zone's SQL expression). */
export function inPeriod(col: SQL, p: Period, tz: SQL): SQL {
  const from = p.from ? sql`and ${col} >= (${p.from}::date)::timestamp at time zone ${tz}` : sql``;
  const to = p.to ? sql`and ${col} < (${p.to}::date + 1)::timestamp at time zone ${tz}` : sql``;
  return sql`true ${from} ${to}`;
}
const tzOf = (ctx: Ctx) => sql`(select timezone from workspaces where id = ${ctx.workspaceId})`;

export interface WonDeal {
  id: string;
  amount: number;
  currency: string;
  closeDay: string;
  closedAt: Date;
  createdAt: Date;
  leadAt: Date | null;
}

/** Won deals closed in the period, with the day their money converts at (UTC close day, like the board) and when their people became leads. */
export async function getWonDeals(ctx: Ctx, p: Period): Promise<WonDeal[]> {
  const list = await rows<Record<string, string | number | null>>(
    ctx.db,
    sql`with won as (
          select d.id, d.amount, d.currency, d.closed_at, d.created_at, d.company_id
          from deals d
          where d.workspace_id = ${ctx.workspaceId} and d.status = 'won' and d.deleted_at is null and d.amount is not null
            and ${inPeriod(sql`d.closed_at`, p, tzOf(ctx))}),
        people as (${peopleSql(ctx)}),
        -- When each deal's people first became leads (or were created, when their history says nothing): grouped by
        -- deal in one pass, not a subquery per deal that re-read the people of every deal (quadratic in won deals).
        lead_at as (
          select pp.deal_id, min(coalesce(
              (select min(lh.changed_at) from lifecycle_history lh where lh.workspace_id = ${ctx.workspaceId}
                 and lh.contact_id = pp.contact_id and lh.to_stage in (${stageList(reached.lead)})),
              c.created_at)) as at
          from people pp join contacts c on c.workspace_id = ${ctx.workspaceId} and c.id = pp.contact_id
          group by pp.deal_id)
        select w.id, w.amount, w.currency, (w.closed_at at time zone 'UTC')::date::text as close_day,
          w.closed_at::text as closed_at, w.created_at::text as created_at, l.at::text as lead_at
        from won w left join lead_at l on l.deal_id = w.id`,
  );
  return list.map(toWon);
}

const toWon = (r: Record<string, string | number | null>): WonDeal => ({
  id: r.id as string,
  amount: Number(r.amount),
  currency: r.currency as string,
  closeDay: r.close_day as string,
  closedAt: new Date(r.closed_at as string),
  createdAt: new Date(r.created_at as string),
  leadAt: r.lead_at ? new Date(r.lead_at as string) : null,
});

/** (deal_id, contact_id) for the `won` CTE: the deal's contacts and its company's contacts. */
const peopleSql = (ctx: Ctx) => sql`
  select w.id as deal_id, dc.contact_id from won w join deal_contacts dc on dc.workspace_id = ${ctx.workspaceId} and dc.deal_id = w.id
  union
  select w.id, cc.contact_id from won w join contact_companies cc on cc.workspace_id = ${ctx.workspaceId} and cc.company_id = w.company_id`;

export interface DealTouch {
  dealId: string;
  campaignId: string;
  at: Date;
  id: string;
}

/** Touchpoints of the won deals' people up to each deal's win. */
export async function getDealTouches(ctx: Ctx, p: Period): Promise<DealTouch[]> {
  const list = await rows<{ deal_id: string; campaign_id: string; at: string; id: string }>(
    ctx.db,
    sql`with won as (
          select d.id, d.closed_at, d.company_id from deals d
          where d.workspace_id = ${ctx.workspaceId} and d.status = 'won' and d.deleted_at is null and d.amount is not null
            and ${inPeriod(sql`d.closed_at`, p, tzOf(ctx))}),
        people as (${peopleSql(ctx)})
        select pp.deal_id, t.campaign_id, t.occurred_at::text as at, t.id
        from people pp
        join won w on w.id = pp.deal_id
        join campaign_touchpoints t on t.workspace_id = ${ctx.workspaceId} and t.contact_id = pp.contact_id and t.occurred_at <= w.closed_at`,
  );
  return list.map((r) => ({ dealId: r.deal_id, campaignId: r.campaign_id, at: new Date(r.at), id: r.id }));
}

export interface FunnelCounts {
  key: string;
  leads: number;
  mqls: number;
  sqls: number;
  customers: number;
  touchpoints: number;
}

/**
 * Per campaign (or channel): distinct contacts who first reached lead, MQL, SQL and customer in the period at or
 * after a touchpoint of it (from lifecycle_history), and its touchpoints in the period.
 */
export async function getFunnelCounts(ctx: Ctx, p: Period, groupBy: 'campaign' | 'channel'): Promise<FunnelCounts[]> {
  const tz = tzOf(ctx);
  const key = groupBy === 'campaign' ? sql`c.id::text` : sql`c.channel`;
  const step = (col: string) =>
    sql`count(distinct r.contact_id) filter (where ${sql.raw(`r.${col}`)} >= t.occurred_at and ${inPeriod(sql.raw(`r.${col}`), p, tz)})::int`;
  const list = await rows<Record<string, string | number>>(
    ctx.db,
    sql`with touched as (select distinct contact_id from campaign_touchpoints where workspace_id = ${ctx.workspaceId}),
        reach as (
          select lh.contact_id,
            min(lh.changed_at) filter (where lh.to_stage in (${stageList(reached.lead)})) as lead_at,
            min(lh.changed_at) filter (where lh.to_stage in (${stageList(reached.mql)})) as mql_at,
            min(lh.changed_at) filter (where lh.to_stage in (${stageList(reached.sql)})) as sql_at,
            min(lh.changed_at) filter (where lh.to_stage in (${stageList(reached.customer)})) as customer_at
          from lifecycle_history lh join touched using (contact_id)
          where lh.workspace_id = ${ctx.workspaceId}
          group by lh.contact_id),
        counts as (
          select ${key} as key, ${step('lead_at')} as leads, ${step('mql_at')} as mqls, ${step('sql_at')} as sqls,
            ${step('customer_at')} as customers
          from campaign_touchpoints t
          join campaigns c on c.workspace_id = t.workspace_id and c.id = t.campaign_id
          join reach r on r.contact_id = t.contact_id
          where t.workspace_id = ${ctx.workspaceId}
          group by 1),
        touches as (
          select ${key} as key, count(*)::int as touchpoints
          from campaign_touchpoints t join campaigns c on c.workspace_id = t.workspace_id and c.id = t.campaign_id
          where t.workspace_id = ${ctx.workspaceId} and ${inPeriod(sql`t.occurred_at`, p, tz)}
          group by 1)
        select coalesce(counts.key, touches.key) as key, coalesce(leads, 0) as leads, coalesce(mqls, 0) as mqls,
          coalesce(sqls, 0) as sqls, coalesce(customers, 0) as customers, coalesce(touchpoints, 0) as touchpoints
        from counts full join touches on touches.key = counts.key`,
  );
  return list.map((r) => ({
    key: r.key as string,
    leads: Number(r.leads),
    mqls: Number(r.mqls),
    sqls: Number(r.sqls),
    customers: Number(r.customers),
    touchpoints: Number(r.touchpoints),
  }));
}

/** Spend entries in the period (by day). */
export async function getSpendEntries(ctx: Ctx, p: Period) {
  return rows<{ campaign_id: string; spent_on: string; amount: string | number; currency: string }>(
    ctx.db,
    sql`select campaign_id, spent_on::text as spent_on, amount, currency from campaign_spend
        where workspace_id = ${ctx.workspaceId} ${p.from ? sql`and spent_on >= ${p.from}::date` : sql``} ${p.to ? sql`and spent_on <= ${p.to}::date` : sql``}`,
  );
}
