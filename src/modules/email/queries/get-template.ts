import { sql } from 'drizzle-orm';
import type { Ctx } from '../../../kernel/context.ts';
import { rows } from '../../../kernel/db/index.ts';
import { notFound } from '../../../kernel/errors.ts';
import type { TemplateFormat } from '../schema.ts';

interface Row {
  id: string;
  name: string;
  current_version: number;
  updated_at: Date | string;
  v_id: string;
  format: TemplateFormat;
  subject: string;
  preheader: string;
  body: string;
  v_created_at: Date | string;
}

const iso = (d: Date | string) => new Date(d).toISOString();

/** A template with its current version. */
export async function getTemplate(ctx: Ctx, id: string) {
  const [r] = await rows<Row>(
    ctx.db,
    sql`select t.id, t.name, t.current_version, t.updated_at, v.id as v_id, v.format, v.subject, v.preheader, v.body, v.created_at as v_created_at
        from email_templates t join email_template_versions v on v.workspace_id = t.workspace_id and v.template_id = t.id and v.version = t.current_version
        where t.workspace_id = ${ctx.workspaceId} and t.id = ${id} and t.archived_at is null`,
  );
  if (!r) throw notFound('email_template', id);
  return {
    id: r.id,
    name: r.name,
    currentVersion: r.current_version,
    updatedAt: iso(r.updated_at),
    current: {
      id: r.v_id,
      version: r.current_version,
      format: r.format,
      subject: r.subject,
      preheader: r.preheader,
      body: r.body,
      createdAt: iso(r.v_created_at),
    },
  };
}

export async function getTemplates(ctx: Ctx) {
  const r = await rows<{ id: string; name: string; current_version: number; subject: string; updated_at: string }>(
    ctx.db,
    sql`select t.id, t.name, t.current_version, v.subject, t.updated_at
        from email_templates t join email_template_versions v on v.workspace_id = t.workspace_id and v.template_id = t.id and v.version = t.current_version
        where t.workspace_id = ${ctx.workspaceId} and t.archived_at is null order by t.name, t.id limit 1000`,
  );
  return r.map((x) => ({ id: x.id, name: x.name, currentVersion: x.current_version, subject: x.subject, updatedAt: iso(x.updated_at) }));
}

/** Every version of a template, newest first (404 for a template of another workspace). */
export async function getTemplateVersions(ctx: Ctx, id: string) {
  await getTemplate(ctx, id);
  const r = await rows<{
    id: string;
    version: number;
    format: TemplateFormat;
    subject: string;
    preheader: string;
    body: string;
    created_at: string;
  }>(
    ctx.db,
    sql`select id, version, format, subject, preheader, body, created_at from email_template_versions
        where workspace_id = ${ctx.workspaceId} and template_id = ${id} order by version desc limit 200`,
  );
  return r.map((x) => ({ ...x, createdAt: iso(x.created_at) }));
}
