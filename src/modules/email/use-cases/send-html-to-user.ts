import { sql } from 'drizzle-orm';
import { recordAudit } from '../../../kernel/audit/index.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { newId, rows } from '../../../kernel/db/index.ts';
import { AppError } from '../../../kernel/errors.ts';
import { sendEmail } from './send-email.ts';

/** The workspace template that carries already-rendered HTML (its body is the `body_html` variable, unescaped). */
export const htmlTemplateName = 'System: rendered HTML message';

async function htmlTemplateId(ctx: Ctx): Promise<string> {
  const find = () =>
    rows<{ id: string }>(
      ctx.db,
      sql`select id from email_templates where workspace_id = ${ctx.workspaceId} and name = ${htmlTemplateName} order by id limit 1`,
    );
  const [found] = await find();
  if (found) return found.id;
  // Written directly: the editor's check renders with the contact variables only, and this body needs its own two.
  const id = newId();
  await ctx.db.transaction(async (tx) => {
    await tx.execute(
      sql`insert into email_templates (id, workspace_id, name, current_version) values (${id}, ${ctx.workspaceId}, ${htmlTemplateName}, 1)`,
    );
    await tx.execute(sql`insert into email_template_versions (id, workspace_id, template_id, version, format, subject, preheader, body)
        values (${newId()}, ${ctx.workspaceId}, ${id}, 1, 'html', '{{ subject }}', '', '{{ body_html | raw }}')`);
    await recordAudit(
      { ...ctx, db: tx },
      { action: 'email_template.created', entityType: 'email_template', entityId: id, after: { name: htmlTemplateName } },
    );
  });
  return id;
}

/**
 * Sends HTML the caller rendered (and escaped) itself to a member of the workspace, through the transactional path:
 * the default sender, the outbox and the send job. For system mail such as the weekly KPI digest.
 */
export async function sendHtmlToUser(ctx: Ctx, input: { userId: string; subject: string; html: string }) {
  const [user] = await rows<{ email: string }>(
    ctx.db,
    sql`select u.email from memberships m join users u on u.id = m.user_id where m.workspace_id = ${ctx.workspaceId} and m.user_id = ${input.userId}`,
  );
  if (!user) throw new AppError('user_not_found', `No member ${input.userId} in this workspace.`, { path: ['userId'] });
  return sendEmail(ctx, {
    templateId: await htmlTemplateId(ctx),
    to: user.email,
    variables: { subject: input.subject, body_html: input.html },
  });
}
