import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Ctx } from '../../kernel/context.ts';
import { AppError } from '../../kernel/errors.ts';
import { companies, resolveAlias } from '../../modules/companies/index.ts';
import { contacts } from '../../modules/contacts/index.ts';
import { ownerVisibility } from '../../modules/identity/index.ts';
import type { MergeInput, MergeKind } from './merge-input.ts';

export type ContactRow = typeof contacts.$inferSelect;
export type CompanyRow = typeof companies.$inferSelect;

/**
 * Locks the survivor and the merged records (in id order, so two merges never deadlock) and returns
 * them survivor first, merged in request order. An id that is no live record the caller may see is
 * a 404 naming it, or 409 record_already_merged when an earlier merge turned it into an alias.
 */
export async function lockContacts(ctx: Ctx, input: MergeInput): Promise<ContactRow[]> {
  const ids = [input.survivorId, ...input.mergedIds];
  const found = await ctx.db
    .select()
    .from(contacts)
    .where(
      and(
        eq(contacts.workspaceId, ctx.workspaceId),
        inArray(contacts.id, ids),
        isNull(contacts.deletedAt),
        ownerVisibility(ctx, sql`${contacts.ownerId}`),
      ),
    )
    .orderBy(asc(contacts.id))
    .for('update');
  return ordered(ctx, 'contact', ids, found);
}

/** The same for companies. */
export async function lockCompanies(ctx: Ctx, input: MergeInput): Promise<CompanyRow[]> {
  const ids = [input.survivorId, ...input.mergedIds];
  const found = await ctx.db
    .select()
    .from(companies)
    .where(
      and(
        eq(companies.workspaceId, ctx.workspaceId),
        inArray(companies.id, ids),
        isNull(companies.deletedAt),
        ownerVisibility(ctx, sql`${companies.ownerId}`),
      ),
    )
    .orderBy(asc(companies.id))
    .for('update');
  return ordered(ctx, 'company', ids, found);
}

async function ordered<R extends { id: string }>(ctx: Ctx, kind: MergeKind, ids: string[], found: R[]): Promise<R[]> {
  const byId = new Map(found.map((r) => [r.id, r]));
  for (const [i, id] of ids.entries()) {
    if (byId.has(id)) continue;
    const path = i === 0 ? ['body', 'survivorId'] : ['body', 'mergedIds', i - 1];
    const target = await resolveAlias(ctx, kind, id);
    if (target !== id)
      throw new AppError('record_already_merged', `The ${kind} ${id} was already merged into ${target}; merge ${target} instead.`, {
        path,
        id,
        mergedInto: target,
      });
    throw new AppError(`${kind}_not_found`, `No ${kind} with id ${id} in this workspace (it may have been deleted).`, { path, id });
  }
  return ids.map((id) => byId.get(id)!);
}
