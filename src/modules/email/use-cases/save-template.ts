import { sql } from 'drizzle-orm';
import { recordAudit } from '../../../kernel/audit/index.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { newId, rows } from '../../../kernel/db/index.ts';
import { notFound } from '../../../kernel/errors.ts';
import { emitEvent } from '../../../kernel/events/index.ts';
import type { TemplateInput } from '../http/email.types.ts';
import { getTemplate } from '../queries/get-template.ts';
import { compileTemplate, renderMessage } from '../render/compile-template.ts';
import { sampleVariables } from '../render/variables.ts';
import { customKeys } from '../sending/prepare.ts';

const actorId = (ctx: Ctx) => ctx.actor.userId ?? ctx.actor.id;

/** Compiles and renders against sample data: syntax errors and unknown variables are 400s with their line. */
export async function checkTemplate(ctx: Ctx, src: { format: 'mjml' | 'html'; subject: string; preheader?: string; body: string }) {
  const compiled = await compileTemplate(src, { footer: true });
  renderMessage(compiled, { ...sampleVariables(await customKeys(ctx.db, ctx.workspaceId)) });
}

/**
 * The id of the workspace's template called `input.name` that Tandem itself sends (confirmations, invites), created
 * from `input` on first use; an ordinary template people may edit afterwards.
 */
export async function builtInTemplate(ctx: Ctx, input: Parameters<typeof createTemplate>[1]): Promise<string> {
  const [t] = await rows<{ id: string }>(
    ctx.db,
    sql`select id from email_templates where workspace_id = ${ctx.workspaceId} and name = ${input.name} and archived_at is null
        order by created_at limit 1`,
  );
  return t ? t.id : (await createTemplate(ctx, input)).id;
}

/** A new template and its version 1. */
export async function createTemplate(ctx: Ctx, input: Required<Omit<TemplateInput, 'preheader'>> & { preheader: string }) {
  await checkTemplate(ctx, input);
  const id = await ctx.db.transaction(async (tx) => {
    const c = { ...ctx, db: tx };
    const id = newId();
    await tx.execute(
      sql`insert into email_templates (id, workspace_id, name, current_version) values (${id}, ${ctx.workspaceId}, ${input.name}, 1)`,
    );
    await tx.execute(sql`insert into email_template_versions (id, workspace_id, template_id, version, format, subject, preheader, body, created_by)
        values (${newId()}, ${ctx.workspaceId}, ${id}, 1, ${input.format}, ${input.subject}, ${input.preheader}, ${input.body}, ${actorId(ctx)})`);
    await recordAudit(c, { action: 'email_template.created', entityType: 'email_template', entityId: id, after: { name: input.name } });
    await emitEvent(c, { type: 'email_template.saved', entityType: 'email_template', entityId: id, data: { version: 1 } });
    return id;
  });
  return getTemplate(ctx, id);
}

/** Each save is a new version (sends keep pointing at the version they used); a rename alone adds none. */
export async function updateTemplate(ctx: Ctx, id: string, input: Partial<TemplateInput>) {
  const current = await getTemplate(ctx, id);
  const next = {
    format: input.format ?? current.current.format,
    subject: input.subject ?? current.current.subject,
    preheader: input.preheader ?? current.current.preheader,
    body: input.body ?? current.current.body,
  };
  const changed = (['format', 'subject', 'preheader', 'body'] as const).some((k) => next[k] !== current.current[k]);
  if (changed) await checkTemplate(ctx, next);
  await ctx.db.transaction(async (tx) => {
    const c = { ...ctx, db: tx };
    const [row] = await rows<{ v: number }>(
      tx,
      sql`update email_templates set name = ${input.name ?? current.name}, updated_at = now(),
          current_version = current_version + ${changed ? 1 : 0}
          where workspace_id = ${ctx.workspaceId} and id = ${id} and archived_at is null returning current_version as v`,
    );
    if (!row) throw notFound('email_template', id);
    if (changed)
      await tx.execute(sql`insert into email_template_versions (id, workspace_id, template_id, version, format, subject, preheader, body, created_by)
          values (${newId()}, ${ctx.workspaceId}, ${id}, ${row.v}, ${next.format}, ${next.subject}, ${next.preheader}, ${next.body}, ${actorId(ctx)})`);
    await recordAudit(c, {
      action: 'email_template.updated',
      entityType: 'email_template',
      entityId: id,
      after: { version: row.v, name: input.name },
    });
    await emitEvent(c, { type: 'email_template.saved', entityType: 'email_template', entityId: id, data: { version: row.v } });
  });
  return getTemplate(ctx, id);
}
