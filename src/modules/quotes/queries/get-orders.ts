import { sql } from 'drizzle-orm';
import type { Ctx } from '../../../kernel/context.ts';
import { pageRows } from '../../../kernel/db/index.ts';
import type { OrderStatus } from '../schema.ts';
import { type OrderRow, orderColumns, orderVisible, toOrderRow } from './get-order.ts';

/** Orders newest number first, optionally of one status or deal; `before` is the keyset cursor (a number). */
export async function getOrders(
  ctx: Ctx,
  q: { status?: OrderStatus; dealId?: string; before?: number; limit?: number },
): Promise<{ items: OrderRow[]; nextCursor: number | null }> {
  const limit = q.limit ?? 50;
  const list = await pageRows(
    ctx.db,
    sql`select ${orderColumns} where o.workspace_id = ${ctx.workspaceId} and ${orderVisible(ctx)}
        ${q.status ? sql`and o.status = ${q.status}` : sql``} ${q.dealId ? sql`and o.deal_id = ${q.dealId}` : sql``}
        ${q.before !== undefined ? sql`and o.number < ${q.before}` : sql``}
        order by o.number desc limit ${limit + 1}`,
  );
  const items = list.slice(0, limit).map(toOrderRow);
  return { items, nextCursor: list.length > limit ? items.at(-1)!.number : null };
}
