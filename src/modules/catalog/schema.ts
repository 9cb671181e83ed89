import { bigint, boolean, index, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { baseColumns } from '../../kernel/db/columns.ts';

export const billingPeriods = ['one_time', 'monthly', 'yearly'] as const;
export type BillingPeriod = (typeof billingPeriods)[number];

/** Something a workspace sells. */
export const products = pgTable(
  'products',
  {
    ...baseColumns(),
    sku: text('sku').notNull(),
    name: text('name').notNull(),
    description: text('description'),
    billing: text('billing').$type<BillingPeriod>().notNull().default('one_time'),
    active: boolean('active').notNull().default(true),
  },
  (t) => [uniqueIndex('products_sku_key').on(t.workspaceId, t.sku), index('products_ws_name_idx').on(t.workspaceId, t.name)],
);

/** A named list of prices (e.g. "Standard", "Partner"); one is the default. */
export const priceBooks = pgTable(
  'price_books',
  {
    ...baseColumns(),
    name: text('name').notNull(),
    isDefault: boolean('is_default').notNull().default(false),
    active: boolean('active').notNull().default(true),
  },
  (t) => [uniqueIndex('price_books_name_key').on(t.workspaceId, t.name)],
);

/** A product's unit price in one currency of one price book (minor units). */
export const productPrices = pgTable(
  'product_prices',
  {
    ...baseColumns(),
    productId: uuid('product_id').notNull(),
    priceBookId: uuid('price_book_id').notNull(),
    currency: text('currency').notNull(),
    unitPrice: bigint('unit_price', { mode: 'number' }).notNull(),
  },
  (t) => [uniqueIndex('product_prices_key').on(t.workspaceId, t.productId, t.priceBookId, t.currency)],
);
