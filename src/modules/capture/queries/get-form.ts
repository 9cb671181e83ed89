import { and, eq, sql } from 'drizzle-orm';
import type { Ctx } from '../../../kernel/context.ts';
import { inWorkspace, rows } from '../../../kernel/db/index.ts';
import { notFound } from '../../../kernel/errors.ts';
import { forms } from '../schema.ts';

export type FormRow = typeof forms.$inferSelect;

/** A form as the API shows it, with its current consent text version. */
export function toForm(r: FormRow, consent: { id: string; version: number; text: string } | null) {
  return {
    id: r.id,
    name: r.name,
    slug: r.slug,
    status: r.status as 'draft' | 'published',
    fields: r.fields,
    settings: r.settings,
    consentVersion: consent,
    submissionCount: r.submissionCount,
    spamCount: r.spamCount,
    lastSubmittedAt: r.lastSubmittedAt,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}
export type Form = ReturnType<typeof toForm>;

export async function consentOf(ctx: Pick<Ctx, 'db'>, versionId: string | null) {
  if (!versionId) return null;
  const [v] = await rows<{ id: string; version: number; text: string }>(
    ctx.db,
    sql`select id, version, text from form_consent_versions where id = ${versionId}`,
  );
  return v ?? null;
}

/** One form of the workspace; 404 when missing or deleted. */
export async function getForm(ctx: Ctx, id: string): Promise<Form> {
  const [row] = await ctx.db
    .select()
    .from(forms)
    .where(inWorkspace(forms.workspaceId, ctx, and(eq(forms.id, id), sql`${forms.deletedAt} is null`)));
  if (!row) throw notFound('form', id);
  return toForm(row, await consentOf(ctx, row.consentVersionId));
}
