import { eq } from 'drizzle-orm';
import type { Ctx } from '../../../kernel/context.ts';
import { type Executor, inWorkspace } from '../../../kernel/db/index.ts';
import { notFound } from '../../../kernel/errors.ts';
import { tasks } from '../schema.ts';
import { toTask } from '../use-cases/task-input.ts';

/** The task row, or task_not_found; `forUpdate` locks it for a write. */
export async function findTask(exec: Executor, ctx: Ctx, id: string, forUpdate = false) {
  const q = exec
    .select()
    .from(tasks)
    .where(inWorkspace(tasks.workspaceId, ctx, eq(tasks.id, id)));
  const [row] = forUpdate ? await q.for('update') : await q;
  if (!row) throw notFound('task', id);
  return row;
}

/** One task as the API shows it. */
export async function getTask(ctx: Ctx, id: string) {
  return toTask(await findTask(ctx.db, ctx, id));
}
