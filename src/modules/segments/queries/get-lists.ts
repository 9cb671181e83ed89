import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Ctx } from '../../../kernel/context.ts';
import { AppError } from '../../../kernel/errors.ts';
import { contactLists } from '../schema.ts';

export type ContactList = typeof contactLists.$inferSelect;

export const toList = (l: ContactList) => ({
  id: l.id,
  name: l.name,
  description: l.description,
  memberCount: l.memberCount,
  doubleOptIn: l.doubleOptIn,
  createdAt: l.createdAt,
  updatedAt: l.updatedAt,
});

/** The workspace's live lists by name. */
export async function getLists(ctx: Ctx) {
  const found = await ctx.db
    .select()
    .from(contactLists)
    .where(and(eq(contactLists.workspaceId, ctx.workspaceId), isNull(contactLists.deletedAt)))
    .orderBy(asc(contactLists.name), asc(contactLists.id));
  return { items: found.map(toList) };
}

/** One live list of the workspace, or 404 list_not_found. */
export async function loadList(ctx: Ctx, id: string, forUpdate = false): Promise<ContactList> {
  const q = ctx.db
    .select()
    .from(contactLists)
    .where(and(eq(contactLists.workspaceId, ctx.workspaceId), eq(contactLists.id, id), isNull(contactLists.deletedAt)));
  const [l] = forUpdate ? await q.for('update') : await q;
  if (!l) throw new AppError('list_not_found', `No list ${id} in this workspace; it may have been deleted.`, { path: ['params', 'id'] });
  return l;
}
