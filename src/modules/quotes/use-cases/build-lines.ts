import { inArray } from 'drizzle-orm';
import type { Ctx } from '../../../kernel/context.ts';
import { inWorkspace } from '../../../kernel/db/index.ts';
import { AppError } from '../../../kernel/errors.ts';
import { defaultPriceBook, priceBooks, productPrices, products } from '../../catalog/index.ts';
import type { LineBody } from '../http/quotes.types.ts';
import type { LineBilling } from '../schema.ts';
import { type DocumentTotals, fieldError, lineFigures, sumLines } from '../totals.ts';

export interface BuiltLine {
  position: number;
  productId: string | null;
  sku: string | null;
  name: string;
  description: string;
  billing: LineBilling;
  quantity: string;
  unitPrice: number;
  discountPct: string;
  taxPct: string;
  gross: number;
  discount: number;
  tax: number;
  total: number;
}

/** The price book a document prices products from: the given one (404 when unknown) or the default one. */
export async function resolvePriceBook(ctx: Ctx, id: string | null | undefined): Promise<string> {
  if (!id) return defaultPriceBook(ctx);
  const [b] = await ctx.db
    .select({ id: priceBooks.id })
    .from(priceBooks)
    .where(inWorkspace(priceBooks.workspaceId, ctx, inArray(priceBooks.id, [id])));
  if (!b) throw new AppError('price_book_not_found', `No price book with id ${id} in this workspace.`, { path: ['body', 'priceBookId'] });
  return b.id;
}

/**
 * Lines with their money: product lines take name, SKU, billing and (unless given) the unit price of
 * the product in the price book and currency; free lines need a name and a unit price. Errors carry
 * the path of the bad field, e.g. body.lines[2].quantity.
 */
export async function buildLines(
  ctx: Ctx,
  input: LineBody[],
  currency: string,
  priceBookId: string,
): Promise<{ lines: BuiltLine[]; totals: DocumentTotals; maxDiscountPct: number }> {
  const ids = [...new Set(input.flatMap((l) => (l.productId ? [l.productId] : [])))];
  const found = ids.length
    ? await ctx.db
        .select()
        .from(products)
        .where(inWorkspace(products.workspaceId, ctx, inArray(products.id, ids)))
    : [];
  const prices = ids.length
    ? await ctx.db
        .select()
        .from(productPrices)
        .where(inWorkspace(productPrices.workspaceId, ctx, inArray(productPrices.productId, ids)))
    : [];
  const byId = new Map(found.map((p) => [p.id, p]));
  const lines = input.map((l, i): BuiltLine => {
    const path = ['body', 'lines', i];
    const product = l.productId ? byId.get(l.productId) : undefined;
    if (l.productId && !product)
      throw new AppError('product_not_found', `lines[${i}].productId: no product with id ${l.productId} in this workspace.`, {
        path: [...path, 'productId'],
        field: `lines[${i}].productId`,
      });
    let unitPrice = l.unitPrice;
    if (unitPrice === undefined && product) {
      const p = prices.find((x) => x.productId === product.id && x.priceBookId === priceBookId && x.currency === currency);
      if (!p)
        throw new AppError(
          'product_price_missing',
          `lines[${i}]: ${product.name} has no ${currency} price in this price book; give a unitPrice or add the price to the product.`,
          { path: [...path, 'unitPrice'], field: `lines[${i}].unitPrice` },
        );
      unitPrice = p.unitPrice;
    }
    if (unitPrice === undefined) throw fieldError([...path, 'unitPrice'], 'a line without a product needs a unit price.');
    const name = l.name?.trim() || product?.name;
    if (!name) throw fieldError([...path, 'name'], 'a line without a product needs a name.');
    return {
      position: i,
      productId: product?.id ?? null,
      sku: product?.sku ?? null,
      name,
      description: l.description?.trim() ?? product?.description ?? '',
      billing: l.billing ?? product?.billing ?? 'one_time',
      unitPrice,
      ...lineFigures({ quantity: l.quantity, unitPrice, discountPct: l.discountPct, taxPct: l.taxPct }, path),
    };
  });
  return { lines, totals: sumLines(lines), maxDiscountPct: Math.max(0, ...lines.map((l) => Number(l.discountPct))) };
}
