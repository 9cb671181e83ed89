import { eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../../kernel/audit/index.ts';
import { checkPasswordStrength, evictPrincipals, hashPassword, users, verifyPassword } from '../../../kernel/auth/index.ts';
import type { Ctx } from '../../../kernel/context.ts';
import type { Database } from '../../../kernel/db/index.ts';
import { AppError } from '../../../kernel/errors.ts';

export interface UpdateProfileInput {
  name?: string;
  currentPassword?: string;
  newPassword?: string;
}

/** Changes one's own name or password (the current password is required for the latter; other sessions end). */
export async function updateProfile(database: Database, ctx: Ctx, input: UpdateProfileInput, keepSessionId?: string) {
  const userId = ctx.actor.userId!;
  await ctx.db.transaction(async (tx) => {
    const [user] = await tx.select().from(users).where(eq(users.id, userId)).for('update');
    const patch: Partial<typeof users.$inferInsert> = { updatedAt: new Date() };
    if (input.name !== undefined) patch.name = input.name.trim();
    if (input.newPassword !== undefined) {
      if (!input.currentPassword || !(await verifyPassword(user!.passwordHash, input.currentPassword)))
        throw new AppError('invalid_credentials', 'The current password is wrong.', { path: ['body', 'currentPassword'] });
      checkPasswordStrength(input.newPassword, 'newPassword');
      patch.passwordHash = await hashPassword(input.newPassword);
      await tx.execute(
        sql`delete from sessions where user_id = ${userId} and id <> ${keepSessionId ?? '00000000-0000-0000-0000-000000000000'}`,
      );
    }
    await tx.update(users).set(patch).where(eq(users.id, userId));
    await recordAudit(
      { ...ctx, db: tx },
      {
        action: input.newPassword ? 'user.password_changed' : 'user.updated',
        entityType: 'user',
        entityId: userId,
        before: { name: user!.name },
        after: { name: patch.name ?? user!.name },
      },
    );
  });
  await evictPrincipals(database);
}

/** Admin CLI: sets a new password for a user by email and ends their sessions. */
export async function resetPassword(database: Database, email: string, password: string) {
  checkPasswordStrength(password);
  const hash = await hashPassword(password);
  const [u] = await database.db
    .update(users)
    .set({ passwordHash: hash, updatedAt: new Date() })
    .where(sql`lower(${users.email}) = ${email.trim().toLowerCase()}`)
    .returning({ id: users.id });
  if (!u) throw new AppError('user_not_found', `No user with the email ${email}.`);
  await database.db.execute(sql`delete from sessions where user_id = ${u.id}`);
  await evictPrincipals(database);
  return u;
}
