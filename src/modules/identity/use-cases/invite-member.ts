import { sql } from 'drizzle-orm';
import { recordAudit } from '../../../kernel/audit/index.ts';
import { invites, type Role, randomToken, sha256 } from '../../../kernel/auth/index.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { rows } from '../../../kernel/db/index.ts';
import { AppError } from '../../../kernel/errors.ts';
import { emitEvent } from '../../../kernel/events/index.ts';
import { emailSchema } from './create-user.ts';
import { inviteMailer } from './invite-mailer.ts';

const inviteDays = 7;

/**
 * An invite link for an email and role, valid 7 days. The raw token is returned once, never stored; the registered
 * mailer (the email module's transactional send) mails it in the same transaction. `emailId` is null when no mail
 * went out (no mailer, or the workspace has no sender yet): then only the returned link reaches the invitee.
 */
export async function inviteMember(ctx: Ctx, input: { email: string; role: Role }, publicUrl: string) {
  const email = emailSchema.parse(input.email);
  const [member] = await rows(
    ctx.db,
    sql`select 1 from memberships m join users u on u.id = m.user_id where m.workspace_id = ${ctx.workspaceId} and lower(u.email) = ${email}`,
  );
  if (member) throw new AppError('already_member', `${email} is already a member of this workspace.`, { path: ['body', 'email'] });
  const token = randomToken();
  return ctx.db.transaction(async (tx) => {
    await tx.execute(
      sql`update invites set revoked_at = now(), updated_at = now() where workspace_id = ${ctx.workspaceId} and email = ${email} and accepted_at is null and revoked_at is null`,
    );
    const [invite] = await tx
      .insert(invites)
      .values({
        workspaceId: ctx.workspaceId,
        email,
        role: input.role,
        tokenHash: sha256(token),
        invitedBy: ctx.actor.userId ?? ctx.actor.id,
        expiresAt: new Date(Date.now() + inviteDays * 86400_000),
      })
      .returning();
    await emitEvent(
      { ...ctx, db: tx },
      { type: 'invite.created', entityType: 'invite', entityId: invite!.id, data: { email, role: input.role } },
    );
    await recordAudit(
      { ...ctx, db: tx },
      { action: 'invite.created', entityType: 'invite', entityId: invite!.id, after: { email, role: input.role } },
    );
    const url = `${publicUrl}/invite/${token}`;
    const mail = inviteMailer();
    let emailId: string | null = null;
    if (mail) {
      const [about] = await rows<{ workspace_name: string; invited_by: string | null }>(
        tx,
        sql`select w.name as workspace_name, (select u.name from users u where u.id = ${invite!.invitedBy}::uuid) as invited_by
            from workspaces w where w.id = ${ctx.workspaceId}`,
      );
      const sent = await mail(
        { ...ctx, db: tx },
        {
          inviteId: invite!.id,
          email,
          role: input.role,
          url,
          workspaceName: about?.workspace_name ?? '',
          invitedBy: about?.invited_by ?? null,
          expiresAt: invite!.expiresAt,
        },
      );
      emailId = sent?.messageId ?? null;
    }
    return { invite: invite!, url, emailId };
  });
}
