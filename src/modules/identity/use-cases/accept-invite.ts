import { sql } from 'drizzle-orm';
import { recordAudit } from '../../../kernel/audit/index.ts';
import { memberships, type Role, sha256, verifyPassword } from '../../../kernel/auth/index.ts';
import { type Executor, rows } from '../../../kernel/db/index.ts';
import { AppError } from '../../../kernel/errors.ts';
import { emitEvent } from '../../../kernel/events/index.ts';
import { createUser } from './create-user.ts';

interface InviteRow {
  id: string;
  workspace_id: string;
  workspace_name: string;
  email: string;
  role: string;
  expires_at: Date | string;
  accepted_at: Date | null;
  revoked_at: Date | null;
}

/** The invite behind a link, if it can still be accepted. */
export async function findInvite(db: Executor, token: string) {
  const [invite] = await rows<InviteRow>(
    db,
    sql`select i.id, i.workspace_id, w.name as workspace_name, i.email, i.role, i.expires_at, i.accepted_at, i.revoked_at
        from invites i join workspaces w on w.id = i.workspace_id where i.token_hash = ${sha256(token)}`,
  );
  if (!invite || invite.revoked_at || invite.accepted_at)
    throw new AppError('invite_not_found', 'This invite link is not valid or was already used. Ask an admin for a new one.');
  if (new Date(invite.expires_at).getTime() < Date.now())
    throw new AppError('invite_expired', 'This invite link expired. Ask an admin for a new one.');
  const [existing] = await rows(db, sql`select 1 from users where lower(email) = ${invite.email}`);
  return { ...invite, hasAccount: Boolean(existing) };
}

/**
 * Accepts an invite: a new user sets name and password; an existing user proves it with their
 * password. Either way they become a member with the invited role.
 */
export async function acceptInvite(db: Executor, token: string, input: { name?: string; password: string }) {
  return db.transaction(async (tx) => {
    const invite = await findInvite(tx, token);
    let userId: string;
    const [existing] = await rows<{ id: string; password_hash: string }>(
      tx,
      sql`select id, password_hash from users where lower(email) = ${invite.email}`,
    );
    if (existing) {
      if (!(await verifyPassword(existing.password_hash, input.password)))
        throw new AppError('invalid_credentials', `Enter the current password of ${invite.email} to join.`, { path: ['body', 'password'] });
      userId = existing.id;
    } else {
      if (!input.name?.trim()) throw new AppError('validation_failed', 'Enter your name.', { path: ['body', 'name'] });
      userId = (await createUser(tx, { email: invite.email, name: input.name, password: input.password })).id;
    }
    await tx.insert(memberships).values({ workspaceId: invite.workspace_id, userId, role: invite.role }).onConflictDoNothing();
    await tx.execute(sql`update invites set accepted_at = now(), updated_at = now() where id = ${invite.id}`);
    const joined = {
      db: tx,
      workspaceId: invite.workspace_id,
      actor: { type: 'user' as const, id: userId, userId, label: invite.email, role: invite.role as Role },
    };
    await emitEvent(joined, {
      type: 'member.joined',
      entityType: 'user',
      entityId: userId,
      data: { userId, email: invite.email, role: invite.role },
    });
    await recordAudit(
      {
        db: tx,
        workspaceId: invite.workspace_id,
        actor: { type: 'user', id: userId, userId, label: invite.email, role: invite.role as never },
      },
      { action: 'invite.accepted', entityType: 'invite', entityId: invite.id, after: { userId, role: invite.role } },
    );
    return { userId, workspaceId: invite.workspace_id, email: invite.email };
  });
}
