import { eq } from 'drizzle-orm';
import { recordAudit } from '../../../kernel/audit/index.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { emitEvent } from '../../../kernel/events/index.ts';
import { formSettingsSchema } from '../form-model.ts';
import { assertSlugFree, checkForm, consentVersionFor, loadFormForUpdate } from '../form-rules.ts';
import { consentOf, type Form, toForm } from '../queries/get-form.ts';
import { forms } from '../schema.ts';
import type { FormInput } from './create-form.ts';

/**
 * Changes a form. Settings merge over the saved ones; a changed consent text becomes a new version (earlier
 * submissions keep pointing at the version they saw).
 */
export async function updateForm(ctx: Ctx, id: string, input: Partial<FormInput>): Promise<Form> {
  return ctx.db.transaction(async (tx) => {
    const c = { ...ctx, db: tx };
    const row = await loadFormForUpdate(c, id);
    const before = toForm(row, await consentOf(c, row.consentVersionId));
    const settings = formSettingsSchema.parse({ ...row.settings, ...input.settings });
    const fields = input.fields ?? row.fields;
    await checkForm(c, fields, settings);
    if (input.slug && input.slug !== row.slug) await assertSlugFree(c, 'forms', input.slug, id);
    const versionId = await consentVersionFor(c, id, settings.consent?.text ?? null);
    const [saved] = await tx
      .update(forms)
      .set({
        name: input.name?.trim() ?? row.name,
        slug: input.slug ?? row.slug,
        status: input.status ?? row.status,
        fields,
        settings,
        consentVersionId: versionId,
        updatedAt: new Date(),
      })
      .where(eq(forms.id, id))
      .returning();
    const form = toForm(saved!, await consentOf(c, versionId));
    await recordAudit(c, { action: 'form.updated', entityType: 'form', entityId: id, before, after: form });
    await emitEvent(c, { type: 'form.updated', entityType: 'form', entityId: id, data: { name: form.name, status: form.status } });
    return form;
  });
}
