import { eq } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { outboxEvents } from './schema.ts';

/** A row of the outbox as subscribers and webhook deliveries see it. */
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

/** One outbox event by id (subscribers and webhook deliveries refetch the event they were given). */
export async function loadEvent(exec: Executor, eventId: string): Promise<OutboxEvent | undefined> {
  const [row] = await exec.select().from(outboxEvents).where(eq(outboxEvents.id, eventId));
  return row as OutboxEvent | undefined;
}
