import { eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../../kernel/audit/index.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { inWorkspace, rows } from '../../../kernel/db/index.ts';
import { AppError } from '../../../kernel/errors.ts';
import { emitEvent } from '../../../kernel/events/index.ts';
import { getOrder, type Order } from '../queries/get-order.ts';
import { type OrderStatus, orders } from '../schema.ts';

/** Which status may follow which: draft → confirmed → fulfilled; draft or confirmed → cancelled. */
export const orderTransitions: Record<OrderStatus, OrderStatus[]> = {
  draft: ['confirmed', 'cancelled'],
  confirmed: ['fulfilled', 'cancelled'],
  fulfilled: [],
  cancelled: [],
};

/** Moves an order along; anything else is 409 invalid_order_transition naming the allowed next statuses. */
export async function changeOrderStatus(ctx: Ctx, id: string, to: OrderStatus): Promise<{ before: Order; after: Order }> {
  return ctx.db.transaction(async (tx) => {
    const c = { ...ctx, db: tx };
    await rows(tx, sql`select id from orders where workspace_id = ${ctx.workspaceId} and id = ${id} for update`);
    const before = await getOrder(c, id);
    const allowed = orderTransitions[before.status];
    if (!allowed.includes(to))
      throw new AppError(
        'invalid_order_transition',
        `${before.displayNumber} is ${before.status}; it can go to ${allowed.length ? allowed.join(' or ') : 'no other status'}, not ${to}.`,
        { from: before.status, to, allowed, path: ['body', 'status'] },
      );
    const at = new Date();
    await tx
      .update(orders)
      .set({
        status: to,
        updatedAt: at,
        ...(to === 'confirmed' && { confirmedAt: at }),
        ...(to === 'fulfilled' && { fulfilledAt: at }),
        ...(to === 'cancelled' && { cancelledAt: at }),
      })
      .where(inWorkspace(orders.workspaceId, ctx, eq(orders.id, id)));
    const after = await getOrder(c, id);
    await recordAudit(c, { action: `order.${to}`, entityType: 'order', entityId: id, before, after });
    await emitEvent(c, {
      type: `order.${to}`,
      entityType: 'order',
      entityId: id,
      data: {
        number: after.displayNumber,
        dealId: after.dealId,
        total: after.total,
        currency: after.currency,
        mrr: after.mrr,
        arr: after.arr,
      },
    });
    return { before, after };
  });
}
