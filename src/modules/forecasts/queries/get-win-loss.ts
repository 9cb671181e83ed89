import { sql } from 'drizzle-orm';
import type { Ctx } from '../../../kernel/context.ts';
import { rows } from '../../../kernel/db/index.ts';
import { resolvedOwnerVisibility } from '../../identity/index.ts';
import { reportingRates } from '../../sales/index.ts';
import { workspaceInfo } from '../workspace-info.ts';

export const winLossDimensions = ['owner', 'source', 'competitor', 'loss_reason'] as const;
export type WinLossDimension = (typeof winLossDimensions)[number];

export interface WinLossRow {
  /** Owner id, source, competitor or loss reason; null for "none". */
  key: string | null;
  label: string;
  won: number;
  lost: number;
  /** won ÷ (won + lost) in percent, one decimal; null without closed deals. */
  winRate: number | null;
  wonAmount: number;
  lostAmount: number;
  /** Average won amount; null without wins. */
  averageDealSize: number | null;
  /** Average days from creation (first stage entered) to the win; null without wins. */
  averageCycleDays: number | null;
  /** Average days from creation to the loss. */
  averageLostCycleDays: number | null;
}

export interface WinLossReport {
  from: string;
  to: string;
  pipelineId: string | null;
  currency: string;
  total: WinLossRow;
  byOwner: WinLossRow[];
  bySource: WinLossRow[];
  byCompetitor: WinLossRow[];
  byLossReason: WinLossRow[];
  /** Closed deals whose currency had no rate for their close day: counted, not summed. */
  unconverted: number;
}

interface Group {
  dim: WinLossDimension | 'total';
  key: string | null;
  status: 'won' | 'lost';
  currency: string;
  day: string;
  n: number;
  amount: string | null;
  cycle: string | null;
}

const empty = (key: string | null, label: string): WinLossRow => ({
  key,
  label,
  won: 0,
  lost: 0,
  winRate: null,
  wonAmount: 0,
  lostAmount: 0,
  averageDealSize: null,
  averageCycleDays: null,
  averageLostCycleDays: null,
});

const one = (x: number) => Math.round(x * 10) / 10;

/**
 * Win/loss over the deals closed between two local dates (inclusive, workspace time zone): per rep, source,
 * competitor (a deal with two competitors counts under both; none under "No competitor") and loss reason (lost
 * deals). One statement over the closed deals, grouped per (dimension, key, outcome, currency, close day);
 * amounts converted at the close day's rate. Sales cycle = closed_at − the first stage history entry.
 */
export async function getWinLoss(ctx: Ctx, q: { from: string; to: string; pipelineId?: string | null }): Promise<WinLossReport> {
  const { timeZone, currency } = await workspaceInfo(ctx);
  const visible = await resolvedOwnerVisibility(ctx, sql`d.owner_id`);
  const groups = await rows<Group>(
    ctx.db,
    sql`with closed as (
          select d.owner_id::text as owner_id, nullif(lower(trim(d.source)), '') as source, d.competitors, d.loss_reason, d.status, d.currency,
            (d.closed_at at time zone 'UTC')::date::text as day, coalesce(d.amount, 0) as amount,
            extract(epoch from d.closed_at - coalesce((select min(h.entered_at) from deal_stage_history h
              where h.workspace_id = d.workspace_id and h.deal_id = d.id), d.created_at)) / 86400.0 as cycle
          from deals d
          where d.workspace_id = ${ctx.workspaceId} and d.deleted_at is null and d.status in ('won', 'lost')
            and d.closed_at >= (${q.from}::date::timestamp at time zone ${timeZone})
            and d.closed_at < ((${q.to}::date + 1)::timestamp at time zone ${timeZone})
            ${q.pipelineId ? sql`and d.pipeline_id = ${q.pipelineId}` : sql``}
            and ${visible}
        ), keyed as (
          select 'total' as dim, null::text as key, c.* from closed c
          union all select 'owner', c.owner_id, c.* from closed c
          union all select 'source', c.source, c.* from closed c
          union all select 'competitor', k.competitor, c.* from closed c
            left join lateral unnest(c.competitors) as k(competitor) on true
          union all select 'loss_reason', c.loss_reason, c.* from closed c where c.status = 'lost'
        )
        select dim, key, status, currency, day, count(*)::int as n, sum(amount)::text as amount, sum(cycle)::text as cycle
        from keyed group by 1, 2, 3, 4, 5`,
  );
  const rates = await reportingRates(
    ctx,
    currency,
    groups.some((g) => g.currency !== currency),
  );
  const rowsBy = new Map<string, WinLossRow & { cycleWon: number; cycleLost: number }>();
  let unconverted = 0;
  for (const g of groups) {
    const id = `${g.dim}\u0000${g.key ?? ''}`;
    const r = rowsBy.get(id) ?? { ...empty(g.key, g.key ?? ''), cycleWon: 0, cycleLost: 0 };
    const amount = rates.convert(Number(g.amount ?? 0), g.currency, g.day);
    if (amount === null && g.dim === 'total') unconverted += g.n;
    if (g.status === 'won') {
      r.won += g.n;
      r.wonAmount += amount ?? 0;
      r.cycleWon += Number(g.cycle ?? 0);
    } else {
      r.lost += g.n;
      r.lostAmount += amount ?? 0;
      r.cycleLost += Number(g.cycle ?? 0);
    }
    rowsBy.set(id, r);
  }
  const ownerIds = [...rowsBy.values()].filter((r) => r.key && /^[0-9a-f-]{36}$/.test(r.key)).map((r) => r.key!);
  const names = new Map(
    (
      await rows<{ id: string; name: string }>(
        ctx.db,
        sql`select id::text, name from users where id = any(${`{${ownerIds.join(',')}}`}::uuid[])`,
      )
    ).map((u) => [u.id, u.name]),
  );
  const none = { owner: 'No owner', source: 'No source', competitor: 'No competitor', loss_reason: 'No reason', total: 'All deals' };
  const finish = (dim: WinLossDimension | 'total'): WinLossRow[] =>
    [...rowsBy.entries()]
      .filter(([id]) => id.startsWith(`${dim}\u0000`))
      .map(([, { cycleWon, cycleLost, ...r }]) => ({
        ...r,
        label: r.key === null ? none[dim] : dim === 'owner' ? (names.get(r.key) ?? 'Former member') : r.key,
        winRate: r.won + r.lost ? one((r.won / (r.won + r.lost)) * 100) : null,
        averageDealSize: r.won ? Math.round(r.wonAmount / r.won) : null,
        averageCycleDays: r.won ? one(cycleWon / r.won) : null,
        averageLostCycleDays: r.lost ? one(cycleLost / r.lost) : null,
      }))
      .sort((a, b) => b.won + b.lost - (a.won + a.lost) || a.label.localeCompare(b.label));
  return {
    from: q.from,
    to: q.to,
    pipelineId: q.pipelineId ?? null,
    currency,
    total: finish('total')[0] ?? empty(null, 'All deals'),
    byOwner: finish('owner'),
    bySource: finish('source'),
    byCompetitor: finish('competitor'),
    byLossReason: finish('loss_reason'),
    unconverted,
  };
}
