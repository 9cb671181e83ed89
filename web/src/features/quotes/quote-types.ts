import type { z } from 'zod';
import type { quotesTypes } from '../../../../src/modules/quotes/index.ts';
import type { Wire } from '../../lib/api/index.ts';

// The quote and order wire types, from the zod schemas the server validates with (type-only).
type S = typeof quotesTypes;
type Out<T extends z.ZodType> = Wire<z.output<T>>;
export type Quote = Out<S['quoteSchema']>;
export type QuoteSummary = Out<S['quoteListSchema']>['items'][number];
export type QuoteLine = Quote['lines'][number];
export type QuoteBody = z.input<S['createQuoteBody']>;
export type LineBody = z.input<S['lineBody']>;
export type PendingApproval = Out<S['pendingApprovalsSchema']>['items'][number];
export type QuoteSettings = Out<S['settingsSchema']>;
export type Order = Out<S['orderSchema']>;
export type OrderSummary = Out<S['orderListSchema']>['items'][number];
export type OrderList = Out<S['orderListSchema']>;
export type RevenueSummary = Out<S['summarySchema']>;

export const quoteStatusLabel: Record<Quote['status'], { label: string; color: string }> = {
  draft: { label: 'Draft', color: 'gray' },
  pending_approval: { label: 'Waiting for approval', color: 'orange' },
  approved: { label: 'Ready to send', color: 'teal' },
  sent: { label: 'Sent', color: 'blue' },
  accepted: { label: 'Accepted', color: 'green' },
  rejected: { label: 'Declined', color: 'red' },
  expired: { label: 'Expired', color: 'dark' },
};

export const orderStatusLabel: Record<Order['status'], { label: string; color: string }> = {
  draft: { label: 'Draft', color: 'gray' },
  confirmed: { label: 'Confirmed', color: 'blue' },
  fulfilled: { label: 'Fulfilled', color: 'green' },
  cancelled: { label: 'Cancelled', color: 'red' },
};

export const billingLabel = { one_time: 'One-time', monthly: 'Monthly', yearly: 'Yearly' } as const;
