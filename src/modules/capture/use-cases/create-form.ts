import { eq } from 'drizzle-orm';
import { recordAudit } from '../../../kernel/audit/index.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { emitEvent } from '../../../kernel/events/index.ts';
import { type FormField, type FormSettings, formSettingsSchema } from '../form-model.ts';
import { assertSlugFree, checkForm, consentVersionFor } from '../form-rules.ts';
import { consentOf, type Form, toForm } from '../queries/get-form.ts';
import { forms } from '../schema.ts';

export interface FormInput {
  name: string;
  slug: string;
  status?: 'draft' | 'published';
  fields: FormField[];
  settings?: Partial<FormSettings>;
}

/** Creates a form; its consent text (if any) becomes version 1. */
export async function createForm(ctx: Ctx, input: FormInput): Promise<Form> {
  const settings = formSettingsSchema.parse(input.settings ?? {});
  return ctx.db.transaction(async (tx) => {
    const c = { ...ctx, db: tx };
    await checkForm(c, input.fields, settings);
    await assertSlugFree(c, 'forms', input.slug, null);
    const [row] = await tx
      .insert(forms)
      .values({
        workspaceId: ctx.workspaceId,
        name: input.name.trim(),
        slug: input.slug,
        status: input.status ?? 'draft',
        fields: input.fields,
        settings,
        createdBy: ctx.actor.userId ?? null,
      })
      .returning();
    const versionId = await consentVersionFor(c, row!.id, settings.consent?.text ?? null);
    const [saved] = versionId
      ? await tx.update(forms).set({ consentVersionId: versionId }).where(eq(forms.id, row!.id)).returning()
      : [row!];
    const form = toForm(saved!, await consentOf(c, versionId));
    await recordAudit(c, { action: 'form.created', entityType: 'form', entityId: form.id, after: form });
    await emitEvent(c, { type: 'form.created', entityType: 'form', entityId: form.id, data: { name: form.name, slug: form.slug } });
    return form;
  });
}
