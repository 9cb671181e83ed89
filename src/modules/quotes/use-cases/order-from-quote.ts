import { eq } from 'drizzle-orm';
import type { Ctx } from '../../../kernel/context.ts';
import { inWorkspace } from '../../../kernel/db/index.ts';
import { AppError } from '../../../kernel/errors.ts';
import { getDeal } from '../../sales/index.ts';
import type { Order } from '../queries/get-order.ts';
import { getQuote } from '../queries/get-quote.ts';
import { quotes } from '../schema.ts';
import { insertOrder } from './create-order.ts';
import { lockQuote, recordQuoteChange } from './quote-parts.ts';

/**
 * Turns an accepted quote into a draft order in one transaction: the order copies the quote's lines
 * and totals, and the quote points at it. A quote becomes at most one order (409 order_exists).
 */
export async function createOrderFromQuote(ctx: Ctx, quoteId: string): Promise<Order> {
  return ctx.db.transaction(async (tx) => {
    const c = { ...ctx, db: tx };
    const quote = await lockQuote(c, quoteId);
    if (quote.orderId)
      throw new AppError('order_exists', `${quote.displayNumber} is already order ${quote.orderId}.`, { orderId: quote.orderId });
    if (quote.status !== 'accepted')
      throw new AppError(
        'quote_not_accepted',
        `${quote.displayNumber} is ${quote.status.replace('_', ' ')}; mark it accepted before creating the order.`,
        {
          status: quote.status,
        },
      );
    const deal = await getDeal(c, quote.dealId);
    const order = await insertOrder(c, {
      dealId: quote.dealId,
      quoteId,
      companyId: deal.companyId,
      currency: quote.currency,
      notes: quote.notes,
      lines: quote.lines.map(({ id: _id, discountPct, taxPct, ...l }) => ({
        ...l,
        discountPct: String(discountPct),
        taxPct: String(taxPct),
      })),
    });
    await tx
      .update(quotes)
      .set({ orderId: order.id, updatedAt: new Date() })
      .where(inWorkspace(quotes.workspaceId, ctx, eq(quotes.id, quoteId)));
    await recordQuoteChange(c, 'quote.ordered', quote, await getQuote(c, quoteId), { orderId: order.id });
    return order;
  });
}
