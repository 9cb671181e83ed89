import { and, eq, inArray, sql } from 'drizzle-orm';
import { recordAudit } from '../../../kernel/audit/index.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { inWorkspace, rows } from '../../../kernel/db/index.ts';
import { AppError, notFound } from '../../../kernel/errors.ts';
import { teamMembers, teams } from '../schema.ts';

export interface TeamInput {
  name: string;
  managerId?: string | null;
  memberIds?: string[];
}

async function assertMembers(ctx: Ctx, userIds: string[], path: string) {
  if (!userIds.length) return;
  const found = await rows<{ user_id: string }>(
    ctx.db,
    sql`select user_id from memberships where workspace_id = ${ctx.workspaceId} and user_id in ${userIds}`,
  );
  const missing = userIds.filter((id) => !found.some((f) => f.user_id === id));
  if (missing.length)
    throw new AppError('user_not_found', `Not members of this workspace: ${missing.join(', ')}.`, { path: ['body', path], ids: missing });
}

async function setMembers(ctx: Ctx, teamId: string, memberIds: string[]) {
  await ctx.db.delete(teamMembers).where(and(eq(teamMembers.workspaceId, ctx.workspaceId), eq(teamMembers.teamId, teamId)));
  if (memberIds.length)
    await ctx.db.insert(teamMembers).values([...new Set(memberIds)].map((userId) => ({ workspaceId: ctx.workspaceId, teamId, userId })));
}

/** A sales team with an optional manager and its members. */
export async function createTeam(ctx: Ctx, input: TeamInput) {
  await assertMembers(ctx, [...(input.memberIds ?? []), ...(input.managerId ? [input.managerId] : [])], 'memberIds');
  return ctx.db.transaction(async (tx) => {
    const c = { ...ctx, db: tx };
    const [team] = await tx
      .insert(teams)
      .values({ workspaceId: ctx.workspaceId, name: input.name.trim(), managerId: input.managerId ?? null })
      .returning();
    await setMembers(c, team!.id, input.memberIds ?? []);
    await recordAudit(c, {
      action: 'team.created',
      entityType: 'team',
      entityId: team!.id,
      after: { ...team, memberIds: input.memberIds ?? [] },
    });
    return team!;
  });
}

export async function updateTeam(ctx: Ctx, id: string, input: Partial<TeamInput>) {
  await assertMembers(ctx, [...(input.memberIds ?? []), ...(input.managerId ? [input.managerId] : [])], 'memberIds');
  return ctx.db.transaction(async (tx) => {
    const c = { ...ctx, db: tx };
    const [before] = await tx
      .select()
      .from(teams)
      .where(inWorkspace(teams.workspaceId, ctx, eq(teams.id, id)))
      .for('update');
    if (!before) throw notFound('team', id);
    const [after] = await tx
      .update(teams)
      .set({
        ...(input.name !== undefined && { name: input.name.trim() }),
        ...(input.managerId !== undefined && { managerId: input.managerId }),
        updatedAt: new Date(),
      })
      .where(eq(teams.id, id))
      .returning();
    if (input.memberIds) await setMembers(c, id, input.memberIds);
    await recordAudit(c, {
      action: 'team.updated',
      entityType: 'team',
      entityId: id,
      before,
      after: { ...after, ...(input.memberIds && { memberIds: input.memberIds }) },
    });
    return after!;
  });
}

export async function deleteTeam(ctx: Ctx, id: string) {
  await ctx.db.transaction(async (tx) => {
    const [before] = await tx
      .delete(teams)
      .where(inWorkspace(teams.workspaceId, ctx, eq(teams.id, id)))
      .returning();
    if (!before) throw notFound('team', id);
    await tx.delete(teamMembers).where(and(eq(teamMembers.workspaceId, ctx.workspaceId), inArray(teamMembers.teamId, [id])));
    await recordAudit({ ...ctx, db: tx }, { action: 'team.deleted', entityType: 'team', entityId: id, before });
  });
}

export async function getTeams(ctx: Ctx) {
  return rows<{ id: string; name: string; manager_id: string | null; member_ids: string[] }>(
    ctx.db,
    sql`select t.id, t.name, t.manager_id, coalesce(array_agg(tm.user_id) filter (where tm.user_id is not null), '{}') as member_ids
        from teams t left join team_members tm on tm.team_id = t.id and tm.workspace_id = t.workspace_id
        where t.workspace_id = ${ctx.workspaceId} group by t.id order by lower(t.name)`,
  );
}
