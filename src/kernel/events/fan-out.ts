import type { Executor } from '../db/client.ts';
import { enqueue } from '../jobs/index.ts';
import { loadEvent } from './load-event.ts';
import { subscriberJob, subscribersFor } from './subscribers.ts';
import { fanOutToWebhooks } from './webhooks/fan-out-to-webhooks.ts';

export { loadEvent };

/** Turns one outbox event into one job per subscriber and one delivery per matching webhook. */
export async function fanOutEvent(exec: Executor, eventId: string) {
  const event = await loadEvent(exec, eventId);
  if (!event) return { skipped: true };
  const subs = subscribersFor(event.type);
  const webhooks = await exec.transaction(async (tx) => {
    for (const s of subs) {
      await enqueue(
        tx,
        subscriberJob,
        { eventId, subscriber: s.name },
        {
          workspaceId: event.workspaceId,
          idempotencyKey: `sub:${s.name}:${eventId}`,
        },
      );
    }
    return fanOutToWebhooks(tx, event);
  });
  return { subscribers: subs.length, webhooks };
}
