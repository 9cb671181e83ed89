import { eq } from 'drizzle-orm';
import { recordAudit } from '../../../kernel/audit/index.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { emitEvent } from '../../../kernel/events/index.ts';
import { findTask } from '../queries/get-task.ts';
import { tasks } from '../schema.ts';
import { notifyAssignee } from './create-task.ts';
import { parseInput } from './parse-input.ts';
import { assertRecordExists } from './record-links.ts';
import { assertMember, toTask, type UpdateTaskInput, updateTaskInput } from './task-input.ts';

const at = (iso: string | null | undefined) => (iso === undefined ? undefined : iso === null ? null : new Date(iso));

/** Changes a task's fields; a new reminder time re-arms the reminder, a new assignee is notified. */
export async function updateTask(ctx: Ctx, id: string, raw: UpdateTaskInput) {
  const input = parseInput(updateTaskInput, raw);
  return ctx.db.transaction(async (tx) => {
    const c = { ...ctx, db: tx };
    const row = await findTask(tx, ctx, id, true);
    const reassigned = input.assigneeId !== undefined && input.assigneeId !== row.assigneeId;
    if (reassigned && input.assigneeId) await assertMember(tx, ctx.workspaceId, input.assigneeId, ['body', 'assigneeId']);
    if (input.entityType && input.entityId) await assertRecordExists(c, input.entityType, input.entityId, ['body', 'entityId']);
    const reminderAt = at(input.reminderAt);
    const [updated] = await tx
      .update(tasks)
      .set({
        ...(input.title !== undefined && { title: input.title }),
        ...(input.notes !== undefined && { notes: input.notes }),
        ...(input.dueAt !== undefined && { dueAt: at(input.dueAt) }),
        ...(input.priority !== undefined && { priority: input.priority }),
        ...(input.assigneeId !== undefined && { assigneeId: input.assigneeId }),
        ...(reminderAt !== undefined && reminderAt?.getTime() !== row.reminderAt?.getTime() && { reminderAt, remindedAt: null }),
        ...(input.entityType !== undefined && { entityType: input.entityType, entityId: input.entityId ?? null }),
        updatedAt: new Date(),
      })
      .where(eq(tasks.id, id))
      .returning();
    const before = toTask(row);
    const after = toTask(updated!);
    if (reassigned) await notifyAssignee(c, after);
    await recordAudit(c, { action: 'task.updated', entityType: 'task', entityId: id, before, after });
    await emitEvent(c, {
      type: 'task.updated',
      entityType: 'task',
      entityId: id,
      data: { title: after.title, changed: Object.keys(input) },
    });
    if (reassigned)
      await emitEvent(c, {
        type: 'task.assigned',
        entityType: 'task',
        entityId: id,
        data: { title: after.title, assigneeId: after.assigneeId, previousAssigneeId: before.assigneeId },
      });
    return after;
  });
}
