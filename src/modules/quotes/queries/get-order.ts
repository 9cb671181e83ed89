import { asc, eq, sql } from 'drizzle-orm';
import type { Ctx } from '../../../kernel/context.ts';
import { inWorkspace, rows } from '../../../kernel/db/index.ts';
import { AppError } from '../../../kernel/errors.ts';
import { ownerVisibility } from '../../identity/index.ts';
import { type OrderStatus, orderLines } from '../schema.ts';
import { displayNumber } from '../use-cases/next-number.ts';
import { type Line, toLine } from './quote-shape.ts';

export interface OrderRow {
  id: string;
  number: number;
  displayNumber: string;
  dealId: string | null;
  dealName: string | null;
  quoteId: string | null;
  companyId: string | null;
  companyName: string | null;
  status: OrderStatus;
  currency: string;
  subtotal: number;
  discountTotal: number;
  taxTotal: number;
  total: number;
  mrr: number;
  arr: number;
  notes: string;
  confirmedAt: Date | null;
  fulfilledAt: Date | null;
  cancelledAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}
export interface Order extends OrderRow {
  lines: Line[];
}

export const orderColumns = sql`o.id, o.number, o.deal_id as "dealId", d.name as "dealName", o.quote_id as "quoteId", o.company_id as "companyId",
  co.name as "companyName", o.status, o.currency, o.subtotal::float8 as subtotal, o.discount_total::float8 as "discountTotal",
  o.tax_total::float8 as "taxTotal", o.total::float8 as total, o.mrr::float8 as mrr, o.arr::float8 as arr, o.notes,
  o.confirmed_at as "confirmedAt", o.fulfilled_at as "fulfilledAt", o.cancelled_at as "cancelledAt", o.created_at as "createdAt", o.updated_at as "updatedAt"
  from orders o left join deals d on d.id = o.deal_id and d.workspace_id = o.workspace_id
  left join companies co on co.id = o.company_id and co.workspace_id = o.workspace_id`;

/** Orders of deals the caller cannot see are hidden like the deals (orders without a deal are visible to all). */
export const orderVisible = (ctx: Ctx) => sql`(o.deal_id is null or ${ownerVisibility(ctx, sql`d.owner_id`)})`;

const date = (v: unknown) => (v === null || v === undefined ? null : new Date(v as string));
export const toOrderRow = (r: Record<string, unknown>): OrderRow => ({
  ...(r as unknown as OrderRow),
  number: Number(r.number),
  displayNumber: displayNumber('SO', Number(r.number)),
  confirmedAt: date(r.confirmedAt),
  fulfilledAt: date(r.fulfilledAt),
  cancelledAt: date(r.cancelledAt),
  createdAt: date(r.createdAt)!,
  updatedAt: date(r.updatedAt)!,
});

/** An order with its lines; 404 order_not_found when missing or on a deal the caller cannot see. */
export async function getOrder(ctx: Ctx, id: string): Promise<Order> {
  const [r] = await rows(
    ctx.db,
    sql`select ${orderColumns} where o.workspace_id = ${ctx.workspaceId} and o.id = ${id} and ${orderVisible(ctx)}`,
  );
  if (!r) throw new AppError('order_not_found', `No order with id ${id} in this workspace (or not one you can see).`, { id });
  const lines = await ctx.db
    .select()
    .from(orderLines)
    .where(inWorkspace(orderLines.workspaceId, ctx, eq(orderLines.orderId, id)))
    .orderBy(asc(orderLines.position));
  return { ...toOrderRow(r), lines: lines.map(toLine) };
}
