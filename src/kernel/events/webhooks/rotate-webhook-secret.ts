import { eq } from 'drizzle-orm';
import { recordAudit } from '../../audit/index.ts';
import type { Ctx } from '../../context.ts';
import { webhookSubscriptions } from '../schema.ts';
import { newWebhookSecret } from './signature.ts';
import { findWebhook, secretOverlapHours } from './webhook-rules.ts';

/**
 * Gives a subscription a new secret. For 24 hours deliveries carry a second signature made with
 * the old one (Standard Webhooks allows several), so the receiver can switch without losing messages.
 */
export async function rotateWebhookSecret(ctx: Ctx, id: string) {
  const secret = newWebhookSecret();
  const previousSecretExpiresAt = new Date(Date.now() + secretOverlapHours * 3600_000);
  await ctx.db.transaction(async (tx) => {
    const old = await findWebhook(tx, ctx, id, true);
    await tx
      .update(webhookSubscriptions)
      .set({ secret, previousSecret: old.secret, previousSecretExpiresAt, updatedAt: new Date() })
      .where(eq(webhookSubscriptions.id, id));
    await recordAudit(
      { ...ctx, db: tx },
      {
        action: 'webhook.secret_rotated',
        entityType: 'webhook',
        entityId: id,
        after: { previousSecretValidUntil: previousSecretExpiresAt.toISOString() },
      },
    );
  });
  return { secret, previousSecretExpiresAt };
}
