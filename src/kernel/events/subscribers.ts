import { z } from 'zod';
import type { Database } from '../db/client.ts';
import { defineJob } from '../jobs/index.ts';
import { loadEvent, type OutboxEvent } from './load-event.ts';

export type { OutboxEvent };

export interface Subscriber {
  /** Stable name; with the event id it makes the idempotency key of the job. */
  name: string;
  /** Event types, or `*` for all. */
  types: string[] | '*';
  handle(event: OutboxEvent, database: Database): Promise<void>;
}

const subscribers = new Map<string, Subscriber>();

/** Registers a subscriber run as a job for every matching event (at least once; make it idempotent). */
export function subscribe(s: Subscriber) {
  subscribers.set(s.name, s);
}

export const subscribersFor = (type: string) => [...subscribers.values()].filter((s) => s.types === '*' || s.types.includes(type));
export const subscriberNamed = (name: string) => subscribers.get(name);

export const subscriberJob = defineJob({
  id: 'events.subscriber',
  version: 1,
  payload: z.object({ eventId: z.uuid(), subscriber: z.string() }),
  async handler({ eventId, subscriber }, job) {
    const s = subscribers.get(subscriber);
    const event = await loadEvent(job.database.db, eventId);
    if (!s || !event) return { skipped: true };
    await s.handle(event, job.database);
    return { ok: true };
  },
});
