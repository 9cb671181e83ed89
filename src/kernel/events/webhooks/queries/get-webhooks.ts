import { desc } from 'drizzle-orm';
import type { Ctx } from '../../../context.ts';
import { inWorkspace } from '../../../db/helpers.ts';
import { webhookSubscriptions } from '../../schema.ts';
import { findWebhook, publicWebhook } from '../webhook-rules.ts';

/** The workspace's webhook subscriptions, newest first (a workspace has a handful). */
export async function getWebhooks(ctx: Ctx) {
  const list = await ctx.db
    .select()
    .from(webhookSubscriptions)
    .where(inWorkspace(webhookSubscriptions.workspaceId, ctx))
    .orderBy(desc(webhookSubscriptions.createdAt), desc(webhookSubscriptions.id));
  return list.map(publicWebhook);
}

/** One subscription, without its secret. */
export async function getWebhook(ctx: Ctx, id: string) {
  return publicWebhook(await findWebhook(ctx.db, ctx, id));
}
