import { eq } from 'drizzle-orm';
import { recordAudit } from '../../audit/index.ts';
import type { Ctx } from '../../context.ts';
import { newId } from '../../db/columns.ts';
import { inWorkspace } from '../../db/helpers.ts';
import { AppError, notFound } from '../../errors.ts';
import { enqueue } from '../../jobs/index.ts';
import { webhookDeliveries } from '../schema.ts';
import { deliverWebhookJob } from './deliver-webhook.ts';
import { assertActive, findWebhook } from './webhook-rules.ts';

/**
 * Sends a finished delivery again as a new job (with its own retries). Same body and webhook-id,
 * so a receiver that already processed it can recognise the duplicate.
 */
export async function resendWebhookDelivery(ctx: Ctx, deliveryId: string) {
  return ctx.db.transaction(async (tx) => {
    const [d] = await tx
      .select()
      .from(webhookDeliveries)
      .where(inWorkspace(webhookDeliveries.workspaceId, ctx, eq(webhookDeliveries.id, deliveryId)))
      .for('update');
    if (!d) throw notFound('delivery', deliveryId);
    if (d.status === 'pending')
      throw new AppError('delivery_in_progress', 'This delivery is still being attempted; wait until it succeeds or fails, then resend.', {
        id: deliveryId,
      });
    assertActive(await findWebhook(tx, ctx, d.subscriptionId));
    await tx
      .update(webhookDeliveries)
      .set({ status: 'pending', error: null, updatedAt: new Date() })
      .where(eq(webhookDeliveries.id, deliveryId));
    const jobId = await enqueue(
      tx,
      deliverWebhookJob,
      { deliveryId },
      { workspaceId: ctx.workspaceId, idempotencyKey: `webhook-resend:${deliveryId}:${newId()}` },
    );
    await recordAudit(
      { ...ctx, db: tx },
      {
        action: 'webhook_delivery.resent',
        entityType: 'webhook_delivery',
        entityId: deliveryId,
        before: { status: d.status },
        after: { status: 'pending', jobId },
      },
    );
    return { deliveryId, jobId };
  });
}
