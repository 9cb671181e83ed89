import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../../kernel/audit/index.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { emitEvent } from '../../../kernel/events/index.ts';
import { findActivity } from '../queries/get-activity.ts';
import { activities, activityLinks } from '../schema.ts';
import { toActivity } from './activity-input.ts';
import { refreshLastActivity } from './record-links.ts';

/** Deletes an activity for good (the audit log keeps a copy), and winds back last activity times that came from it. */
export async function deleteActivity(ctx: Ctx, id: string) {
  await ctx.db.transaction(async (tx) => {
    const c = { ...ctx, db: tx };
    const { row, links } = await findActivity(tx, ctx, id, true);
    await tx.delete(activityLinks).where(and(eq(activityLinks.workspaceId, ctx.workspaceId), eq(activityLinks.activityId, id)));
    await tx.delete(activities).where(eq(activities.id, id));
    await refreshLastActivity(tx, ctx.workspaceId, links, new Date(row.occurredAt));
    await recordAudit(c, { action: 'activity.deleted', entityType: 'activity', entityId: id, before: toActivity(row, links) });
    await emitEvent(c, { type: 'activity.deleted', entityType: 'activity', entityId: id, data: { type: row.type, links } });
  });
}
