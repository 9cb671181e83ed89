import { sql } from 'drizzle-orm';
import { recordAudit } from '../../../kernel/audit/index.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { rows } from '../../../kernel/db/index.ts';
import { emitEvent } from '../../../kernel/events/index.ts';
import { checkCurrency, getDeal } from '../../sales/index.ts';
import type { LineBody } from '../http/quotes.types.ts';
import { getOrder, type Order } from '../queries/get-order.ts';
import { orderLines, orders } from '../schema.ts';
import { recurring, sumLines } from '../totals.ts';
import { type BuiltLine, buildLines, resolvePriceBook } from './build-lines.ts';
import { nextNumber } from './next-number.ts';

/** Writes an order (next SO number) with its lines and MRR/ARR, in the caller's transaction. */
export async function insertOrder(
  ctx: Ctx,
  o: { dealId: string | null; quoteId: string | null; companyId: string | null; currency: string; notes: string; lines: BuiltLine[] },
): Promise<Order> {
  const number = await nextNumber(ctx.db, ctx.workspaceId, 'order');
  const totals = sumLines(o.lines);
  const [row] = await ctx.db
    .insert(orders)
    .values({
      workspaceId: ctx.workspaceId,
      number,
      dealId: o.dealId,
      quoteId: o.quoteId,
      companyId: o.companyId,
      currency: o.currency,
      notes: o.notes,
      ...totals,
      ...recurring(o.lines),
      createdBy: ctx.actor.userId ?? null,
    })
    .returning({ id: orders.id });
  if (o.lines.length)
    await ctx.db.insert(orderLines).values(o.lines.map((l) => ({ ...l, workspaceId: ctx.workspaceId, orderId: row!.id })));
  const after = await getOrder(ctx, row!.id);
  await recordAudit(ctx, { action: 'order.created', entityType: 'order', entityId: after.id, after });
  await emitEvent(ctx, {
    type: 'order.created',
    entityType: 'order',
    entityId: after.id,
    data: {
      number: after.displayNumber,
      dealId: after.dealId,
      quoteId: after.quoteId,
      total: after.total,
      currency: after.currency,
      mrr: after.mrr,
    },
  });
  return after;
}

/** A draft order from lines, on a deal (its currency and company) or on its own (the workspace currency unless given). */
export async function createOrder(
  ctx: Ctx,
  input: { dealId?: string; currency?: string; priceBookId?: string; notes?: string; lines: LineBody[] },
): Promise<Order> {
  return ctx.db.transaction(async (tx) => {
    const c = { ...ctx, db: tx };
    const deal = input.dealId ? await getDeal(c, input.dealId) : null;
    const [ws] = await rows<{ currency: string }>(tx, sql`select currency from workspaces where id = ${ctx.workspaceId}`);
    const currency = input.currency ? checkCurrency(input.currency, ['body', 'currency']) : (deal?.currency ?? ws!.currency);
    const built = await buildLines(c, input.lines, currency, await resolvePriceBook(c, input.priceBookId));
    return insertOrder(c, {
      dealId: deal?.id ?? null,
      quoteId: null,
      companyId: deal?.companyId ?? null,
      currency,
      notes: input.notes?.trim() ?? '',
      lines: built.lines,
    });
  });
}
