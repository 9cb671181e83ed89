import { and, asc, eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../../kernel/audit/index.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { inWorkspace } from '../../../kernel/db/index.ts';
import { AppError } from '../../../kernel/errors.ts';
import { priceBooks } from '../schema.ts';

export type PriceBook = { id: string; name: string; isDefault: boolean; active: boolean };
const shape = (b: typeof priceBooks.$inferSelect): PriceBook => ({ id: b.id, name: b.name, isDefault: b.isDefault, active: b.active });

export async function getPriceBooks(ctx: Ctx): Promise<PriceBook[]> {
  return (await ctx.db.select().from(priceBooks).where(inWorkspace(priceBooks.workspaceId, ctx)).orderBy(asc(priceBooks.name))).map(shape);
}

/** The workspace's default price book, created ("Standard") the first time a price needs one. */
export async function defaultPriceBook(ctx: Ctx): Promise<string> {
  await ctx.db.execute(sql`select pg_advisory_xact_lock(hashtext(${`price-book-default:${ctx.workspaceId}`}))`);
  const [b] = await ctx.db
    .select()
    .from(priceBooks)
    .where(inWorkspace(priceBooks.workspaceId, ctx, eq(priceBooks.isDefault, true)));
  if (b) return b.id;
  const [made] = await ctx.db.insert(priceBooks).values({ workspaceId: ctx.workspaceId, name: 'Standard', isDefault: true }).returning();
  return made!.id;
}

/** Creates or changes a price book; names are unique, and one book is the default. */
export async function savePriceBook(ctx: Ctx, id: string | null, input: { name?: string; isDefault?: boolean; active?: boolean }) {
  const name = input.name?.trim();
  if (input.name !== undefined && !name) throw new AppError('validation_failed', 'Give the price book a name.', { path: ['body', 'name'] });
  if (!id && !name) throw new AppError('validation_failed', 'Give the price book a name.', { path: ['body', 'name'] });
  return ctx.db.transaction(async (tx) => {
    const c = { ...ctx, db: tx };
    if (name) {
      const [taken] = await tx
        .select()
        .from(priceBooks)
        .where(inWorkspace(priceBooks.workspaceId, ctx, eq(priceBooks.name, name)));
      if (taken && taken.id !== id)
        throw new AppError('price_book_name_taken', `A price book is already called "${name}".`, {
          path: ['body', 'name'],
          existingId: taken.id,
        });
    }
    if (input.isDefault) await tx.update(priceBooks).set({ isDefault: false }).where(inWorkspace(priceBooks.workspaceId, ctx));
    const values = {
      ...(name && { name }),
      ...(input.isDefault !== undefined && { isDefault: input.isDefault }),
      ...(input.active !== undefined && { active: input.active }),
      updatedAt: new Date(),
    };
    const [row] = id
      ? await tx
          .update(priceBooks)
          .set(values)
          .where(and(inWorkspace(priceBooks.workspaceId, ctx, eq(priceBooks.id, id))))
          .returning()
      : await tx
          .insert(priceBooks)
          .values({ workspaceId: ctx.workspaceId, name: name!, ...values })
          .returning();
    if (!row) throw new AppError('price_book_not_found', `No price book with id ${id} in this workspace.`, { id });
    await recordAudit(c, {
      action: id ? 'price_book.updated' : 'price_book.created',
      entityType: 'price_book',
      entityId: row.id,
      after: shape(row),
    });
    return shape(row);
  });
}
