import { desc, eq, gte, lt, type SQL, sql } from 'drizzle-orm';
import type { Ctx } from '../../context.ts';
import { inWorkspace } from '../../db/helpers.ts';
import { AppError } from '../../errors.ts';
import { decodeCursor, toPage } from '../../http/index.ts';
import { auditLog } from '../schema.ts';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface AuditLogQuery {
  limit: number;
  cursor?: string;
  /** Exact action, or a prefix ending in `.` or `.*` (`member.` = every member action). */
  action?: string;
  entityType?: string;
  entityId?: string;
  actorId?: string;
  from?: string;
  to?: string;
}

function actionFilter(action: string | undefined): SQL | undefined {
  if (!action) return undefined;
  const prefix = action.endsWith('.*') ? action.slice(0, -1) : action.endsWith('.') ? action : undefined;
  return prefix ? sql`starts_with(${auditLog.action}, ${prefix})` : eq(auditLog.action, action);
}

/** The workspace's audit log, newest first (UUID v7 ids are time-ordered), keyset-paginated. */
export async function getAuditLog(ctx: Ctx, q: AuditLogQuery) {
  const after = decodeCursor(q.cursor, 1)?.[0];
  if (after !== undefined && (typeof after !== 'string' || !uuid.test(after)))
    throw new AppError('validation_failed', 'The cursor is not valid; start again from the first page.', { path: ['query', 'cursor'] });
  const a = auditLog;
  const fetched = await ctx.db
    .select()
    .from(a)
    .where(
      inWorkspace(
        a.workspaceId,
        ctx,
        actionFilter(q.action),
        q.entityType ? eq(a.entityType, q.entityType) : undefined,
        q.entityId ? eq(a.entityId, q.entityId) : undefined,
        q.actorId ? eq(a.actorId, q.actorId) : undefined,
        q.from ? gte(a.createdAt, new Date(q.from)) : undefined,
        q.to ? lt(a.createdAt, new Date(q.to)) : undefined,
        after ? lt(a.id, after) : undefined,
      ),
    )
    .orderBy(desc(a.id))
    .limit(q.limit + 1);
  const page = toPage(fetched, q.limit, (r) => [r.id]);
  return {
    nextCursor: page.nextCursor,
    items: page.items.map((r) => ({
      id: r.id,
      at: r.createdAt,
      action: r.action,
      entityType: r.entityType,
      entityId: r.entityId,
      actor: { type: r.actorType, id: r.actorId, label: r.actorLabel },
      before: r.before ?? null,
      after: r.after ?? null,
      requestId: r.requestId,
      ip: r.ip,
    })),
  };
}
