import { recordAudit } from '../../../kernel/audit/index.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { emitEvent } from '../../../kernel/events/index.ts';
import { activities, activityLinks } from '../schema.ts';
import { type ActivityInput, activityInput, toActivity, uniqueLinks } from './activity-input.ts';
import { actorId } from './actor-id.ts';
import { parseInput } from './parse-input.ts';
import { assertRecordsExist, touchLastActivity } from './record-links.ts';

/** Splits a parsed activity into its columns and its type-specific `details`. */
export function splitActivity(input: ReturnType<typeof activityInput.parse>) {
  const { type, subject, body, occurredAt, links, ...details } = input;
  const startsAt = 'startsAt' in details ? details.startsAt : undefined;
  const at = new Date(occurredAt ?? startsAt ?? Date.now());
  return {
    type,
    subject: subject ?? '',
    body: body ?? '',
    occurredAt: at,
    links: uniqueLinks(links),
    details: details as Record<string, unknown>,
  };
}

/**
 * Logs a note, call, meeting or email on one or more records (contacts, companies, deals), and moves
 * their last activity time forward.
 */
export async function logActivity(ctx: Ctx, raw: ActivityInput) {
  const input = parseInput(activityInput, raw);
  const a = splitActivity(input);
  return ctx.db.transaction(async (tx) => {
    const c = { ...ctx, db: tx };
    await assertRecordsExist(tx, ctx.workspaceId, input.links, (i) => ['body', 'links', i, 'entityId']);
    const [row] = await tx
      .insert(activities)
      .values({
        workspaceId: ctx.workspaceId,
        type: a.type,
        subject: a.subject,
        body: a.body,
        details: a.details,
        occurredAt: a.occurredAt,
        createdBy: actorId(ctx),
        ownerId: ctx.actor.userId ?? null,
      })
      .returning();
    await tx
      .insert(activityLinks)
      .values(a.links.map((l) => ({ workspaceId: ctx.workspaceId, activityId: row!.id, ...l, occurredAt: a.occurredAt })));
    await touchLastActivity(tx, ctx.workspaceId, a.links, a.occurredAt);
    const activity = toActivity(row!, a.links);
    await recordAudit(c, { action: 'activity.logged', entityType: 'activity', entityId: row!.id, after: activity });
    await emitEvent(c, {
      type: 'activity.logged',
      entityType: 'activity',
      entityId: row!.id,
      data: { type: a.type, subject: a.subject, occurredAt: a.occurredAt.toISOString(), links: a.links },
    });
    return activity;
  });
}
