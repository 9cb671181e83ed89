import { sql } from 'drizzle-orm';
import { recordAudit } from '../../../kernel/audit/index.ts';
import { memberships, type Role } from '../../../kernel/auth/index.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { rows } from '../../../kernel/db/index.ts';
import { AppError } from '../../../kernel/errors.ts';
import { emitEvent } from '../../../kernel/events/index.ts';

/** Adds an existing user to the workspace with a role (admin tools; people join by invite). */
export async function addMember(ctx: Ctx, userId: string, role: Role) {
  await ctx.db.transaction(async (tx) => {
    const c = { ...ctx, db: tx };
    const [user] = await rows<{ email: string }>(tx, sql`select email from users where id = ${userId}`);
    if (!user) throw new AppError('user_not_found', `No user with id ${userId}.`);
    const added = await tx.insert(memberships).values({ workspaceId: ctx.workspaceId, userId, role }).onConflictDoNothing().returning();
    if (!added.length) throw new AppError('already_member', `${user.email} is already a member of this workspace.`);
    await emitEvent(c, { type: 'member.joined', entityType: 'user', entityId: userId, data: { userId, email: user.email, role } });
    await recordAudit(c, { action: 'member.added', entityType: 'user', entityId: userId, after: { role } });
  });
}
