import { and, eq, isNull } from 'drizzle-orm';
import { recordAudit } from '../../../kernel/audit/index.ts';
import { invites } from '../../../kernel/auth/index.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { inWorkspace } from '../../../kernel/db/index.ts';
import { notFound } from '../../../kernel/errors.ts';
import { emitEvent } from '../../../kernel/events/index.ts';

export async function revokeInvite(ctx: Ctx, id: string) {
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(invites)
      .set({ revokedAt: new Date(), updatedAt: new Date() })
      .where(inWorkspace(invites.workspaceId, ctx, and(eq(invites.id, id), isNull(invites.acceptedAt), isNull(invites.revokedAt))))
      .returning();
    if (!row) throw notFound('invite', id);
    await emitEvent({ ...ctx, db: tx }, { type: 'invite.revoked', entityType: 'invite', entityId: id, data: { email: row.email } });
    await recordAudit(
      { ...ctx, db: tx },
      { action: 'invite.revoked', entityType: 'invite', entityId: id, before: { email: row.email, role: row.role } },
    );
  });
}
