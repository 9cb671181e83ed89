import { eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../../kernel/audit/index.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { newId } from '../../../kernel/db/index.ts';
import { emitEvent } from '../../../kernel/events/index.ts';
import { assertCanConfirm } from '../../email/index.ts';
import { loadList, toList } from '../queries/get-lists.ts';
import { contactLists } from '../schema.ts';

export interface ListInput {
  name: string;
  description?: string | null;
  doubleOptIn?: boolean;
}

/** Creates an empty static list. */
export async function createList(ctx: Ctx, input: ListInput) {
  return ctx.db.transaction(async (tx) => {
    const c = { ...ctx, db: tx };
    if (input.doubleOptIn) await assertCanConfirm(c, ['body', 'doubleOptIn']);
    const l = await tx
      .insert(contactLists)
      .values({
        id: newId(),
        workspaceId: ctx.workspaceId,
        name: input.name,
        description: input.description ?? null,
        doubleOptIn: input.doubleOptIn ?? false,
        createdBy: ctx.actor.userId ?? null,
      })
      .returning()
      .then((r) => r[0]!);
    await recordAudit(c, { action: 'list.created', entityType: 'list', entityId: l.id, after: { name: l.name } });
    await emitEvent(c, { type: 'list.created', entityType: 'list', entityId: l.id, data: { name: l.name } });
    return toList(l);
  });
}

/** Renames a list or changes its description. */
export async function updateList(ctx: Ctx, id: string, input: Partial<ListInput>) {
  return ctx.db.transaction(async (tx) => {
    const c = { ...ctx, db: tx };
    const before = await loadList(c, id, true);
    if (input.doubleOptIn) await assertCanConfirm(c, ['body', 'doubleOptIn']);
    const l = await tx
      .update(contactLists)
      .set({
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.description !== undefined ? { description: input.description } : {}),
        ...(input.doubleOptIn !== undefined ? { doubleOptIn: input.doubleOptIn } : {}),
        updatedAt: new Date(),
      })
      .where(eq(contactLists.id, id))
      .returning()
      .then((r) => r[0]!);
    await recordAudit(c, { action: 'list.updated', entityType: 'list', entityId: id, before: toList(before), after: toList(l) });
    return toList(l);
  });
}

/**
 * Deletes a list: the row stays (soft) so audit entries can name it, its members go. Segments that use it then
 * treat it as empty (their members are re-evaluated through the list_members trigger).
 */
export async function deleteList(ctx: Ctx, id: string) {
  await ctx.db.transaction(async (tx) => {
    const c = { ...ctx, db: tx };
    const before = await loadList(c, id, true);
    await tx.update(contactLists).set({ deletedAt: new Date(), updatedAt: new Date(), memberCount: 0 }).where(eq(contactLists.id, id));
    await tx.execute(sql`delete from list_members where list_id = ${id}`);
    await recordAudit(c, { action: 'list.deleted', entityType: 'list', entityId: id, before: toList(before) });
    await emitEvent(c, { type: 'list.members_removed', entityType: 'list', entityId: id, data: { name: before.name, deleted: true } });
  });
}
