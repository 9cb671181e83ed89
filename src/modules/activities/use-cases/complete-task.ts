import { eq } from 'drizzle-orm';
import { recordAudit } from '../../../kernel/audit/index.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { emitEvent } from '../../../kernel/events/index.ts';
import { findTask } from '../queries/get-task.ts';
import { tasks } from '../schema.ts';
import { actorId } from './actor-id.ts';
import { toTask } from './task-input.ts';

/** Marks a task done. Completing a completed task changes nothing (safe to retry). */
export async function completeTask(ctx: Ctx, id: string) {
  return ctx.db.transaction(async (tx) => {
    const c = { ...ctx, db: tx };
    const row = await findTask(tx, ctx, id, true);
    if (row.status === 'completed') return toTask(row);
    const [updated] = await tx
      .update(tasks)
      .set({ status: 'completed', completedAt: new Date(), completedBy: actorId(ctx), updatedAt: new Date() })
      .where(eq(tasks.id, id))
      .returning();
    const after = toTask(updated!);
    await recordAudit(c, { action: 'task.completed', entityType: 'task', entityId: id, before: toTask(row), after });
    await emitEvent(c, {
      type: 'task.completed',
      entityType: 'task',
      entityId: id,
      data: { title: after.title, assigneeId: after.assigneeId, entityType: after.entityType, entityId: after.entityId },
    });
    return after;
  });
}
