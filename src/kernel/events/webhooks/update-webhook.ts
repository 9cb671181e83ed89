import { eq } from 'drizzle-orm';
import { recordAudit } from '../../audit/index.ts';
import type { Ctx } from '../../context.ts';
import { checkEventTypes } from '../event-types.ts';
import { webhookSubscriptions } from '../schema.ts';
import { checkWebhookUrl, findWebhook, publicWebhook } from './webhook-rules.ts';

export interface UpdateWebhookInput {
  url?: string;
  description?: string;
  eventTypes?: string[];
  /** An inactive webhook gets no new deliveries, and its pending retries are cancelled. */
  active?: boolean;
}

/** Changes a subscription's URL, description, event types or active flag. */
export async function updateWebhook(ctx: Ctx, id: string, input: UpdateWebhookInput) {
  const url = input.url === undefined ? undefined : checkWebhookUrl(input.url, ['body', 'url']);
  const eventTypes = input.eventTypes === undefined ? undefined : checkEventTypes(input.eventTypes, ['body', 'eventTypes']);
  return ctx.db.transaction(async (tx) => {
    const before = publicWebhook(await findWebhook(tx, ctx, id, true));
    const [row] = await tx
      .update(webhookSubscriptions)
      .set({
        ...(url !== undefined && { url }),
        ...(input.description !== undefined && { description: input.description.trim() }),
        ...(eventTypes !== undefined && { eventTypes }),
        ...(input.active !== undefined && { active: input.active }),
        updatedAt: new Date(),
      })
      .where(eq(webhookSubscriptions.id, id))
      .returning();
    const after = publicWebhook(row!);
    await recordAudit({ ...ctx, db: tx }, { action: 'webhook.updated', entityType: 'webhook', entityId: id, before, after });
    return after;
  });
}
