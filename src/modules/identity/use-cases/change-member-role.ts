import { and, eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../../kernel/audit/index.ts';
import { evictPrincipals, memberships, type Role } from '../../../kernel/auth/index.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { type Database, inWorkspace, rows } from '../../../kernel/db/index.ts';
import { AppError, notFound } from '../../../kernel/errors.ts';
import { emitEvent } from '../../../kernel/events/index.ts';

async function assertNotLastAdmin(ctx: Ctx, userId: string) {
  const [r] = await rows<{ n: number }>(
    ctx.db,
    sql`select count(*)::int as n from memberships where workspace_id = ${ctx.workspaceId} and role = 'admin' and user_id <> ${userId}`,
  );
  if (!r?.n) throw new AppError('last_admin', 'A workspace needs at least one admin. Make someone else admin first.');
}

/** Changes a member's role; the last admin cannot be demoted. */
export async function changeMemberRole(database: Database, ctx: Ctx, userId: string, role: Role) {
  await ctx.db.transaction(async (tx) => {
    const c = { ...ctx, db: tx };
    const [m] = await tx
      .select()
      .from(memberships)
      .where(inWorkspace(memberships.workspaceId, ctx, eq(memberships.userId, userId)))
      .for('update');
    if (!m) throw notFound('user', userId);
    if (m.role === 'admin' && role !== 'admin') await assertNotLastAdmin(c, userId);
    await tx
      .update(memberships)
      .set({ role, updatedAt: new Date() })
      .where(and(eq(memberships.workspaceId, ctx.workspaceId), eq(memberships.userId, userId)));
    await emitEvent(c, { type: 'member.role_changed', entityType: 'user', entityId: userId, data: { userId, from: m.role, to: role } });
    await recordAudit(c, {
      action: 'member.role_changed',
      entityType: 'user',
      entityId: userId,
      before: { role: m.role },
      after: { role },
    });
  });
  await evictPrincipals(database);
}

/** Removes a member from the workspace (their sessions there end); the last admin cannot leave. */
export async function removeMember(database: Database, ctx: Ctx, userId: string) {
  await ctx.db.transaction(async (tx) => {
    const c = { ...ctx, db: tx };
    const [m] = await tx
      .select()
      .from(memberships)
      .where(inWorkspace(memberships.workspaceId, ctx, eq(memberships.userId, userId)))
      .for('update');
    if (!m) throw notFound('user', userId);
    if (m.role === 'admin') await assertNotLastAdmin(c, userId);
    await tx.delete(memberships).where(and(eq(memberships.workspaceId, ctx.workspaceId), eq(memberships.userId, userId)));
    await tx.execute(sql`delete from sessions where workspace_id = ${ctx.workspaceId} and user_id = ${userId}`);
    await emitEvent(c, { type: 'member.removed', entityType: 'user', entityId: userId, data: { userId, role: m.role } });
    await recordAudit(c, { action: 'member.removed', entityType: 'user', entityId: userId, before: { role: m.role } });
  });
  await evictPrincipals(database);
}
