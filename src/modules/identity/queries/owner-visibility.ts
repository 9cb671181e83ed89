import { type SQL, sql } from 'drizzle-orm';
import type { Ctx } from '../../../kernel/context.ts';
import { rows } from '../../../kernel/db/index.ts';

/**
 * The condition limiting a list, search, get, export or bulk action to the records the actor may
 * see, by the records' owner column. Sales reps see their own records, their teams' (setting
 * `team`) or all (setting `all`, the default); sales managers also see the records of the teams
 * they manage; other roles see everything. Evaluated in SQL so it is one plan, not a lookup per call.
 */
/** The workspace's visibility setting, the user's teammates and the members of the teams they manage, as subqueries. */
function visibilitySources(ctx: Ctx, userId: string) {
  return {
    setting: sql`(select coalesce(w.settings->>'repVisibility', 'all') from workspaces w where w.id = ${ctx.workspaceId})`,
    teammates: sql`(select tm2.user_id from team_members tm1 join team_members tm2 on tm2.team_id = tm1.team_id and tm2.workspace_id = tm1.workspace_id
                    where tm1.workspace_id = ${ctx.workspaceId} and tm1.user_id = ${userId})`,
    managed: sql`(select tm.user_id from teams t join team_members tm on tm.team_id = t.id and tm.workspace_id = t.workspace_id
                  where t.workspace_id = ${ctx.workspaceId} and t.manager_id = ${userId})`,
  };
}

export function ownerVisibility(ctx: Ctx, ownerColumn: SQL): SQL {
  const { role, userId } = ctx.actor;
  if (role !== 'sales_rep' && role !== 'sales_manager') return sql`true`;
  if (!userId) return sql`false`;
  const { setting, teammates, managed } = visibilitySources(ctx, userId);
  const base = sql`(${setting} = 'all' or ${ownerColumn} = ${userId} or (${setting} = 'team' and ${ownerColumn} in ${teammates})`;
  return role === 'sales_manager' ? sql`${base} or ${ownerColumn} in ${managed})` : sql`${base})`;
}

/**
 * The same condition with the workspace setting and teams looked up first (one small query), written as plain
 * `owner = me` / `owner = any(ids)` an index can use. The SQL form above hides the owner test behind an OR the planner
 * cannot split, so a rep's list scanned the whole workspace; lists and counts over many rows use this one.
 */
export async function resolvedOwnerVisibility(ctx: Ctx, ownerColumn: SQL): Promise<SQL> {
  const { role, userId } = ctx.actor;
  if (role !== 'sales_rep' && role !== 'sales_manager') return sql`true`;
  if (!userId) return sql`false`;
  const { setting, teammates, managed } = visibilitySources(ctx, userId);
  const [r] = await rows<{ setting: string; teammates: string[]; managed: string[] }>(
    ctx.db,
    sql`select ${setting} as setting, array(select distinct x.user_id::text from ${teammates} x(user_id)) as teammates,
      array(select distinct x.user_id::text from ${managed} x(user_id) where ${role === 'sales_manager'}) as managed`,
  );
  if (!r || r.setting === 'all') return sql`true`;
  const ids = new Set([userId, ...r.managed, ...(r.setting === 'team' ? r.teammates : [])]);
  if (ids.size === 1) return sql`${ownerColumn} = ${userId}`;
  return sql`${ownerColumn} = any(${sql.param([...ids])}::uuid[])`;
}
