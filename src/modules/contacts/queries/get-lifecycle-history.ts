import { and, asc, eq } from 'drizzle-orm';
import type { Ctx } from '../../../kernel/context.ts';
import { lifecycleHistory } from '../schema.ts';
import { getContact } from './get-contact.ts';

/** A visible contact's lifecycle changes, oldest first: from, to, when, and who (or which rule). */
export async function getLifecycleHistory(ctx: Ctx, contactId: string) {
  const contact = await getContact(ctx, contactId);
  const items = await ctx.db
    .select({
      id: lifecycleHistory.id,
      fromStage: lifecycleHistory.fromStage,
      toStage: lifecycleHistory.toStage,
      changedAt: lifecycleHistory.changedAt,
      actorType: lifecycleHistory.actorType,
      actorId: lifecycleHistory.actorId,
      rule: lifecycleHistory.rule,
    })
    .from(lifecycleHistory)
    .where(and(eq(lifecycleHistory.workspaceId, ctx.workspaceId), eq(lifecycleHistory.contactId, contact.id)))
    .orderBy(asc(lifecycleHistory.changedAt), asc(lifecycleHistory.id));
  return { current: contact.lifecycleStage, items };
}
