import { registerPermissions, roles } from '../../kernel/auth/index.ts';
import { registerErrorCodes } from '../../kernel/errors.ts';
import { registerEventTypes } from '../../kernel/events/index.ts';
import type { App } from '../../kernel/http/index.ts';
import { approvalRoutes } from './http/approval-routes.ts';
import { orderRoutes } from './http/order-routes.ts';
import { quoteRoutes } from './http/quote-routes.ts';

export { seedQuotesDemo } from './demo.ts';
export * as quotesTypes from './http/quotes.types.ts';
export { getOrder, type Order } from './queries/get-order.ts';
export { getOrders } from './queries/get-orders.ts';
export { getOrdersSummary } from './queries/get-orders-summary.ts';
export { getQuote, type Quote } from './queries/get-quote.ts';
export { getQuotePdf } from './queries/get-quote-pdf.ts';
export { getQuoteSettings, type QuoteSettings } from './queries/get-quote-settings.ts';
export * from './schema.ts';
export { changeOrderStatus, orderTransitions } from './use-cases/change-order-status.ts';
export { changeQuoteStatus } from './use-cases/change-quote-status.ts';
export { createOrder } from './use-cases/create-order.ts';
export { createQuote } from './use-cases/create-quote.ts';
export { decideQuoteApproval } from './use-cases/decide-approval.ts';
export { createOrderFromQuote } from './use-cases/order-from-quote.ts';
export { requestQuoteApproval } from './use-cases/request-approval.ts';
export { saveQuoteSettings } from './use-cases/save-quote-settings.ts';
export { updateQuote } from './use-cases/update-quote.ts';

const sellers = ['admin', 'sales_manager', 'sales_rep'] as const;
registerPermissions({
  'quotes:read': { kind: 'read', roles, description: 'See quotes, their PDFs and the quote settings' },
  'quotes:write': { kind: 'write', roles: sellers, description: 'Create, edit, send and close quotes; request discount approval' },
  'quotes:approve': { kind: 'write', roles: ['admin', 'sales_manager'], description: 'Approve or reject discounts above the limit' },
  'orders:read': { kind: 'read', roles, description: 'See orders and MRR/ARR' },
  'orders:write': { kind: 'write', roles: sellers, description: 'Create orders and move them through their statuses' },
});
registerErrorCodes({
  quote_not_found: 404,
  order_not_found: 404,
  product_price_missing: 400,
  quote_locked: 409,
  quote_superseded: 409,
  quote_wrong_status: 409,
  quote_expired: 409,
  quote_empty: 409,
  quote_not_accepted: 409,
  approval_required: 409,
  approval_not_needed: 409,
  cannot_approve_own_quote: 403,
  order_exists: 409,
  invalid_order_transition: 409,
});
registerEventTypes([
  { type: 'quote.created', description: 'A quote (version 1) was created on a deal' },
  { type: 'quote.updated', description: 'A draft quote changed' },
  { type: 'quote.versioned', description: 'A sent quote was edited: a new version exists (data.previousVersionId)' },
  { type: 'quote.approval_requested', description: 'A discount above the limit waits for approval' },
  { type: 'quote.approved', description: 'A manager approved the discount' },
  { type: 'quote.approval_rejected', description: 'A manager rejected the discount (back to draft)' },
  { type: 'quote.ready', description: 'A quote was marked ready to send' },
  { type: 'quote.sent', description: 'A quote was sent to the customer' },
  { type: 'quote.accepted', description: 'The customer accepted a quote' },
  { type: 'quote.rejected', description: 'The customer declined a quote' },
  { type: 'quote.ordered', description: 'An accepted quote became an order' },
  { type: 'quote_settings.updated', description: 'Approval limit, terms, logo or order settings changed' },
  { type: 'order.created', description: 'An order was created' },
  { type: 'order.confirmed', description: 'An order was confirmed' },
  { type: 'order.fulfilled', description: 'An order was fulfilled' },
  { type: 'order.cancelled', description: 'An order was cancelled' },
]);

/** Quotes, discount approvals, quote settings and orders. */
export async function quotesRoutes(app: App) {
  await quoteRoutes(app);
  await approvalRoutes(app);
  await orderRoutes(app);
}
