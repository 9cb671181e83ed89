import { and, eq, isNull } from 'drizzle-orm';
import type { Ctx } from '../../../kernel/context.ts';
import { inWorkspace } from '../../../kernel/db/index.ts';
import { notifications } from '../schema.ts';
import { notificationOwner } from './notification-owner.ts';

/** Marks every unread notification of the caller read; returns how many. */
export async function readAllNotifications(ctx: Ctx) {
  const userId = notificationOwner(ctx);
  const updated = await ctx.db
    .update(notifications)
    .set({ readAt: new Date(), updatedAt: new Date() })
    .where(inWorkspace(notifications.workspaceId, ctx, and(eq(notifications.userId, userId), isNull(notifications.readAt))))
    .returning({ id: notifications.id });
  return { updated: updated.length };
}
