import { type SQL, sql } from 'drizzle-orm';
import type { Ctx } from '../../../kernel/context.ts';
import { rows } from '../../../kernel/db/index.ts';
import { AppError } from '../../../kernel/errors.ts';
import { zonedTime } from '../business-hours.ts';
import { loadRoutingSettings } from './get-routing-settings.ts';

interface Row {
  owner_id: string;
  name: string;
  assigned: number;
  touched: number;
  waiting: number;
  within: number;
  breached: number;
  median: number | null;
  p90: number | null;
}

/** Whose figures the caller sees: reps their own, managers theirs and their teams', everyone else all. */
function repScope(ctx: Ctx): SQL {
  const { role, userId } = ctx.actor;
  if (role !== 'sales_rep' && role !== 'sales_manager') return sql`true`;
  if (!userId) return sql`false`;
  if (role === 'sales_rep') return sql`la.owner_id = ${userId}`;
  return sql`(la.owner_id = ${userId} or la.owner_id in (select tm.user_id from teams t
            join team_members tm on tm.workspace_id = t.workspace_id and tm.team_id = t.id
            where t.workspace_id = ${ctx.workspaceId} and t.manager_id = ${userId}))`;
}

/** The per-rep aggregate over assignments in [start, end), limited to the reps the caller may see (exported for bench/routing.ts). */
export function responseTimesSql(ctx: Ctx, start: Date, end: Date) {
  return sql`select la.owner_id, u.name, count(*)::int as assigned, count(la.first_touch_at)::int as touched,
               (count(*) filter (where la.first_touch_at is null))::int as waiting,
               (count(*) filter (where la.first_touch_at <= la.due_at))::int as within,
               (count(*) filter (where la.first_touch_at > la.due_at or (la.first_touch_at is null and la.due_at < now())))::int as breached,
               percentile_cont(0.5) within group (order by la.response_minutes) as median,
               percentile_cont(0.9) within group (order by la.response_minutes) as p90
        from lead_assignments la join users u on u.id = la.owner_id
        where la.workspace_id = ${ctx.workspaceId} and la.owner_id is not null
          and la.assigned_at >= ${start.toISOString()} and la.assigned_at < ${end.toISOString()} and ${repScope(ctx)}
        group by la.owner_id, u.name order by u.name, la.owner_id`;
}

const day = (iso: string) => iso.split('-').map(Number) as [number, number, number];
const round = (n: number | null) => (n === null ? null : Math.round(Number(n) * 10) / 10);

/**
 * Response time per rep over leads assigned between two local dates: how many were assigned,
 * touched, still waiting; within the SLA vs breached (untouched leads past due count as breached);
 * median and p90 business minutes to first touch (touched leads only).
 */
export async function getResponseTimes(ctx: Ctx, q: { from?: string; to?: string }) {
  const settings = await loadRoutingSettings(ctx.db, ctx.workspaceId);
  // "Today" is the workspace's local date: in UTC it is still yesterday for part of the day east of Greenwich.
  const localDate = (t: number) =>
    new Intl.DateTimeFormat('en-CA', { timeZone: settings.timezone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(t);
  const to = q.to ?? localDate(Date.now());
  const from = q.from ?? localDate(Date.now() - 29 * 86_400_000);
  if (from > to) throw new AppError('validation_failed', 'from must be on or before to.', { path: ['query', 'from'] });
  const [fy, fm, fd] = day(from);
  const [ty, tm, td] = day(to);
  const start = new Date(zonedTime(fy, fm, fd, 0, settings.timezone));
  const end = new Date(zonedTime(ty, tm, td, 24 * 60, settings.timezone));
  const list = await rows<Row>(ctx.db, responseTimesSql(ctx, start, end));
  return {
    from,
    to,
    slaMinutes: settings.slaMinutes,
    reps: list.map((r) => {
      const decided = r.within + r.breached;
      return {
        userId: r.owner_id,
        name: r.name,
        assigned: r.assigned,
        touched: r.touched,
        waiting: r.waiting,
        withinSla: r.within,
        breached: r.breached,
        pctWithinSla: decided ? Math.round((r.within / decided) * 1000) / 10 : null,
        medianMinutes: round(r.median),
        p90Minutes: round(r.p90),
      };
    }),
  };
}
