import { eq } from 'drizzle-orm';
import { recordAudit } from '../../../kernel/audit/index.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { emitEvent } from '../../../kernel/events/index.ts';
import { findTask } from '../queries/get-task.ts';
import { tasks } from '../schema.ts';
import { toTask } from './task-input.ts';

/** Opens a completed task again. Reopening an open task changes nothing (safe to retry). */
export async function reopenTask(ctx: Ctx, id: string) {
  return ctx.db.transaction(async (tx) => {
    const c = { ...ctx, db: tx };
    const row = await findTask(tx, ctx, id, true);
    if (row.status === 'open') return toTask(row);
    const [updated] = await tx
      .update(tasks)
      .set({ status: 'open', completedAt: null, completedBy: null, updatedAt: new Date() })
      .where(eq(tasks.id, id))
      .returning();
    const after = toTask(updated!);
    await recordAudit(c, { action: 'task.reopened', entityType: 'task', entityId: id, before: toTask(row), after });
    await emitEvent(c, {
      type: 'task.reopened',
      entityType: 'task',
      entityId: id,
      data: { title: after.title, assigneeId: after.assigneeId },
    });
    return after;
  });
}
