import { desc, eq, lt } from 'drizzle-orm';
import type { Ctx } from '../../../context.ts';
import { inWorkspace } from '../../../db/helpers.ts';
import { AppError } from '../../../errors.ts';
import { decodeCursor, toPage } from '../../../http/pagination.ts';
import { webhookDeliveries } from '../../schema.ts';
import { findWebhook } from '../webhook-rules.ts';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface DeliveriesQuery {
  limit: number;
  cursor?: string;
  status?: string;
}

/** The delivery log of one subscription, newest first, keyset-paginated by id (UUID v7 = time order). */
export async function getWebhookDeliveries(ctx: Ctx, webhookId: string, q: DeliveriesQuery) {
  await findWebhook(ctx.db, ctx, webhookId);
  const after = decodeCursor(q.cursor, 1)?.[0];
  if (after !== undefined && (typeof after !== 'string' || !uuid.test(after)))
    throw new AppError('validation_failed', 'The cursor is not valid; start again from the first page.', { path: ['query', 'cursor'] });
  const d = webhookDeliveries;
  const fetched = await ctx.db
    .select({
      id: d.id,
      eventId: d.eventId,
      eventType: d.eventType,
      status: d.status,
      attempts: d.attempts,
      responseStatus: d.responseStatus,
      responseBody: d.responseBody,
      error: d.error,
      durationMs: d.durationMs,
      deliveredAt: d.deliveredAt,
      createdAt: d.createdAt,
      updatedAt: d.updatedAt,
    })
    .from(d)
    .where(
      inWorkspace(
        d.workspaceId,
        ctx,
        eq(d.subscriptionId, webhookId),
        q.status ? eq(d.status, q.status) : undefined,
        after ? lt(d.id, after) : undefined,
      ),
    )
    .orderBy(desc(d.id))
    .limit(q.limit + 1);
  return toPage(fetched, q.limit, (r) => [r.id]);
}
