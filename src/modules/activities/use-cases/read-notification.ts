import { and, eq, sql } from 'drizzle-orm';
import type { Ctx } from '../../../kernel/context.ts';
import { inWorkspace } from '../../../kernel/db/index.ts';
import { notFound } from '../../../kernel/errors.ts';
import { notifications } from '../schema.ts';
import { notificationOwner } from './notification-owner.ts';

/**
 * Marks one of the caller's notifications read (keeping the first read time). Read state is private
 * inbox state, so it is neither audited nor published as an event.
 */
export async function readNotification(ctx: Ctx, id: string) {
  const userId = notificationOwner(ctx);
  const [row] = await ctx.db
    .update(notifications)
    .set({ readAt: sql`coalesce(${notifications.readAt}, now())`, updatedAt: new Date() })
    .where(inWorkspace(notifications.workspaceId, ctx, and(eq(notifications.userId, userId), eq(notifications.id, id))))
    .returning({ id: notifications.id, readAt: notifications.readAt });
  if (!row) throw notFound('notification', id);
  return { id: row.id, readAt: new Date(row.readAt!) };
}
