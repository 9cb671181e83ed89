import { type SQL, sql } from 'drizzle-orm';
import type { Ctx } from '../../../kernel/context.ts';
import { rows } from '../../../kernel/db/index.ts';
import { AppError } from '../../../kernel/errors.ts';
import { kpiById } from '../kpis/definitions.ts';
import { parsePeriod } from '../periods.ts';
import { getAnalyticsBasis } from './workspace-basis.ts';

export interface KpiRecord {
  id: string;
  name: string;
  /** Minor units in `currency` (deals), null for contacts. */
  amount: number | null;
  currency: string | null;
  /** When it counted: closed, became a customer, was created, was assigned. */
  at: string;
  /** What it contributed, e.g. "won", "lost", "became customer", "42 min". */
  detail: string;
}

export interface KpiRecords {
  kpi: string;
  period: string;
  entity: 'deal' | 'contact' | 'none';
  /** What the list is, in words. */
  description: string;
  items: KpiRecord[];
  total: number;
}

const limit = 500;
const customerStages = sql`('customer', 'evangelist')`;

type Source = { entity: 'deal' | 'contact'; description: string; query: (ws: string, start: string, end: string) => SQL };

const wonDeals: Source = {
  entity: 'deal',
  description: 'Deals won in the period',
  query: (ws, start, end) => sql`select id, name, amount, currency, closed_at as at, 'won' as detail from deals
    where workspace_id = ${ws} and status = 'won' and deleted_at is null and closed_at >= ${start} and closed_at < ${end}`,
};
const closedDeals: Source = {
  entity: 'deal',
  description: 'Deals closed (won or lost) in the period',
  query: (ws, start, end) => sql`select id, name, amount, currency, closed_at as at, status as detail from deals
    where workspace_id = ${ws} and status in ('won', 'lost') and deleted_at is null and closed_at >= ${start} and closed_at < ${end}`,
};
const cycleDeals: Source = {
  entity: 'deal',
  description: 'Deals won in the period, with days from creation to win',
  query: (ws, start, end) => sql`select id, name, amount, currency, closed_at as at,
      round((extract(epoch from closed_at - created_at) / 86400)::numeric, 1)::text || ' days' as detail from deals
    where workspace_id = ${ws} and status = 'won' and deleted_at is null and closed_at >= ${start} and closed_at < ${end}`,
};
const openDeals: Source = {
  entity: 'deal',
  description: 'Deals open at the end of the period',
  query: (ws, _start, end) => sql`select id, name, amount, currency, created_at as at, 'open' as detail from deals
    where workspace_id = ${ws} and deleted_at is null and created_at < ${end} and (closed_at is null or closed_at >= ${end})`,
};
const newCustomers: Source = {
  entity: 'contact',
  description: 'Contacts who became customers in the period',
  query: (ws, start, end) => sql`select c.id, c.display_name as name, null::bigint as amount, null as currency, f.first as at,
      'became customer' as detail
    from (select contact_id, min(changed_at) as first from lifecycle_history where workspace_id = ${ws} and to_stage in ${customerStages}
          and changed_at < ${end} group by contact_id) f
    join contacts c on c.workspace_id = ${ws} and c.id = f.contact_id and c.deleted_at is null where f.first >= ${start}`,
};
const leadCohort: Source = {
  entity: 'contact',
  description: 'Contacts created in the period, and whether they became customers',
  query: (ws, start, end) => sql`select c.id, c.display_name as name, null::bigint as amount, null as currency, c.created_at as at,
      case when exists (select 1 from lifecycle_history h where h.workspace_id = ${ws} and h.contact_id = c.id and h.to_stage in ${customerStages})
        then 'became customer' else 'not a customer yet' end as detail
    from contacts c where c.workspace_id = ${ws} and c.deleted_at is null and c.created_at >= ${start} and c.created_at < ${end}`,
};
const mqlCohort: Source = {
  entity: 'contact',
  description: 'Contacts who became marketing-qualified in the period, and whether they reached SQL',
  query: (ws, start, end) => sql`select c.id, c.display_name as name, null::bigint as amount, null as currency, m.first as at,
      case when exists (select 1 from lifecycle_history h where h.workspace_id = ${ws} and h.contact_id = m.contact_id
        and h.to_stage in ('sales_qualified', 'opportunity', 'customer', 'evangelist') and h.changed_at >= m.first)
        then 'reached SQL' else 'not yet SQL' end as detail
    from (select contact_id, min(changed_at) as first from lifecycle_history where workspace_id = ${ws} and to_stage = 'marketing_qualified'
          and changed_at < ${end} group by contact_id) m
    join contacts c on c.workspace_id = ${ws} and c.id = m.contact_id and c.deleted_at is null where m.first >= ${start}`,
};
const responses: Source = {
  entity: 'contact',
  description: 'Leads assigned in the period and their response time (business minutes)',
  query: (ws, start, end) => sql`select c.id, c.display_name as name, null::bigint as amount, null as currency, a.assigned_at as at,
      coalesce(round(a.response_minutes::numeric)::text || ' min', 'not touched yet') as detail
    from lead_assignments a join contacts c on c.workspace_id = ${ws} and c.id = a.contact_id and c.deleted_at is null
    where a.workspace_id = ${ws} and a.assigned_at >= ${start} and a.assigned_at < ${end}`,
};

const sources: Record<string, Source | null> = {
  market_share: wonDeals,
  revenue_growth: wonDeals,
  average_deal_size: wonDeals,
  marketing_roi: wonDeals,
  win_rate: closedDeals,
  sales_cycle_length: cycleDeals,
  pipeline_velocity: openDeals,
  customer_acquisition_cost: newCustomers,
  customer_retention_rate: newCustomers,
  customer_lifetime_value: newCustomers,
  ltv_to_cac: newCustomers,
  sales_conversion_rate: leadCohort,
  cost_per_lead: leadCohort,
  mql_to_sql_rate: mqlCohort,
  lead_response_time: responses,
  email_engagement: null,
};

/** The records behind a KPI for a period: what was counted, newest first (at most 500, with the total). */
export async function getKpiRecords(ctx: Ctx, kpi: string, periodLabel: string): Promise<KpiRecords> {
  if (!kpiById.has(kpi)) throw new AppError('kpi_not_found', `There is no KPI "${kpi}".`, { path: ['params', 'kpi'] });
  const basis = await getAnalyticsBasis(ctx);
  const p = parsePeriod(periodLabel, basis.timezone, ['query', 'period']);
  const source = sources[kpi];
  if (!source) return { kpi, period: p.label, entity: 'none', description: 'Email results are listed per broadcast.', items: [], total: 0 };
  const q = source.query(ctx.workspaceId, p.start.toISOString(), p.end.toISOString());
  const found = await rows<KpiRecord & { at: Date | string; amount: string | number | null; total: number }>(
    ctx.db,
    sql`select r.*, count(*) over ()::int as total from (${q}) r order by r.at desc, r.id limit ${limit}`,
  );
  return {
    kpi,
    period: p.label,
    entity: source.entity,
    description: source.description,
    total: found[0]?.total ?? 0,
    items: found.map((r) => ({
      id: r.id,
      name: r.name ?? '',
      amount: r.amount === null ? null : Number(r.amount),
      currency: r.currency,
      at: new Date(r.at).toISOString(),
      detail: r.detail,
    })),
  };
}
