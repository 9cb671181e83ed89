import { and, eq } from 'drizzle-orm';
import type { Ctx } from '../../../kernel/context.ts';
import { type Executor, inWorkspace } from '../../../kernel/db/index.ts';
import { notFound } from '../../../kernel/errors.ts';
import { activities, activityLinks } from '../schema.ts';
import { type RecordLink, toActivity } from '../use-cases/activity-input.ts';

/** The activity row and its links, or activity_not_found; `forUpdate` locks the row for a write. */
export async function findActivity(exec: Executor, ctx: Ctx, id: string, forUpdate = false) {
  const q = exec
    .select()
    .from(activities)
    .where(inWorkspace(activities.workspaceId, ctx, eq(activities.id, id)));
  const [row] = forUpdate ? await q.for('update') : await q;
  if (!row) throw notFound('activity', id);
  const links: RecordLink[] = (await exec
    .select({ entityType: activityLinks.entityType, entityId: activityLinks.entityId })
    .from(activityLinks)
    .where(and(eq(activityLinks.workspaceId, ctx.workspaceId), eq(activityLinks.activityId, id)))) as RecordLink[];
  return { row, links };
}

/** One activity as the API shows it. */
export async function getActivity(ctx: Ctx, id: string) {
  const { row, links } = await findActivity(ctx.db, ctx, id);
  return toActivity(row, links);
}
