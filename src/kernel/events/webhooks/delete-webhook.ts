import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../audit/index.ts';
import type { Ctx } from '../../context.ts';
import { webhookDeliveries, webhookSubscriptions } from '../schema.ts';
import { findWebhook, publicWebhook } from './webhook-rules.ts';

/** Deletes a subscription and its delivery log; queued deliveries find it gone and stop. */
export async function deleteWebhook(ctx: Ctx, id: string) {
  await ctx.db.transaction(async (tx) => {
    const before = publicWebhook(await findWebhook(tx, ctx, id, true));
    await tx
      .delete(webhookDeliveries)
      .where(and(eq(webhookDeliveries.workspaceId, ctx.workspaceId), eq(webhookDeliveries.subscriptionId, id)));
    await tx.delete(webhookSubscriptions).where(eq(webhookSubscriptions.id, id));
    await recordAudit({ ...ctx, db: tx }, { action: 'webhook.deleted', entityType: 'webhook', entityId: id, before });
  });
}
