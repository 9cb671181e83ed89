import { sql } from 'drizzle-orm';
import type { Ctx } from '../../../../kernel/context.ts';
import { rows } from '../../../../kernel/db/index.ts';
import type { Period } from '../../periods.ts';
import { periodsRelation } from './periods-sql.ts';

export interface DealFigures {
  won: number;
  lost: number;
  /** Median days from creation to win of the deals won in the period. */
  cycle: number | null;
  /** Deals open at the period's end. */
  open: number;
}

/**
 * Closed deals of each period (read by close time), the median cycle of those won, and deals open at its end.
 */
export async function dealFiguresFor(ctx: Ctx, periods: Period[]): Promise<Map<string, DealFigures>> {
  if (!periods.length) return new Map();
  const ws = ctx.workspaceId;
  const closed = await rows<Omit<DealFigures, 'open'> & { label: string }>(
    ctx.db,
    sql`select p.label, c.won, c.lost, c.cycle
        from ${periodsRelation(periods)}
        cross join lateral (select
            count(*) filter (where d.status = 'won')::int as won,
            count(*) filter (where d.status = 'lost')::int as lost,
            (percentile_cont(0.5) within group (order by extract(epoch from d.closed_at - d.created_at) / 86400)
              filter (where d.status = 'won'))::float8 as cycle
          from deals d where d.workspace_id = ${ws} and d.status in ('won', 'lost') and d.deleted_at is null
            and d.closed_at >= p.s and d.closed_at < p.e) c`,
  );
  // Open at each end: one pass over the workspace's deals for all the ends, not one per period.
  const ends = periods.map((p) => p.end.toISOString());
  // Only deals open at one of the ends at least: created before the last, not closed before the first.
  const byTime = [...ends].sort(); // ISO instants in UTC sort as text
  const minEnd = byTime[0]!;
  const maxEnd = byTime[byTime.length - 1]!;
  const [open] = await rows<Record<string, number>>(
    ctx.db,
    sql`select ${sql.join(
      ends.map(
        (e, i) =>
          sql`count(*) filter (where d.created_at < ${e}::timestamptz and (d.closed_at is null or d.closed_at >= ${e}::timestamptz))::int as ${sql.raw(`o${i}`)}`,
      ),
      sql`, `,
    )} from deals d where d.workspace_id = ${ws} and d.deleted_at is null
        and d.created_at < ${maxEnd}::timestamptz and (d.closed_at is null or d.closed_at >= ${minEnd}::timestamptz)`,
  );
  const byLabel = new Map(closed.map(({ label, ...f }) => [label, f]));
  return new Map(
    periods.map((p, i) => [p.label, { ...(byLabel.get(p.label) ?? { won: 0, lost: 0, cycle: null }), open: open?.[`o${i}`] ?? 0 }]),
  );
}

/** Median minutes to the first touch of leads assigned in each period. */
export async function responseMedianFor(ctx: Ctx, periods: Period[]): Promise<Map<string, number | null>> {
  const list = await rows<{ label: string; m: number | null }>(
    ctx.db,
    sql`select p.label, (select (percentile_cont(0.5) within group (order by a.response_minutes))::float8 from lead_assignments a
          where a.workspace_id = ${ctx.workspaceId} and a.assigned_at >= p.s and a.assigned_at < p.e and a.response_minutes is not null) as m
        from ${periodsRelation(periods)}`,
  );
  return new Map(list.map((r) => [r.label, r.m]));
}
