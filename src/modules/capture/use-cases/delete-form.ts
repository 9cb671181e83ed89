import { eq } from 'drizzle-orm';
import { recordAudit } from '../../../kernel/audit/index.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { emitEvent } from '../../../kernel/events/index.ts';
import { loadFormForUpdate } from '../form-rules.ts';
import { forms } from '../schema.ts';

/** Soft-deletes a form: its address stops answering; submissions and consent versions stay as proof. */
export async function deleteForm(ctx: Ctx, id: string) {
  await ctx.db.transaction(async (tx) => {
    const c = { ...ctx, db: tx };
    const row = await loadFormForUpdate(c, id);
    // The slug is freed for reuse; the deleted row keeps a unique tombstone slug.
    await tx
      .update(forms)
      .set({ deletedAt: new Date(), slug: `${row.slug}--deleted-${id}` })
      .where(eq(forms.id, id));
    await recordAudit(c, { action: 'form.deleted', entityType: 'form', entityId: id, before: { name: row.name, slug: row.slug } });
    await emitEvent(c, { type: 'form.deleted', entityType: 'form', entityId: id, data: { name: row.name } });
  });
}
