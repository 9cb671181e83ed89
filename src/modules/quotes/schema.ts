import { bigint, boolean, date, index, integer, numeric, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { baseColumns, ts } from '../../kernel/db/columns.ts';

export const quoteStatuses = ['draft', 'pending_approval', 'approved', 'sent', 'accepted', 'rejected', 'expired'] as const;
export type QuoteStatus = (typeof quoteStatuses)[number];
export const orderStatuses = ['draft', 'confirmed', 'fulfilled', 'cancelled'] as const;
export type OrderStatus = (typeof orderStatuses)[number];
export const lineBillings = ['one_time', 'monthly', 'yearly'] as const;
export type LineBilling = (typeof lineBillings)[number];

/** Per-workspace quote and order settings (one row, created on first write). */
export const quoteSettings = pgTable('quote_settings', {
  workspaceId: uuid('workspace_id').primaryKey(),
  /** A line discount above this percentage needs a manager's approval. */
  maxDiscountPct: numeric('max_discount_pct', { precision: 5, scale: 2 }).notNull().default('15'),
  /** Printed under the totals of every quote PDF. */
  terms: text('terms').notNull().default(''),
  /** A data: URL (PNG or JPEG) printed on the PDF; the workspace name when null. */
  logo: text('logo'),
  defaultValidDays: integer('default_valid_days').notNull().default(30),
  /** Confirming an order moves its open deal to the pipeline's won stage. */
  orderConfirmationWinsDeal: boolean('order_confirmation_wins_deal').notNull().default(true),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

/** Gap-free numbers per workspace and kind (quote, order): bumped in the transaction that uses the number. */
export const documentCounters = pgTable(
  'document_counters',
  {
    workspaceId: uuid('workspace_id').notNull(),
    kind: text('kind').notNull(),
    value: bigint('value', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.kind] })],
);

const moneyColumns = () => ({
  subtotal: bigint('subtotal', { mode: 'number' }).notNull().default(0),
  discountTotal: bigint('discount_total', { mode: 'number' }).notNull().default(0),
  taxTotal: bigint('tax_total', { mode: 'number' }).notNull().default(0),
  total: bigint('total', { mode: 'number' }).notNull().default(0),
});

/** One version of a quote: versions of one quote share `number`; editing a sent quote adds version n+1. */
export const quotes = pgTable(
  'quotes',
  {
    ...baseColumns(),
    dealId: uuid('deal_id').notNull(),
    number: integer('number').notNull(),
    version: integer('version').notNull().default(1),
    status: text('status').$type<QuoteStatus>().notNull().default('draft'),
    currency: text('currency').notNull(),
    priceBookId: uuid('price_book_id'),
    validUntil: date('valid_until', { mode: 'string' }).notNull(),
    notes: text('notes').notNull().default(''),
    ...moneyColumns(),
    /** The largest line discount (percent), kept for the approval rule and the inbox. */
    maxLineDiscountPct: numeric('max_line_discount_pct', { precision: 5, scale: 2 }).notNull().default('0'),
    createdBy: uuid('created_by'),
    sentAt: ts('sent_at'),
    acceptedAt: ts('accepted_at'),
    rejectedAt: ts('rejected_at'),
    /** Set on an older version once a newer one exists; it stays readable. */
    supersededAt: ts('superseded_at'),
    orderId: uuid('order_id'),
  },
  (t) => [
    uniqueIndex('quotes_number_version_key').on(t.workspaceId, t.number, t.version),
    index('quotes_deal_idx').on(t.workspaceId, t.dealId, t.number, t.version),
    index('quotes_status_idx').on(t.workspaceId, t.status),
  ],
);

const lineColumns = () => ({
  ...baseColumns(),
  position: integer('position').notNull(),
  productId: uuid('product_id'),
  sku: text('sku'),
  name: text('name').notNull(),
  description: text('description').notNull().default(''),
  billing: text('billing').$type<LineBilling>().notNull().default('one_time'),
  quantity: numeric('quantity', { precision: 14, scale: 4 }).notNull(),
  unitPrice: bigint('unit_price', { mode: 'number' }).notNull(),
  discountPct: numeric('discount_pct', { precision: 5, scale: 2 }).notNull().default('0'),
  taxPct: numeric('tax_pct', { precision: 5, scale: 2 }).notNull().default('0'),
  /** quantity × unit price, rounded half-up to minor units. */
  gross: bigint('gross', { mode: 'number' }).notNull(),
  discount: bigint('discount', { mode: 'number' }).notNull(),
  tax: bigint('tax', { mode: 'number' }).notNull(),
  total: bigint('total', { mode: 'number' }).notNull(),
});

export const quoteLines = pgTable('quote_lines', { ...lineColumns(), quoteId: uuid('quote_id').notNull() }, (t) => [
  index('quote_lines_quote_idx').on(t.workspaceId, t.quoteId, t.position),
]);

/** One approval request of a quote version and its decision. */
export const quoteApprovals = pgTable(
  'quote_approvals',
  {
    ...baseColumns(),
    quoteId: uuid('quote_id').notNull(),
    requestedBy: uuid('requested_by'),
    reason: text('reason').notNull(),
    maxDiscountPct: numeric('max_discount_pct', { precision: 5, scale: 2 }).notNull(),
    decision: text('decision').$type<'approved' | 'rejected' | 'withdrawn'>(),
    decidedBy: uuid('decided_by'),
    decidedAt: ts('decided_at'),
    comment: text('comment').notNull().default(''),
  },
  (t) => [
    index('quote_approvals_open_idx').on(t.workspaceId, t.decision, t.createdAt),
    index('quote_approvals_quote_idx').on(t.workspaceId, t.quoteId),
  ],
);

/** A sales order, numbered SO-000001 per workspace without gaps. MRR/ARR come from its recurring lines. */
export const orders = pgTable(
  'orders',
  {
    ...baseColumns(),
    number: integer('number').notNull(),
    dealId: uuid('deal_id'),
    quoteId: uuid('quote_id'),
    companyId: uuid('company_id'),
    status: text('status').$type<OrderStatus>().notNull().default('draft'),
    currency: text('currency').notNull(),
    ...moneyColumns(),
    mrr: bigint('mrr', { mode: 'number' }).notNull().default(0),
    arr: bigint('arr', { mode: 'number' }).notNull().default(0),
    notes: text('notes').notNull().default(''),
    createdBy: uuid('created_by'),
    confirmedAt: ts('confirmed_at'),
    fulfilledAt: ts('fulfilled_at'),
    cancelledAt: ts('cancelled_at'),
  },
  (t) => [
    uniqueIndex('orders_number_key').on(t.workspaceId, t.number),
    uniqueIndex('orders_quote_key').on(t.workspaceId, t.quoteId),
    index('orders_status_idx').on(t.workspaceId, t.status, t.currency),
    index('orders_deal_idx').on(t.workspaceId, t.dealId),
  ],
);

export const orderLines = pgTable('order_lines', { ...lineColumns(), orderId: uuid('order_id').notNull() }, (t) => [
  index('order_lines_order_idx').on(t.workspaceId, t.orderId, t.position),
]);
