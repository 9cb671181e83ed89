import { eq } from 'drizzle-orm';
import { recordAudit } from '../../../kernel/audit/index.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { emitEvent } from '../../../kernel/events/index.ts';
import { toContact } from '../queries/contact-shape.ts';
import { loadContactForUpdate } from '../queries/get-contact.ts';
import { contacts } from '../schema.ts';

/**
 * Soft-deletes a contact (deleted_at): it leaves lists and gets; its emails stay reserved until
 * another contact claims one, so an undo within the retention period restores it whole.
 */
export async function deleteContact(ctx: Ctx, id: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const c = { ...ctx, db: tx };
    const row = await loadContactForUpdate(c, id);
    const deletedAt = new Date();
    await tx.update(contacts).set({ deletedAt, updatedAt: deletedAt }).where(eq(contacts.id, id));
    await recordAudit(c, { action: 'contact.deleted', entityType: 'contact', entityId: id, before: toContact(row), after: { deletedAt } });
    await emitEvent(c, {
      type: 'contact.deleted',
      entityType: 'contact',
      entityId: id,
      data: { displayName: row.displayName, email: row.email },
    });
  });
}
