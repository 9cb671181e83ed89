import { recordAudit } from '../../audit/index.ts';
import type { Ctx } from '../../context.ts';
import { findWebhook } from './webhook-rules.ts';

/** The current signing secret of a subscription; each reveal is written to the audit log. */
export async function revealWebhookSecret(ctx: Ctx, id: string) {
  return ctx.db.transaction(async (tx) => {
    const w = await findWebhook(tx, ctx, id);
    await recordAudit({ ...ctx, db: tx }, { action: 'webhook.secret_revealed', entityType: 'webhook', entityId: id });
    return { secret: w.secret };
  });
}
