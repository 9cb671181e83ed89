import { recordAudit } from '../../../kernel/audit/index.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { emitEvent } from '../../../kernel/events/index.ts';
import { tasks } from '../schema.ts';
import { actorId } from './actor-id.ts';
import { notifyUser } from './notify-user.ts';
import { parseInput } from './parse-input.ts';
import { assertRecordExists } from './record-links.ts';
import { assertMember, type CreateTaskInput, createTaskInput, type Task, toTask } from './task-input.ts';

const at = (iso: string | null | undefined) => (iso ? new Date(iso) : null);

/** Tells an assignee about a task someone else gave them. */
export async function notifyAssignee(ctx: Ctx, task: Task) {
  if (!task.assigneeId || task.assigneeId === ctx.actor.userId) return;
  await notifyUser(ctx.db, {
    workspaceId: ctx.workspaceId,
    userId: task.assigneeId,
    kind: 'task_assigned',
    title: `${ctx.actor.label} assigned you a task: ${task.title}`,
    body: task.dueAt ? `Due ${task.dueAt.toISOString()}` : '',
    link: `/tasks/${task.id}`,
  });
}

/**
 * A new open task, assigned to the caller unless another member (or nobody: null) is named. The
 * assignee is notified unless `notify: false` (jobs that send their own digest instead).
 */
export async function createTask(ctx: Ctx, raw: CreateTaskInput, opts: { notify?: boolean } = {}) {
  const input = parseInput(createTaskInput, raw);
  const assigneeId = input.assigneeId === undefined ? (ctx.actor.userId ?? null) : input.assigneeId;
  return ctx.db.transaction(async (tx) => {
    const c = { ...ctx, db: tx };
    if (assigneeId) await assertMember(tx, ctx.workspaceId, assigneeId, ['body', 'assigneeId']);
    if (input.entityType && input.entityId) await assertRecordExists(c, input.entityType, input.entityId, ['body', 'entityId']);
    const [row] = await tx
      .insert(tasks)
      .values({
        workspaceId: ctx.workspaceId,
        title: input.title,
        notes: input.notes ?? '',
        dueAt: at(input.dueAt),
        priority: input.priority ?? 'normal',
        assigneeId,
        reminderAt: at(input.reminderAt),
        entityType: input.entityType ?? null,
        entityId: input.entityId ?? null,
        createdBy: actorId(ctx),
      })
      .returning();
    const task = toTask(row!);
    if (opts.notify !== false) await notifyAssignee(c, task);
    await recordAudit(c, { action: 'task.created', entityType: 'task', entityId: task.id, after: task });
    await emitEvent(c, {
      type: 'task.created',
      entityType: 'task',
      entityId: task.id,
      data: {
        title: task.title,
        assigneeId,
        dueAt: task.dueAt?.toISOString() ?? null,
        entityType: task.entityType,
        entityId: task.entityId,
      },
    });
    return task;
  });
}
