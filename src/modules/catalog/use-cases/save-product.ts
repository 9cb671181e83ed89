import { eq, inArray, sql } from 'drizzle-orm';
import { recordAudit } from '../../../kernel/audit/index.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { inWorkspace, rows } from '../../../kernel/db/index.ts';
import { AppError } from '../../../kernel/errors.ts';
import { emitEvent } from '../../../kernel/events/index.ts';
import { checkCurrency } from '../../sales/index.ts';
import type { PriceInput, Product, ProductInput } from '../product-input.ts';
import { getProduct } from '../queries/get-products.ts';
import { priceBooks, productPrices, products } from '../schema.ts';
import { defaultPriceBook } from './price-books.ts';

/** Prices with known books and currencies, one per (book, currency). */
async function cleanPrices(ctx: Ctx, prices: PriceInput[]) {
  const fallback = prices.some((p) => !p.priceBookId) ? await defaultPriceBook(ctx) : null;
  const out = prices.map((p, i) => ({
    priceBookId: p.priceBookId ?? fallback!,
    currency: checkCurrency(p.currency, ['body', 'prices', i, 'currency']),
    unitPrice: p.unitPrice,
  }));
  const books = [...new Set(out.map((p) => p.priceBookId))];
  if (books.length) {
    const known = new Set(
      (
        await ctx.db
          .select({ id: priceBooks.id })
          .from(priceBooks)
          .where(inWorkspace(priceBooks.workspaceId, ctx, inArray(priceBooks.id, books)))
      ).map((b) => b.id),
    );
    const bad = out.findIndex((p) => !known.has(p.priceBookId));
    if (bad >= 0)
      throw new AppError('price_book_not_found', `No price book with id ${out[bad]!.priceBookId} in this workspace.`, {
        path: ['body', 'prices', bad, 'priceBookId'],
      });
  }
  const seen = new Set<string>();
  out.forEach((p, i) => {
    const k = `${p.priceBookId}:${p.currency}`;
    if (seen.has(k))
      throw new AppError('validation_failed', `Two prices in ${p.currency} for the same price book; keep one.`, {
        path: ['body', 'prices', i],
      });
    seen.add(k);
  });
  return out;
}

/** Creates (id null) or changes a product; SKUs are unique per workspace (409 product_sku_taken); prices replace the list. */
export async function saveProduct(ctx: Ctx, id: string | null, input: Partial<ProductInput>): Promise<Product> {
  const sku = input.sku?.trim();
  const name = input.name?.trim();
  if ((!id || input.sku !== undefined) && !sku)
    throw new AppError('validation_failed', 'Give the product a SKU.', { path: ['body', 'sku'] });
  if ((!id || input.name !== undefined) && !name)
    throw new AppError('validation_failed', 'Give the product a name.', { path: ['body', 'name'] });
  return ctx.db.transaction(async (tx) => {
    const c = { ...ctx, db: tx };
    const before = id ? await getProduct(c, id) : null;
    if (sku) {
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`sku:${ctx.workspaceId}:${sku.toLowerCase()}`}))`);
      const [taken] = await rows<{ id: string }>(
        tx,
        sql`select id from products where workspace_id = ${ctx.workspaceId} and lower(sku) = ${sku.toLowerCase()} limit 1`,
      );
      if (taken && taken.id !== id)
        throw new AppError('product_sku_taken', `Another product has SKU ${sku}.`, { path: ['body', 'sku'], existingId: taken.id });
    }
    const values = {
      ...(sku && { sku }),
      ...(name && { name }),
      ...(input.description !== undefined && { description: input.description?.trim() || null }),
      ...(input.billing !== undefined && { billing: input.billing }),
      ...(input.active !== undefined && { active: input.active }),
      updatedAt: new Date(),
    };
    const [row] = id
      ? await tx
          .update(products)
          .set(values)
          .where(inWorkspace(products.workspaceId, ctx, eq(products.id, id)))
          .returning()
      : await tx
          .insert(products)
          .values({ workspaceId: ctx.workspaceId, sku: sku!, name: name!, ...values })
          .returning();
    if (input.prices) {
      const prices = await cleanPrices(c, input.prices);
      await tx.delete(productPrices).where(inWorkspace(productPrices.workspaceId, ctx, eq(productPrices.productId, row!.id)));
      if (prices.length)
        await tx.insert(productPrices).values(prices.map((p) => ({ ...p, workspaceId: ctx.workspaceId, productId: row!.id })));
    }
    const after = await getProduct(c, row!.id);
    await recordAudit(c, { action: id ? 'product.updated' : 'product.created', entityType: 'product', entityId: after.id, before, after });
    await emitEvent(c, {
      type: id ? 'product.updated' : 'product.created',
      entityType: 'product',
      entityId: after.id,
      data: { sku: after.sku, name: after.name, active: after.active },
    });
    return after;
  });
}

/** Deletes a product and its prices (deactivate it instead to keep it on old quotes, once quotes exist). */
export async function deleteProduct(ctx: Ctx, id: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const c = { ...ctx, db: tx };
    const before = await getProduct(c, id);
    await tx.delete(productPrices).where(inWorkspace(productPrices.workspaceId, ctx, eq(productPrices.productId, id)));
    await tx.delete(products).where(inWorkspace(products.workspaceId, ctx, eq(products.id, id)));
    await recordAudit(c, { action: 'product.deleted', entityType: 'product', entityId: id, before });
    await emitEvent(c, { type: 'product.deleted', entityType: 'product', entityId: id, data: { sku: before.sku } });
  });
}
