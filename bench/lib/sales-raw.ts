/** The board as hand-written SQL on a plain pg connection: the baseline the API is compared with. */
import type pg from 'pg';
import type { SalesBenchData } from './sales-data.ts';

const totalsSql = `with g as (
    select d.stage_id, d.currency, coalesce(d.closed_at::date, current_date) as on_day, count(*)::int as n, sum(d.amount)::text as total
    from deals d where d.workspace_id = $1 and d.pipeline_id = $2 and d.deleted_at is null {extra} group by 1, 2, 3)
  select g.stage_id, g.currency, g.n, g.total,
    case when g.currency = 'USD' then '1' else (select r.rate::text from exchange_rates r where r.workspace_id = $1 and r.currency = g.currency
      and r.quote = 'USD' and r.valid_from <= g.on_day order by r.valid_from desc limit 1) end as rate
  from g`;

const cardsSql = `select d.id, d.name, d.amount, d.currency, d.close_date::text, d.owner_id, d.company_id,
    (select co.name from companies co where co.workspace_id = d.workspace_id and co.id = d.company_id) as company_name, d.stage_entered_at
  from deals d where d.workspace_id = $1 and d.pipeline_id = $2 and d.stage_id = $3 and d.deleted_at is null {extra}
  order by d.stage_entered_at desc nulls last, d.id asc limit 21`;

/** The unfiltered board's totals as the API reads them: the trigger-kept groups, then the rates once. */
const summarySql = `select stage_id, currency, case when currency = 'USD' then null else day_key::text end as day, sum(deals)::int as n,
    sum(amount)::text as total from deal_stage_totals where workspace_id = $1 and pipeline_id = $2 and deals <> 0 group by 1, 2, 3`;
const ratesSql = `select currency, valid_from::text, rate::text from exchange_rates where workspace_id = $1 and quote = 'USD' order by currency, valid_from`;

/**
 * One board: the totals (read from deal_stage_totals when `summary`, else aggregated from deals with a
 * rate probe per group) and one cards query per stage, minus the API's framework.
 */
export async function rawBoard(c: pg.Client, data: SalesBenchData, extra: { sql: string; values: unknown[]; summary?: boolean }) {
  const base = [data.workspaceId, data.pipelineId, ...extra.values];
  const shift = (s: string, by: number) => s.replace(/\$(\d+)/g, (_, n) => `$${Number(n) + by}`);
  if (extra.summary) {
    await c.query(summarySql, [data.workspaceId, data.pipelineId]);
    await c.query(ratesSql, [data.workspaceId]);
  } else await c.query(totalsSql.replace('{extra}', shift(extra.sql, 0)), base);
  for (const s of data.stages)
    await c.query(cardsSql.replace('{extra}', shift(extra.sql, 1)), [data.workspaceId, data.pipelineId, s.id, ...extra.values]);
}

/** The forecast roll-up's figures as the API computes them: one grouped statement, then the rates once. */
const forecastSql = `select f.owner_id, f.cat, f.currency, f.day, count(*)::int as n, sum(f.amount)::text as amount,
    sum(f.amount * s.probability)::text as weighted
  from (
    select d.owner_id, case when d.forecast_category in ('commit', 'closed') then 'commit' else d.forecast_category end as cat,
      d.currency, null::text as day, d.amount, d.stage_id
    from deals d where d.workspace_id = $1 and d.deleted_at is null and d.pipeline_id = $2 and d.status = 'open'
      and d.forecast_category <> 'omitted' and d.close_date >= $3::date and d.close_date < $4::date
    union all
    select d.owner_id, 'closed_won', d.currency, (d.closed_at at time zone 'UTC')::date::text, d.amount, d.stage_id
    from deals d where d.workspace_id = $1 and d.deleted_at is null and d.pipeline_id = $2 and d.status = 'won'
      and d.closed_at >= ($3::timestamp at time zone 'UTC') and d.closed_at < ($4::timestamp at time zone 'UTC')
  ) f join pipeline_stages s on s.workspace_id = $1 and s.id = f.stage_id
  group by 1, 2, 3, 4`;

export async function rawForecast(c: pg.Client, data: SalesBenchData, period: { start: string; end: string }) {
  await c.query(forecastSql, [data.workspaceId, data.pipelineId, period.start, period.end]);
  await c.query(ratesSql, [data.workspaceId]);
}
