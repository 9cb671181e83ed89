import { sql } from 'drizzle-orm';
import { can } from '../../../kernel/auth/index.ts';
import type { Ctx } from '../../../kernel/context.ts';

/**
 * Invite mail carries a link that makes whoever holds it a member with the invited role, so only those who may invite
 * (`users:manage`) see it in the outbox; everyone else with `email:read` sees the rest. A condition on `email_outbox`.
 */
export function outboxVisible(ctx: Ctx) {
  if (can(ctx.actor.role, 'users:manage', ctx.actor.keyScope)) return sql`true`;
  return sql`not exists (select 1 from email_messages m where m.workspace_id = ${ctx.workspaceId} and m.id = email_outbox.message_id
    and m.data ? 'invite_url')`;
}
