import { recordAudit } from '../../audit/index.ts';
import type { Ctx } from '../../context.ts';
import { emitEvent } from '../emit-event.ts';
import { queueDelivery } from './fan-out-to-webhooks.ts';
import { assertActive, findWebhook } from './webhook-rules.ts';

/** Emits a `webhook.test` ping and queues its delivery to this one subscription only. */
export async function sendTestWebhook(ctx: Ctx, id: string) {
  return ctx.db.transaction(async (tx) => {
    const c = { ...ctx, db: tx };
    const w = await findWebhook(tx, ctx, id);
    assertActive(w);
    const eventId = await emitEvent(c, {
      type: 'webhook.test',
      entityType: 'webhook',
      entityId: id,
      data: { message: 'Test event from Tandem: your endpoint receives webhooks.', url: w.url },
    });
    const deliveryId = (await queueDelivery(tx, ctx.workspaceId, id, { id: eventId, type: 'webhook.test' }))!;
    await recordAudit(c, { action: 'webhook.test_sent', entityType: 'webhook', entityId: id, after: { eventId, deliveryId } });
    return { eventId, deliveryId };
  });
}
