import { sql } from 'drizzle-orm';
import type { LineBilling, QuoteStatus, quoteLines } from '../schema.ts';
import { displayNumber } from '../use-cases/next-number.ts';

/** The columns of a quote as the API shows it, with the effective status (a sent quote past its day is expired). */
export const quoteColumns = (limitPct: number) => sql`
  q.id, q.deal_id as "dealId", d.name as "dealName", co.name as "companyName", q.number, q.version,
  case when q.status = 'sent' and q.valid_until < (now() at time zone w.timezone)::date then 'expired' else q.status end as status,
  q.currency, q.price_book_id as "priceBookId", q.valid_until::text as "validUntil", q.notes,
  q.subtotal::float8 as subtotal, q.discount_total::float8 as "discountTotal", q.tax_total::float8 as "taxTotal", q.total::float8 as total,
  q.max_line_discount_pct::float8 as "maxLineDiscountPct", ${limitPct}::float8 as "approvalLimitPct",
  q.max_line_discount_pct > ${limitPct} as "needsApproval", q.superseded_at is null as latest,
  q.created_by as "createdBy", q.sent_at as "sentAt", q.accepted_at as "acceptedAt", q.rejected_at as "rejectedAt",
  q.superseded_at as "supersededAt", q.order_id as "orderId", q.created_at as "createdAt", q.updated_at as "updatedAt"`;

export const quoteJoins = sql`
  from quotes q
  join workspaces w on w.id = q.workspace_id
  join deals d on d.id = q.deal_id and d.workspace_id = q.workspace_id
  left join companies co on co.id = d.company_id and co.workspace_id = q.workspace_id`;

export interface QuoteRow {
  id: string;
  dealId: string;
  dealName: string;
  companyName: string | null;
  number: number;
  displayNumber: string;
  version: number;
  status: QuoteStatus;
  currency: string;
  priceBookId: string | null;
  validUntil: string;
  notes: string;
  subtotal: number;
  discountTotal: number;
  taxTotal: number;
  total: number;
  maxLineDiscountPct: number;
  approvalLimitPct: number;
  needsApproval: boolean;
  latest: boolean;
  createdBy: string | null;
  sentAt: Date | null;
  acceptedAt: Date | null;
  rejectedAt: Date | null;
  supersededAt: Date | null;
  orderId: string | null;
  createdAt: Date;
  updatedAt: Date;
}

const date = (v: unknown) => (v === null || v === undefined ? null : v instanceof Date ? v : new Date(String(v)));

/** Rows from raw SQL (PGlite and node-postgres both) with dates as Dates and the display number. */
export function toQuoteRow(r: Record<string, unknown>): QuoteRow {
  return {
    ...(r as unknown as QuoteRow),
    number: Number(r.number),
    version: Number(r.version),
    displayNumber: displayNumber('Q', Number(r.number)),
    sentAt: date(r.sentAt),
    acceptedAt: date(r.acceptedAt),
    rejectedAt: date(r.rejectedAt),
    supersededAt: date(r.supersededAt),
    createdAt: date(r.createdAt)!,
    updatedAt: date(r.updatedAt)!,
  };
}

export interface Line {
  id: string;
  position: number;
  productId: string | null;
  sku: string | null;
  name: string;
  description: string;
  billing: LineBilling;
  quantity: string;
  unitPrice: number;
  discountPct: number;
  taxPct: number;
  gross: number;
  discount: number;
  tax: number;
  total: number;
}

/** A stored line (numeric columns come back as strings) in the API's shape. */
export function toLine(l: Omit<typeof quoteLines.$inferSelect, 'quoteId'>): Line {
  const q = l.quantity.includes('.') ? l.quantity.replace(/\.?0+$/, '') : l.quantity;
  return {
    id: l.id,
    position: l.position,
    productId: l.productId,
    sku: l.sku,
    name: l.name,
    description: l.description,
    billing: l.billing,
    quantity: q,
    unitPrice: l.unitPrice,
    discountPct: Number(l.discountPct),
    taxPct: Number(l.taxPct),
    gross: l.gross,
    discount: l.discount,
    tax: l.tax,
    total: l.total,
  };
}
