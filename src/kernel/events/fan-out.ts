import { eq } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { enqueue } from '../jobs/index.ts';
import { outboxEvents } from './schema.ts';
import { type OutboxEvent, subscriberJob, subscribersFor, webhookFanOut } from './subscribers.ts';

export async function loadEvent(exec: Executor, eventId: string): Promise<OutboxEvent | undefined> {
  const [row] = await exec.select().from(outboxEvents).where(eq(outboxEvents.id, eventId));
  return row as OutboxEvent | undefined;
}

/** Turns one outbox event into one job per subscriber and one delivery per matching webhook. */
export async function fanOutEvent(exec: Executor, eventId: string) {
  const event = await loadEvent(exec, eventId);
  if (!event) return { skipped: true };
  const subs = subscribersFor(event.type);
  await exec.transaction(async (tx) => {
    for (const s of subs) {
      await enqueue(tx, subscriberJob, { eventId, subscriber: s.name }, {
        workspaceId: event.workspaceId,
        idempotencyKey: `sub:${s.name}:${eventId}`,
      });
    }
    await webhookFanOut()?.(tx as never, event);
  });
  return { subscribers: subs.length };
}
