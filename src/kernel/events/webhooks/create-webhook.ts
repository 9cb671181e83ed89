import { recordAudit } from '../../audit/index.ts';
import type { Ctx } from '../../context.ts';
import { checkEventTypes } from '../event-types.ts';
import { webhookSubscriptions } from '../schema.ts';
import { newWebhookSecret } from './signature.ts';
import { checkWebhookUrl, publicWebhook } from './webhook-rules.ts';

export interface CreateWebhookInput {
  url: string;
  description?: string;
  /** Event types, `prefix.*` groups, or `*` for all. */
  eventTypes: string[];
  active?: boolean;
}

/** Subscribes a URL to events. The signing secret is returned here (and by revealWebhookSecret). */
export async function createWebhook(ctx: Ctx, input: CreateWebhookInput) {
  const url = checkWebhookUrl(input.url, ['body', 'url']);
  const eventTypes = checkEventTypes(input.eventTypes, ['body', 'eventTypes']);
  const secret = newWebhookSecret();
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(webhookSubscriptions)
      .values({
        workspaceId: ctx.workspaceId,
        url,
        description: input.description?.trim() ?? '',
        eventTypes,
        secret,
        active: input.active ?? true,
        createdBy: ctx.actor.userId ?? ctx.actor.id,
      })
      .returning();
    const webhook = publicWebhook(row!);
    await recordAudit({ ...ctx, db: tx }, { action: 'webhook.created', entityType: 'webhook', entityId: webhook.id, after: webhook });
    return { webhook, secret };
  });
}
