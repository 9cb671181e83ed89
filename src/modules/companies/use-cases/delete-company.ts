import { eq } from 'drizzle-orm';
import { recordAudit } from '../../../kernel/audit/index.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { emitEvent } from '../../../kernel/events/index.ts';
import { toCompany } from '../queries/company-shape.ts';
import { loadCompanyForUpdate } from '../queries/get-company.ts';
import { companies } from '../schema.ts';

/**
 * Soft-deletes a company (deleted_at): it leaves lists and gets, its domain becomes free, and links
 * from contacts stay so an undo restores them.
 */
export async function deleteCompany(ctx: Ctx, id: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const c = { ...ctx, db: tx };
    const row = await loadCompanyForUpdate(c, id);
    const deletedAt = new Date();
    await tx.update(companies).set({ deletedAt, updatedAt: deletedAt }).where(eq(companies.id, id));
    await recordAudit(c, { action: 'company.deleted', entityType: 'company', entityId: id, before: toCompany(row), after: { deletedAt } });
    await emitEvent(c, { type: 'company.deleted', entityType: 'company', entityId: id, data: { name: row.name, domain: row.domain } });
  });
}
