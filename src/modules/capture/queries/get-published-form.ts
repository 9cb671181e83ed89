import { sql } from 'drizzle-orm';
import type { Executor } from '../../../kernel/db/index.ts';
import { forms } from '../schema.ts';
import { consentOf, type FormRow } from './get-form.ts';

/** A published form by its public slug (any workspace), with its current consent text; null when none. */
export async function getPublishedForm(db: Executor, slug: string): Promise<{ form: FormRow; consentText: string | null } | null> {
  const [form] = await db
    .select()
    .from(forms)
    .where(sql`${forms.slug} = ${slug} and ${forms.status} = 'published' and ${forms.deletedAt} is null`);
  if (!form) return null;
  return { form, consentText: (await consentOf({ db }, form.consentVersionId))?.text ?? null };
}

/** Published forms by id within one workspace (landing page form blocks). */
export async function getPublishedFormsById(db: Executor, workspaceId: string, ids: string[]) {
  if (!ids.length) return [];
  const list = await db
    .select()
    .from(forms)
    .where(
      sql`${forms.workspaceId} = ${workspaceId} and ${forms.id} in ${ids} and ${forms.status} = 'published' and ${forms.deletedAt} is null`,
    );
  return Promise.all(list.map(async (form) => ({ form, consentText: (await consentOf({ db }, form.consentVersionId))?.text ?? null })));
}
