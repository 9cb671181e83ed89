import { sql } from 'drizzle-orm';
import type { Ctx } from '../../../kernel/context.ts';
import { rows } from '../../../kernel/db/index.ts';
import type { RoutingRule } from '../queries/get-routing-rules.ts';
import { isLeadSql } from '../queries/match-rules.ts';

/** Members of a team who are still members of the workspace, in a stable order (the round-robin ring). */
async function teamRing(ctx: Ctx, teamId: string | null): Promise<string[]> {
  if (!teamId) return [];
  const list = await rows<{ user_id: string }>(
    ctx.db,
    sql`select tm.user_id from team_members tm
        join memberships m on m.workspace_id = tm.workspace_id and m.user_id = tm.user_id
        where tm.workspace_id = ${ctx.workspaceId} and tm.team_id = ${teamId} order by tm.user_id`,
  );
  return list.map((r) => r.user_id);
}

/** The ring turned so it starts right after the member who got the previous lead. */
function after(ring: string[], last: string | null): string[] {
  const i = last ? ring.findIndex((u) => u > last) : 0;
  const start = Math.max(i, 0);
  return [...ring.slice(start), ...ring.slice(0, start)];
}

/** Open load per member: leads they own that are still open, or their open tasks. */
async function loads(ctx: Ctx, members: string[], measure: RoutingRule['loadMeasure']): Promise<Map<string, number>> {
  const ids = sql`(${sql.join(
    members.map((m) => sql`${m}::uuid`),
    sql`, `,
  )})`;
  const counted =
    measure === 'open_tasks'
      ? await rows<{ user_id: string; n: number }>(
          ctx.db,
          sql`select assignee_id as user_id, count(*)::int as n from tasks
              where workspace_id = ${ctx.workspaceId} and status = 'open' and assignee_id in ${ids} group by assignee_id`,
        )
      : await rows<{ user_id: string; n: number }>(
          ctx.db,
          sql`select c.owner_id as user_id, count(*)::int as n from contacts c
              where c.workspace_id = ${ctx.workspaceId} and c.owner_id in ${ids} and c.deleted_at is null and ${isLeadSql}
                and coalesce(c.lead_status, 'new') not in ('qualified', 'unqualified')
              group by c.owner_id`,
        );
  return new Map(counted.map((r) => [r.user_id, Number(r.n)]));
}

/**
 * The owner a rule gives the next lead, or null when it cannot (empty team, owner gone: the next rule
 * is tried). Round robin and least-loaded decide under the rule's row lock, which the caller took with
 * `loadRule(…, forUpdate)`: concurrent creates take turns, each sees the previous one's cursor and
 * (READ COMMITTED, a new snapshot per statement) its committed lead, so the ring stays fair.
 */
export async function pickOwner(ctx: Ctx, rule: RoutingRule): Promise<string | null> {
  if (rule.strategy === 'owner') {
    if (!rule.ownerId) return null;
    const [m] = await rows(ctx.db, sql`select 1 from memberships where workspace_id = ${ctx.workspaceId} and user_id = ${rule.ownerId}`);
    return m ? rule.ownerId : null;
  }
  const ring = after(await teamRing(ctx, rule.teamId), rule.lastUserId);
  if (ring.length === 0) return null;
  if (rule.strategy === 'round_robin') return ring[0]!;
  const load = await loads(ctx, ring, rule.loadMeasure);
  // Fewest open first; among equals, the ring order, so ties rotate instead of always favouring one member.
  return ring.reduce((best, u) => ((load.get(u) ?? 0) < (load.get(best) ?? 0) ? u : best), ring[0]!);
}
