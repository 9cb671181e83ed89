import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../../kernel/audit/index.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { AppError } from '../../../kernel/errors.ts';
import { emitEvent } from '../../../kernel/events/index.ts';
import { findActivity } from '../queries/get-activity.ts';
import { type ActivityType, activities, activityLinks } from '../schema.ts';
import {
  activityInput,
  callInput,
  emailInput,
  meetingInput,
  noteInput,
  toActivity,
  type UpdateActivityInput,
  updateActivityInput,
} from './activity-input.ts';
import { splitActivity } from './log-activity.ts';
import { parseInput } from './parse-input.ts';
import { assertRecordsExist, refreshLastActivity, touchLastActivity } from './record-links.ts';

const fieldsOf: Record<ActivityType, Set<string>> = {
  note: new Set(Object.keys(noteInput.shape)),
  call: new Set(Object.keys(callInput.shape)),
  meeting: new Set(Object.keys(meetingInput.shape)),
  email: new Set(Object.keys(emailInput.shape)),
};

const sameLinks = (a: { entityType: string; entityId: string }[], b: typeof a) =>
  a.length === b.length && a.every((x) => b.some((y) => y.entityType === x.entityType && y.entityId === x.entityId));

/**
 * Changes an activity: the fields given replace the old ones (null clears an optional field), then the
 * whole activity is validated again for its type. The type itself cannot change.
 */
export async function updateActivity(ctx: Ctx, id: string, raw: UpdateActivityInput) {
  const patch = parseInput(updateActivityInput, raw) as Record<string, unknown>;
  return ctx.db.transaction(async (tx) => {
    const c = { ...ctx, db: tx };
    const { row, links } = await findActivity(tx, ctx, id, true);
    const type = row.type as ActivityType;
    for (const key of Object.keys(patch))
      if (!fieldsOf[type].has(key))
        throw new AppError('validation_failed', `${key} is not a field of a ${type}; remove it.`, { path: ['body', key] });
    const old = { type, subject: row.subject, body: row.body, occurredAt: new Date(row.occurredAt).toISOString(), links, ...row.details };
    const merged: Record<string, unknown> = { ...old };
    for (const [k, v] of Object.entries(patch))
      if (v === null) delete merged[k];
      else if (v !== undefined) merged[k] = v;
    // A meeting logged at its start time moves with its start time.
    if (type === 'meeting' && patch.startsAt && patch.occurredAt === undefined && old.occurredAt === row.details.startsAt)
      merged.occurredAt = patch.startsAt;
    const next = splitActivity(parseInput(activityInput, merged));
    const linksChanged = !sameLinks(links, next.links);
    if (linksChanged) await assertRecordsExist(tx, ctx.workspaceId, next.links, (i) => ['body', 'links', i, 'entityId']);
    const [updated] = await tx
      .update(activities)
      .set({ subject: next.subject, body: next.body, details: next.details, occurredAt: next.occurredAt, updatedAt: new Date() })
      .where(eq(activities.id, id))
      .returning();
    const where = and(eq(activityLinks.workspaceId, ctx.workspaceId), eq(activityLinks.activityId, id));
    if (linksChanged) {
      await tx.delete(activityLinks).where(where);
      await tx
        .insert(activityLinks)
        .values(next.links.map((l) => ({ workspaceId: ctx.workspaceId, activityId: id, ...l, occurredAt: next.occurredAt })));
    } else if (next.occurredAt.getTime() !== new Date(row.occurredAt).getTime()) {
      await tx.update(activityLinks).set({ occurredAt: next.occurredAt }).where(where);
    }
    await refreshLastActivity(tx, ctx.workspaceId, links, new Date(row.occurredAt));
    await touchLastActivity(tx, ctx.workspaceId, next.links, next.occurredAt);
    const before = toActivity(row, links);
    const after = toActivity(updated!, next.links);
    await recordAudit(c, { action: 'activity.updated', entityType: 'activity', entityId: id, before, after });
    await emitEvent(c, {
      type: 'activity.updated',
      entityType: 'activity',
      entityId: id,
      data: { type, changed: Object.keys(patch), occurredAt: next.occurredAt.toISOString(), links: next.links },
    });
    return after;
  });
}
