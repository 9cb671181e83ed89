import { sql } from 'drizzle-orm';
import type { Ctx } from '../../../kernel/context.ts';
import { rows } from '../../../kernel/db/index.ts';
import { AppError } from '../../../kernel/errors.ts';
import type { Product } from '../product-input.ts';

interface Row {
  id: string;
  sku: string;
  name: string;
  description: string | null;
  billing: Product['billing'];
  active: boolean;
  prices: Product['prices'] | null;
  created_at: string | Date;
  updated_at: string | Date;
}

const toDate = (v: string | Date) => (v instanceof Date ? v : new Date(v.replace(' ', 'T').replace(/([+-]\d{2})$/, '$1:00')));
const toProduct = (r: Row): Product => ({
  id: r.id,
  sku: r.sku,
  name: r.name,
  description: r.description,
  billing: r.billing,
  active: r.active,
  prices: (r.prices ?? []).map((p) => ({ ...p, unitPrice: Number(p.unitPrice) })),
  createdAt: toDate(r.created_at),
  updatedAt: toDate(r.updated_at),
});

/** Products of the workspace by name (all, or only active ones), each with its prices per price book and currency. */
export async function getProducts(ctx: Ctx, opts: { id?: string; active?: boolean; q?: string } = {}): Promise<Product[]> {
  const found = await rows<Row>(
    ctx.db,
    sql`select p.id, p.sku, p.name, p.description, p.billing, p.active, p.created_at, p.updated_at,
          (select json_agg(json_build_object('priceBookId', pp.price_book_id, 'priceBookName', b.name, 'currency', pp.currency,
                   'unitPrice', pp.unit_price) order by b.name, pp.currency)
             from product_prices pp join price_books b on b.workspace_id = pp.workspace_id and b.id = pp.price_book_id
             where pp.workspace_id = p.workspace_id and pp.product_id = p.id) as prices
        from products p where p.workspace_id = ${ctx.workspaceId}
          ${opts.id ? sql`and p.id = ${opts.id}` : sql``}
          ${opts.active === undefined ? sql`` : sql`and p.active = ${opts.active}`}
          ${opts.q ? sql`and (lower(p.name) like ${`%${opts.q.toLowerCase().replace(/[\\%_]/g, '\\$&')}%`} or lower(p.sku) like ${`%${opts.q.toLowerCase().replace(/[\\%_]/g, '\\$&')}%`})` : sql``}
        order by lower(p.name), p.id limit 1000`,
  );
  return found.map(toProduct);
}

/** One product, or 404 product_not_found. */
export async function getProduct(ctx: Ctx, id: string): Promise<Product> {
  const [p] = await getProducts(ctx, { id });
  if (!p) throw new AppError('product_not_found', `No product with id ${id} in this workspace.`, { id });
  return p;
}
