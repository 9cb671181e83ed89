import { sql } from 'drizzle-orm';
import { recordAudit } from '../../../kernel/audit/index.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { rows } from '../../../kernel/db/index.ts';
import { AppError } from '../../../kernel/errors.ts';

function userOf(ctx: Ctx): string {
  if (!ctx.actor.userId)
    throw new AppError('validation_failed', 'Only a signed-in member (or their API key) can subscribe to the weekly digest.', {
      path: ['actor'],
    });
  return ctx.actor.userId;
}

/** Whether the caller gets the KPI board by email every Monday. */
export async function getDigestSubscription(ctx: Ctx) {
  const [r] = await rows<{ created_at: Date | string; last_sent_on: string | null }>(
    ctx.db,
    sql`select created_at, last_sent_on::text as last_sent_on from analytics_digest_subscriptions
      where workspace_id = ${ctx.workspaceId} and user_id = ${userOf(ctx)}`,
  );
  return { subscribed: !!r, lastSentOn: r?.last_sent_on ?? null };
}

/** Subscribes (or unsubscribes) the caller to the weekly KPI email; doing it twice changes nothing. */
export async function setDigestSubscription(ctx: Ctx, subscribed: boolean) {
  const userId = userOf(ctx);
  await ctx.db.transaction(async (tx) => {
    const c = { ...ctx, db: tx };
    const changed = subscribed
      ? await rows(
          tx,
          sql`insert into analytics_digest_subscriptions (workspace_id, user_id) values (${ctx.workspaceId}, ${userId})
            on conflict do nothing returning user_id`,
        )
      : await rows(
          tx,
          sql`delete from analytics_digest_subscriptions where workspace_id = ${ctx.workspaceId} and user_id = ${userId} returning user_id`,
        );
    if (changed.length)
      await recordAudit(c, {
        action: subscribed ? 'kpi_digest.subscribed' : 'kpi_digest.unsubscribed',
        entityType: 'user',
        entityId: userId,
      });
  });
  return getDigestSubscription(ctx);
}
