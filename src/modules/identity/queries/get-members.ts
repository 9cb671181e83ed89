import { sql } from 'drizzle-orm';
import type { Ctx } from '../../../kernel/context.ts';
import { rows } from '../../../kernel/db/index.ts';

export async function getMembers(ctx: Ctx) {
  const list = await rows<{ id: string; email: string; name: string; role: string; joined_at: Date; last_login_at: Date | null }>(
    ctx.db,
    sql`select u.id, u.email, u.name, m.role, m.created_at as joined_at, u.last_login_at
        from memberships m join users u on u.id = m.user_id where m.workspace_id = ${ctx.workspaceId} order by lower(u.name), u.id`,
  );
  return list.map((m) => ({
    id: m.id,
    email: m.email,
    name: m.name,
    role: m.role,
    joinedAt: new Date(m.joined_at),
    lastLoginAt: m.last_login_at ? new Date(m.last_login_at) : null,
  }));
}

export async function getInvites(ctx: Ctx) {
  const list = await rows<{ id: string; email: string; role: string; created_at: Date; expires_at: Date; invited_by_name: string | null }>(
    ctx.db,
    sql`select i.id, i.email, i.role, i.created_at, i.expires_at, u.name as invited_by_name from invites i left join users u on u.id = i.invited_by
        where i.workspace_id = ${ctx.workspaceId} and i.accepted_at is null and i.revoked_at is null and i.expires_at > now() order by i.created_at desc`,
  );
  return list.map((i) => ({
    id: i.id,
    email: i.email,
    role: i.role,
    createdAt: new Date(i.created_at),
    expiresAt: new Date(i.expires_at),
    invitedBy: i.invited_by_name,
  }));
}

export async function getApiKeys(ctx: Ctx) {
  const list = await rows<{
    id: string;
    name: string;
    prefix: string;
    scope: string;
    created_at: Date;
    last_used_at: Date | null;
    revoked_at: Date | null;
    created_by_name: string | null;
  }>(
    ctx.db,
    sql`select k.id, k.name, k.prefix, k.scope, k.created_at, k.last_used_at, k.revoked_at, u.name as created_by_name
        from api_keys k left join users u on u.id = k.created_by where k.workspace_id = ${ctx.workspaceId} order by k.created_at desc`,
  );
  const d = (v: Date | null) => (v ? new Date(v) : null);
  return list.map((k) => ({
    id: k.id,
    name: k.name,
    prefix: `tdm_${k.prefix}_…`,
    scope: k.scope,
    createdAt: new Date(k.created_at),
    lastUsedAt: d(k.last_used_at),
    revokedAt: d(k.revoked_at),
    createdBy: k.created_by_name,
  }));
}

export async function getMyWorkspaces(db: Ctx['db'], userId: string) {
  return rows<{ id: string; name: string; role: string }>(
    db,
    sql`select w.id, w.name, m.role from memberships m join workspaces w on w.id = m.workspace_id where m.user_id = ${userId} order by w.name`,
  );
}
