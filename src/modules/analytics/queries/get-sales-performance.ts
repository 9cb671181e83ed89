import { sql } from 'drizzle-orm';
import type { Ctx } from '../../../kernel/context.ts';
import { rows } from '../../../kernel/db/index.ts';
import { AppError } from '../../../kernel/errors.ts';
import { type ForecastNode, parsePeriod as forecastPeriod, getForecast, getForecastAccuracy } from '../../forecasts/index.ts';
import { resolvedOwnerVisibility } from '../../identity/index.ts';
import { getResponseTimes } from '../../routing/index.ts';
import { convertMinor } from '../../sales/index.ts';
import { parsePeriod } from '../periods.ts';
import { type PerformanceRow, type RepInputs, salesPerformance } from '../reports/sales-performance.ts';
import { getAnalyticsBasis } from './workspace-basis.ts';

export interface SalesPerformance {
  period: string;
  currency: string;
  unconvertedCurrencies: string[];
  reps: PerformanceRow[];
  teams: PerformanceRow[];
}

function walk(node: ForecastNode, visit: (n: ForecastNode) => void) {
  visit(node);
  for (const c of node.children) walk(c, visit);
}

/**
 * Activities, median first response (routing), deals created and won, revenue, win rate, cycle length, quota
 * attainment (forecasts' quotas) and forecast accuracy (forecasts' snapshots) per rep and team for a month or quarter,
 * limited to the reps the caller may see (as the deal board).
 */
export async function getSalesPerformance(ctx: Ctx, q: { period?: string }): Promise<SalesPerformance> {
  const basis = await getAnalyticsBasis(ctx);
  const tz = basis.timezone;
  const raw = q.period ?? parsePeriod(new Date().toISOString().slice(0, 7), tz).label;
  const p = parsePeriod(raw, tz, ['query', 'period']);
  if (p.kind === 'year')
    throw new AppError('invalid_period', 'Sales performance is by month (2026-11) or quarter (2026-Q4); pick one of those.', {
      path: ['query', 'period'],
    });
  const fp = forecastPeriod(p.label, ['query', 'period']);
  const ws = ctx.workspaceId;
  const start = p.start.toISOString();
  const end = p.end.toISOString();
  const lastDay = new Date(`${p.endDay}T00:00:00Z`);
  lastDay.setUTCDate(lastDay.getUTCDate() - 1);
  const [people, activity, created, closed, forecast, accuracy, responses, memberships] = await Promise.all([
    resolvedOwnerVisibility(ctx, sql`m.user_id`).then((visible) =>
      rows<{ id: string; name: string; seller: boolean }>(
        ctx.db,
        sql`select u.id, u.name, m.role in ('sales_rep', 'sales_manager') as seller from memberships m join users u on u.id = m.user_id
          where m.workspace_id = ${ws} and ${visible} order by u.name, u.id`,
      ),
    ),
    rows<{ owner: string; n: number }>(
      ctx.db,
      sql`select owner_id::text as owner, count(*)::int as n from activities
        where workspace_id = ${ws} and owner_id is not null and occurred_at >= ${start} and occurred_at < ${end} group by owner_id`,
    ),
    rows<{ owner: string; n: number }>(
      ctx.db,
      sql`select owner_id::text as owner, count(*)::int as n from deals where workspace_id = ${ws} and deleted_at is null
        and owner_id is not null and created_at >= ${start} and created_at < ${end} group by owner_id`,
    ),
    rows<{ owner: string; won: boolean; amount: string | null; currency: string; rate: string | null; days: number }>(
      ctx.db,
      sql`select d.owner_id::text as owner, d.status = 'won' as won, d.amount::text as amount, d.currency,
          ${rateOn(ws, basis.currency)} as rate, extract(epoch from d.closed_at - d.created_at) / 86400 as days
        from deals d where d.workspace_id = ${ws} and d.deleted_at is null and d.owner_id is not null
          and d.status in ('won', 'lost') and d.closed_at >= ${start} and d.closed_at < ${end}`,
    ),
    getForecast(ctx, { period: fp }),
    getForecastAccuracy(ctx, fp),
    getResponseTimes(ctx, { from: p.firstDay, to: lastDay.toISOString().slice(0, 10) }),
    rows<{ team_id: string; user_id: string }>(
      ctx.db,
      sql`select team_id::text, user_id::text from team_members where workspace_id = ${ws}`,
    ),
  ]);
  const quotas = new Map<string, number | null>();
  const teams: { id: string; name: string; quota: number | null }[] = [];
  walk(forecast.tree, (n) => {
    if (n.type === 'user' && n.id) quotas.set(n.id, n.quota);
    if (n.type === 'team' && n.id) teams.push({ id: n.id, name: n.name, quota: n.quotaSource === 'set' ? n.quota : null });
  });
  const count = (list: { owner: string; n: number }[]) => new Map(list.map((r) => [r.owner, r.n]));
  const activities = count(activity);
  const createdBy = count(created);
  const accuracyBy = new Map(accuracy.reps.map((r) => [r.userId, r.averageAccuracy]));
  const responseBy = new Map(responses.reps.map((r) => [r.userId, r.medianMinutes]));
  const unconverted = new Set<string>();
  const reps: RepInputs[] = people
    .map((u) => ({
      userId: u.id,
      name: u.name,
      teamIds: memberships.filter((m) => m.user_id === u.id).map((m) => m.team_id),
      activities: activities.get(u.id) ?? 0,
      dealsCreated: createdBy.get(u.id) ?? 0,
      closed: closed
        .filter((d) => d.owner === u.id)
        .map((d) => {
          const amount = Number(d.amount ?? 0);
          let converted = amount;
          if (d.won && d.currency !== basis.currency) {
            if (d.rate === null) {
              unconverted.add(d.currency);
              converted = 0;
            } else converted = convertMinor(amount, Number(d.rate), d.currency, basis.currency);
          }
          return { won: d.won, amount: d.won ? converted : 0, days: Number(d.days) };
        }),
      medianResponseMinutes: responseBy.get(u.id) ?? null,
      quota: quotas.get(u.id) ?? null,
      forecastAccuracy: accuracyBy.get(u.id) ?? null,
    }))
    // Admins and marketers appear only when they own figures of the period.
    .filter((r, i) => people[i]!.seller || r.activities > 0 || r.dealsCreated > 0 || r.closed.length > 0 || r.quota !== null);
  const visibleIds = new Set(people.map((u) => u.id));
  const visibleTeams = teams.filter((t) => memberships.some((m) => m.team_id === t.id && visibleIds.has(m.user_id)));
  const result = salesPerformance(reps, visibleTeams);
  return { period: p.label, currency: basis.currency, unconvertedCurrencies: [...unconverted].sort(), ...result };
}

/** The rate of a deal's currency into the reporting one on its (UTC) close day, as the board converts won revenue. */
const rateOn = (ws: string, quote: string) =>
  sql`(select x.rate::text from exchange_rates x where x.workspace_id = ${ws} and x.currency = d.currency
        and x.quote = ${quote} and x.valid_from <= (d.closed_at at time zone 'UTC')::date order by x.valid_from desc limit 1)`;
