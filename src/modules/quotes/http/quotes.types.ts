import { z } from 'zod';
import { lineBillings, orderStatuses, quoteStatuses } from '../schema.ts';

export const idParams = z.object({ id: z.uuid() });
export const dealParams = z.object({ dealId: z.uuid() });
const decimal = z.union([z.number(), z.string().max(30)]);

export const lineBody = z.strictObject({
  productId: z.uuid().optional().describe('A catalog product: name, SKU, billing and unit price come from it unless given'),
  name: z.string().max(300).optional().describe('Required for a free line (no product)'),
  description: z.string().max(2000).optional(),
  quantity: decimal.describe('Greater than 0, up to 4 decimals (1.5 hours)'),
  unitPrice: z.int().optional().describe("Minor units; defaults to the product's price in the quote's price book and currency"),
  discountPct: decimal.optional().describe('0–100, up to 2 decimals'),
  taxPct: decimal.optional().describe('0–100, up to 2 decimals'),
  billing: z.enum(lineBillings).optional().describe("one_time, monthly or yearly (default: the product's)"),
});
export type LineBody = z.infer<typeof lineBody>;

export const createQuoteBody = z.strictObject({
  priceBookId: z.uuid().optional().describe('Price book for product prices (default: the default book)'),
  validUntil: z.iso.date().optional().describe('Default: today + the setting defaultValidDays, in the workspace time zone'),
  notes: z.string().max(5000).optional(),
  lines: z.array(lineBody).max(500),
});
export const updateQuoteBody = createQuoteBody.partial();
export type QuoteBody = z.infer<typeof createQuoteBody>;

export const commentBody = z.strictObject({ comment: z.string().max(2000).optional() });

export const lineSchema = z.object({
  id: z.uuid(),
  position: z.number(),
  productId: z.uuid().nullable(),
  sku: z.string().nullable(),
  name: z.string(),
  description: z.string(),
  billing: z.enum(lineBillings),
  quantity: z.string().describe('Exact decimal'),
  unitPrice: z.number(),
  discountPct: z.number(),
  taxPct: z.number(),
  gross: z.number(),
  discount: z.number(),
  tax: z.number(),
  total: z.number(),
});
const totals = {
  subtotal: z.number().describe('Σ quantity × unit price (minor units)'),
  discountTotal: z.number(),
  taxTotal: z.number(),
  total: z.number(),
};
export const approvalSchema = z.object({
  id: z.uuid(),
  quoteId: z.uuid(),
  reason: z.string(),
  maxDiscountPct: z.number(),
  requestedBy: z.uuid().nullable(),
  requestedByName: z.string().nullable(),
  requestedAt: z.date(),
  decision: z.enum(['approved', 'rejected', 'withdrawn']).nullable(),
  decidedBy: z.uuid().nullable(),
  decidedByName: z.string().nullable(),
  decidedAt: z.date().nullable(),
  comment: z.string(),
});
export const quoteSchema = z.object({
  id: z.uuid(),
  dealId: z.uuid(),
  dealName: z.string(),
  companyName: z.string().nullable(),
  number: z.number(),
  displayNumber: z.string().describe('Q-000042'),
  version: z.number(),
  status: z.enum(quoteStatuses).describe('expired: a sent quote past its valid-until day (workspace time zone)'),
  currency: z.string(),
  priceBookId: z.uuid().nullable(),
  validUntil: z.string(),
  notes: z.string(),
  ...totals,
  maxLineDiscountPct: z.number(),
  approvalLimitPct: z.number(),
  needsApproval: z.boolean(),
  latest: z.boolean().describe('false once a newer version exists'),
  createdBy: z.uuid().nullable(),
  sentAt: z.date().nullable(),
  acceptedAt: z.date().nullable(),
  rejectedAt: z.date().nullable(),
  supersededAt: z.date().nullable(),
  orderId: z.uuid().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
  lines: z.array(lineSchema),
  approvals: z.array(approvalSchema),
  versions: z.array(z.object({ id: z.uuid(), version: z.number(), status: z.enum(quoteStatuses) })),
});
export const quoteListSchema = z.object({ items: z.array(quoteSchema.omit({ lines: true, approvals: true, versions: true })) });
export const pendingApprovalsSchema = z.object({
  items: z.array(
    approvalSchema.extend({
      displayNumber: z.string(),
      version: z.number(),
      dealId: z.uuid(),
      dealName: z.string(),
      currency: z.string(),
      total: z.number(),
      ownRequest: z.boolean().describe('true when the caller asked for it (they cannot decide it)'),
    }),
  ),
});

export const settingsSchema = z.object({
  maxDiscountPct: z.number(),
  terms: z.string(),
  logo: z.string().nullable(),
  defaultValidDays: z.number(),
  orderConfirmationWinsDeal: z.boolean(),
});
export const settingsBody = z.strictObject({
  maxDiscountPct: z.number().min(0).max(100).optional().describe('A line discount above this needs approval (default 15)'),
  terms: z.string().max(10_000).optional(),
  logo: z
    .string()
    .max(400_000)
    .regex(/^data:image\/(png|jpeg);base64,[A-Za-z0-9+/=]+$/, 'must be a data: URL of a PNG or JPEG image')
    .nullable()
    .optional(),
  defaultValidDays: z.int().min(1).max(365).optional(),
  orderConfirmationWinsDeal: z.boolean().optional(),
});

export const orderSchema = z.object({
  id: z.uuid(),
  number: z.number(),
  displayNumber: z.string().describe('SO-000123'),
  dealId: z.uuid().nullable(),
  dealName: z.string().nullable(),
  quoteId: z.uuid().nullable(),
  companyId: z.uuid().nullable(),
  companyName: z.string().nullable(),
  status: z.enum(orderStatuses),
  currency: z.string(),
  ...totals,
  mrr: z.number(),
  arr: z.number(),
  notes: z.string(),
  confirmedAt: z.date().nullable(),
  fulfilledAt: z.date().nullable(),
  cancelledAt: z.date().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
  lines: z.array(lineSchema),
});
export const orderListSchema = z.object({ items: z.array(orderSchema.omit({ lines: true })), nextCursor: z.number().nullable() });
export const ordersQuery = z.strictObject({
  status: z.enum(orderStatuses).optional(),
  dealId: z.uuid().optional(),
  before: z.coerce.number().int().optional().describe('Cursor: orders numbered below this'),
  limit: z.coerce.number().int().min(1).max(200).optional(),
});
export const createOrderBody = z.strictObject({
  dealId: z.uuid().optional(),
  currency: z.string().max(10).optional().describe("Default: the deal's currency, else the workspace's"),
  priceBookId: z.uuid().optional(),
  notes: z.string().max(5000).optional(),
  lines: z.array(lineBody).min(1).max(500),
});
export const orderStatusBody = z.strictObject({ status: z.enum(['confirmed', 'fulfilled', 'cancelled']) });
export const summarySchema = z.object({
  currency: z.string().describe('The workspace currency'),
  mrr: z.number().describe('Confirmed and fulfilled orders, converted at today’s rate'),
  arr: z.number(),
  orders: z.number(),
  byCurrency: z.array(z.object({ currency: z.string(), mrr: z.number(), arr: z.number(), orders: z.number() })),
  unconverted: z.array(z.string()).describe('Currencies without a rate into the workspace currency (left out of mrr/arr)'),
});
