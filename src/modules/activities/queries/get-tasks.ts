import { desc, eq, lt } from 'drizzle-orm';
import type { Ctx } from '../../../kernel/context.ts';
import { inWorkspace } from '../../../kernel/db/index.ts';
import { AppError } from '../../../kernel/errors.ts';
import { decodeCursor, toPage } from '../../../kernel/http/index.ts';
import { tasks } from '../schema.ts';
import { toTask } from '../use-cases/task-input.ts';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface TasksQuery {
  limit: number;
  cursor?: string;
  /** `me`, or a user id. */
  assignee?: string;
  status?: string;
  entityType?: string;
  entityId?: string;
}

/** Tasks newest first, filtered by assignee, status and record, keyset-paginated by id (UUID v7). */
export async function getTasks(ctx: Ctx, q: TasksQuery) {
  const after = decodeCursor(q.cursor, 1)?.[0];
  if (after !== undefined && (typeof after !== 'string' || !uuid.test(after)))
    throw new AppError('validation_failed', 'The cursor is not valid; start again from the first page.', { path: ['query', 'cursor'] });
  if ((q.entityType === undefined) !== (q.entityId === undefined))
    throw new AppError('validation_failed', 'Give entityType and entityId together to list the tasks on one record.', {
      path: ['query', q.entityType ? 'entityId' : 'entityType'],
    });
  const assignee = q.assignee === 'me' ? (ctx.actor.userId ?? ctx.actor.id) : q.assignee;
  const t = tasks;
  const fetched = await ctx.db
    .select()
    .from(t)
    .where(
      inWorkspace(
        t.workspaceId,
        ctx,
        assignee ? eq(t.assigneeId, assignee) : undefined,
        q.status ? eq(t.status, q.status) : undefined,
        q.entityType ? eq(t.entityType, q.entityType) : undefined,
        q.entityId ? eq(t.entityId, q.entityId) : undefined,
        after ? lt(t.id, after as string) : undefined,
      ),
    )
    .orderBy(desc(t.id))
    .limit(q.limit + 1);
  const page = toPage(fetched, q.limit, (r) => [r.id]);
  return { nextCursor: page.nextCursor, items: page.items.map(toTask) };
}
