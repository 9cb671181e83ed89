import { z } from 'zod';
import type { Database } from '../db/client.ts';
import { defineJob } from '../jobs/index.ts';

export interface OutboxEvent {
  id: string;
  workspaceId: string;
  type: string;
  entityType: string | null;
  entityId: string | null;
  data: Record<string, unknown>;
  actor: unknown;
  createdAt: Date;
}

export interface Subscriber {
  /** Stable name; with the event id it makes the idempotency key of the job. */
  name: string;
  /** Event types, or `*` for all. */
  types: string[] | '*';
  handle(event: OutboxEvent, database: Database): Promise<void>;
}

const subscribers = new Map<string, Subscriber>();
const webhookHooks: { deliver?: (database: Database['db'], event: OutboxEvent) => Promise<void> } = {};

/** Registers a subscriber run as a job for every matching event (at least once; make it idempotent). */
export function subscribe(s: Subscriber) {
  subscribers.set(s.name, s);
}

export const subscribersFor = (type: string) =>
  [...subscribers.values()].filter((s) => s.types === '*' || s.types.includes(type));
export const subscriberNamed = (name: string) => subscribers.get(name);

/** The webhooks module plugs its fan-out in here (kernel/events must not import it). */
export function onEventForWebhooks(fn: (db: Database['db'], event: OutboxEvent) => Promise<void>) {
  webhookHooks.deliver = fn;
}
export const webhookFanOut = () => webhookHooks.deliver;

export const subscriberJob = defineJob({
  id: 'events.subscriber',
  version: 1,
  payload: z.object({ eventId: z.uuid(), subscriber: z.string() }),
  async handler({ eventId, subscriber }, job) {
    const { loadEvent } = await import('./fan-out.ts');
    const s = subscribers.get(subscriber);
    const event = await loadEvent(job.database.db, eventId);
    if (!s || !event) return { skipped: true };
    await s.handle(event, job.database);
    return { ok: true };
  },
});
