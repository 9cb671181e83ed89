import { and, count, desc, eq, isNull, lt } from 'drizzle-orm';
import type { Ctx } from '../../../kernel/context.ts';
import { inWorkspace } from '../../../kernel/db/index.ts';
import { AppError } from '../../../kernel/errors.ts';
import { decodeCursor, toPage } from '../../../kernel/http/index.ts';
import { notifications } from '../schema.ts';
import { notificationOwner } from '../use-cases/notification-owner.ts';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The caller's notifications, newest first (UUID v7 ids are time-ordered), keyset-paginated by id. */
export async function getNotifications(ctx: Ctx, q: { limit: number; cursor?: string; unread?: boolean }) {
  const userId = notificationOwner(ctx);
  const after = decodeCursor(q.cursor, 1)?.[0];
  if (after !== undefined && (typeof after !== 'string' || !uuid.test(after)))
    throw new AppError('validation_failed', 'The cursor is not valid; start again from the first page.', { path: ['query', 'cursor'] });
  const n = notifications;
  const fetched = await ctx.db
    .select({ id: n.id, kind: n.kind, title: n.title, body: n.body, link: n.link, readAt: n.readAt, createdAt: n.createdAt })
    .from(n)
    .where(
      inWorkspace(
        n.workspaceId,
        ctx,
        eq(n.userId, userId),
        q.unread ? isNull(n.readAt) : undefined,
        after ? lt(n.id, after as string) : undefined,
      ),
    )
    .orderBy(desc(n.id))
    .limit(q.limit + 1);
  return toPage(fetched, q.limit, (r) => [r.id]);
}

/** How many of the caller's notifications are unread (the bell badge). */
export async function getUnreadCount(ctx: Ctx) {
  const userId = notificationOwner(ctx);
  const [row] = await ctx.db
    .select({ count: count() })
    .from(notifications)
    .where(inWorkspace(notifications.workspaceId, ctx, and(eq(notifications.userId, userId), isNull(notifications.readAt))));
  return { count: Number(row?.count ?? 0) };
}
