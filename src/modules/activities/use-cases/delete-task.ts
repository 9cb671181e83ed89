import { eq } from 'drizzle-orm';
import { recordAudit } from '../../../kernel/audit/index.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { emitEvent } from '../../../kernel/events/index.ts';
import { findTask } from '../queries/get-task.ts';
import { tasks } from '../schema.ts';
import { toTask } from './task-input.ts';

/** Deletes a task for good (the audit log keeps a copy). */
export async function deleteTask(ctx: Ctx, id: string) {
  await ctx.db.transaction(async (tx) => {
    const c = { ...ctx, db: tx };
    const row = await findTask(tx, ctx, id, true);
    await tx.delete(tasks).where(eq(tasks.id, id));
    await recordAudit(c, { action: 'task.deleted', entityType: 'task', entityId: id, before: toTask(row) });
    await emitEvent(c, {
      type: 'task.deleted',
      entityType: 'task',
      entityId: id,
      data: { title: row.title, entityType: row.entityType, entityId: row.entityId },
    });
  });
}
