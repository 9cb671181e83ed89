import { and, arrayOverlaps, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { enqueue } from '../../jobs/index.ts';
import { patternsFor } from '../event-types.ts';
import type { OutboxEvent } from '../load-event.ts';
import { webhookDeliveries, webhookSubscriptions } from '../schema.ts';
import { deliverWebhookJob } from './deliver-webhook.ts';

/** Adds a delivery row and a `webhooks.deliver` job in `tx`; does nothing when this pair exists already. */
export async function queueDelivery(tx: Executor, workspaceId: string, subscriptionId: string, event: Pick<OutboxEvent, 'id' | 'type'>) {
  const [row] = await tx
    .insert(webhookDeliveries)
    .values({ workspaceId, subscriptionId, eventId: event.id, eventType: event.type })
    .onConflictDoNothing()
    .returning({ id: webhookDeliveries.id });
  if (!row) return undefined;
  await enqueue(tx, deliverWebhookJob, { deliveryId: row.id }, { workspaceId, idempotencyKey: `webhook:${subscriptionId}:${event.id}` });
  return row.id;
}

/**
 * For each active subscription in the event's workspace whose event types select it, one delivery
 * and one job (safe to run twice: the delivery is unique per subscription and event).
 */
export async function fanOutToWebhooks(tx: Executor, event: OutboxEvent): Promise<number> {
  // Test pings get their one delivery from sendTestWebhook; they never go to every subscriber.
  if (event.type === 'webhook.test') return 0;
  const subs = await tx
    .select({ id: webhookSubscriptions.id })
    .from(webhookSubscriptions)
    .where(
      and(
        eq(webhookSubscriptions.workspaceId, event.workspaceId),
        eq(webhookSubscriptions.active, true),
        arrayOverlaps(webhookSubscriptions.eventTypes, patternsFor(event.type)),
        // A subscription receives what happens after it was made, even when the fan-out runs late.
        sql`${webhookSubscriptions.createdAt} <= (select created_at from outbox_events where id = ${event.id})`,
      ),
    );
  for (const s of subs) await queueDelivery(tx, event.workspaceId, s.id, event);
  return subs.length;
}
