import { and, desc, eq, sql } from 'drizzle-orm';
import type { Ctx } from '../../kernel/context.ts';
import { inWorkspace, rows } from '../../kernel/db/index.ts';
import { AppError, notFound } from '../../kernel/errors.ts';
import { assertMember } from '../companies/index.ts';
import { fieldsFor } from '../custom-fields/index.ts';
import { assertCanConfirm } from '../email/index.ts';
import type { FormField, FormSettings } from './form-model.ts';
import { formConsentVersions, forms } from './schema.ts';

const bad = (message: string, path: (string | number)[]) => new AppError('validation_failed', message, { path });

/**
 * The rules a form must keep to be saved: unique field keys, one required email field mapped to contact.email
 * (submissions dedupe by it), choices for selects, a sane regex, existing custom fields, members to notify.
 */
export async function checkForm(ctx: Ctx, fields: FormField[], settings: FormSettings) {
  const seen = new Set<string>();
  const custom = new Map((await fieldsFor(ctx, 'contact')).filter((f) => !f.archived).map((f) => [f.key, f]));
  const targets = new Set<string>();
  fields.forEach((f, i) => {
    const at = (k: string) => ['body', 'fields', i, k];
    if (seen.has(f.key)) throw bad(`Two fields are named "${f.key}"; give each field its own name.`, at('key'));
    seen.add(f.key);
    if (f.mapTo) {
      if (targets.has(f.mapTo)) throw bad(`Two fields fill ${f.mapTo}; map it from one field only.`, at('mapTo'));
      targets.add(f.mapTo);
      if (f.mapTo.startsWith('custom.') && !custom.has(f.mapTo.slice(7)))
        throw bad(`There is no contact custom field "${f.mapTo.slice(7)}"; create it under Settings → Custom fields first.`, at('mapTo'));
    }
    if (f.type === 'select' && !f.options?.length) throw bad('A select needs at least one option.', at('options'));
    if (f.min !== undefined && f.max !== undefined && f.min > f.max) throw bad('min must not be above max.', at('min'));
    if (f.pattern) {
      try {
        new RegExp(f.pattern, 'u');
      } catch {
        throw bad('This is not a valid regular expression.', at('pattern'));
      }
    }
  });
  const email = fields.findIndex((f) => f.mapTo === 'contact.email');
  if (email < 0)
    throw bad('Add an email field mapped to contact.email: submissions find or create the contact by email.', ['body', 'fields']);
  if (!fields[email]!.required || fields[email]!.type !== 'email')
    throw bad('The field mapped to contact.email must be of type email and required.', ['body', 'fields', email, 'required']);
  for (const [i, id] of settings.notifyUserIds.entries()) await assertMember(ctx, id, ['body', 'settings', 'notifyUserIds', i]);
  if (settings.doubleOptIn) {
    if (!settings.consent)
      throw bad('Double opt-in confirms the consent checkbox: add settings.consent (the consent text) first.', [
        'body',
        'settings',
        'doubleOptIn',
      ]);
    await assertCanConfirm(ctx, ['body', 'settings', 'doubleOptIn']);
  }
}

/** A slug is one public address across all workspaces. */
export async function assertSlugFree(ctx: Ctx, table: 'forms' | 'landing_pages', slug: string, exceptId: string | null) {
  const [taken] = await rows(
    ctx.db,
    sql`select 1 from ${sql.identifier(table)} where slug = ${slug} and (${exceptId}::uuid is null or id <> ${exceptId}::uuid)`,
  );
  if (taken) throw new AppError('slug_taken', `The address "${slug}" is already used; choose another slug.`, { path: ['body', 'slug'] });
}

/** The current consent version of a form when the text is unchanged, else a new version (versions are never edited). */
export async function consentVersionFor(ctx: Ctx, formId: string, text: string | null): Promise<string | null> {
  if (text === null) return null;
  const [last] = await ctx.db
    .select()
    .from(formConsentVersions)
    .where(inWorkspace(formConsentVersions.workspaceId, ctx, eq(formConsentVersions.formId, formId)))
    .orderBy(desc(formConsentVersions.version))
    .limit(1);
  if (last?.text === text) return last.id;
  const [row] = await ctx.db
    .insert(formConsentVersions)
    .values({ workspaceId: ctx.workspaceId, formId, version: (last?.version ?? 0) + 1, text, createdBy: ctx.actor.userId ?? null })
    .returning();
  return row!.id;
}

/** The form row, locked for a change; 404 when it is not in this workspace or deleted. */
export async function loadFormForUpdate(ctx: Ctx, id: string) {
  const [row] = await ctx.db
    .select()
    .from(forms)
    .where(inWorkspace(forms.workspaceId, ctx, and(eq(forms.id, id), sql`${forms.deletedAt} is null`)))
    .for('update');
  if (!row) throw notFound('form', id);
  return row;
}
