import { z } from 'zod';
import type { Ctx } from '../context.ts';
import { newId } from '../db/columns.ts';
import { defineJob, enqueue } from '../jobs/index.ts';
import { fanOutEvent } from './fan-out.ts';
import { outboxEvents } from './schema.ts';

export interface EventInput {
  /** `entity.verb`, e.g. `contact.created`. */
  type: string;
  entityType?: string;
  entityId?: string;
  data: Record<string, unknown>;
}

export const fanOutJob = defineJob({
  id: 'events.fan_out',
  version: 1,
  payload: z.object({ eventId: z.uuid() }),
  handler: ({ eventId }, job) => fanOutEvent(job.database.db, eventId),
});

/**
 * Writes the event to the outbox in the use case's transaction (`ctx.db`), with the job that
 * hands it to subscribers and webhooks: both exist only if the change commits.
 */
export async function emitEvent(ctx: Ctx, event: EventInput): Promise<string> {
  const id = newId();
  await ctx.db.insert(outboxEvents).values({
    id,
    workspaceId: ctx.workspaceId,
    type: event.type,
    entityType: event.entityType ?? null,
    entityId: event.entityId ?? null,
    data: event.data,
    actor: { type: ctx.actor.type, id: ctx.actor.userId ?? ctx.actor.id, label: ctx.actor.label },
  });
  await enqueue(ctx.db, fanOutJob, { eventId: id }, { workspaceId: ctx.workspaceId, idempotencyKey: `fanout:${id}` });
  return id;
}
