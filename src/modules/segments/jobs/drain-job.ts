import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Executor } from '../../../kernel/db/index.ts';
import { rows } from '../../../kernel/db/index.ts';
import { type OutboxEvent, subscribe } from '../../../kernel/events/index.ts';
import { defineJob, enqueue } from '../../../kernel/jobs/index.ts';
import { drainDirtyContacts } from '../use-cases/drain-dirty-contacts.ts';
import { rebuildSegmentJob } from './rebuild-segment-job.ts';

/** Drains segment_dirty (one workspace, or all: the minute sweep catches changes made by SQL outside Tandem's code). */
export const drainSegmentsJob = defineJob({
  id: 'segments.drain',
  version: 1,
  payload: z.object({ workspaceId: z.uuid().optional() }),
  maxAttempts: 10,
  backoffSeconds: 2,
  handler: ({ workspaceId }, job) => drainDirtyContacts(job.database.db, { workspaceId }),
});

const bucketMs = 1000;

/**
 * Queues a drain of the workspace for the end of the current second (one job per second however many writes asked),
 * in the caller's transaction. Used where no outbox event follows the write (the behaviour log).
 */
export async function requestDrain(exec: Executor, workspaceId: string) {
  const bucket = Math.floor(Date.now() / bucketMs) + 1;
  await enqueue(
    exec,
    drainSegmentsJob,
    { workspaceId },
    { workspaceId, runAt: new Date(bucket * bucketMs), idempotencyKey: `segments.drain:${workspaceId}:${bucket}` },
  );
}

/** Marks contacts dirty (behaviour recorded, visitor identified) if the workspace has segments, and queues a drain. */
export async function markContactsDirty(exec: Executor, workspaceId: string, contactIds: readonly (string | null | undefined)[]) {
  const ids = [...new Set(contactIds.filter((id): id is string => !!id))];
  if (!ids.length) return;
  const [marked] = await rows<{ n: number }>(
    exec,
    sql`with ins as (insert into segment_dirty (workspace_id, contact_id)
          select ${workspaceId}::uuid, id from unnest(${`{${ids.join(',')}}`}::uuid[]) id
          where exists (select 1 from segments s where s.workspace_id = ${workspaceId} and s.deleted_at is null)
          on conflict do nothing returning 1)
        select count(*)::int as n from ins`,
  );
  if (marked && marked.n > 0) await requestDrain(exec, workspaceId);
}

/** Events after which the writing transaction's triggers have marked contacts: drain them now. */
export const drainingEventTypes = [
  'contact.created',
  'contact.updated',
  'contact.deleted',
  'contact.lifecycle_changed',
  'contact.consent_changed',
  'contact.merged',
  'company.updated',
  'company.deleted',
  'company.merged',
  'deal.created',
  'deal.updated',
  'deal.stage_changed',
  'deal.won',
  'deal.lost',
  'deal.deleted',
  'import.batch_committed',
  'import.undone',
  'bulk.completed',
  'bulk.undone',
  'list.members_added',
  'list.members_removed',
];

subscribe({
  name: 'segments.drain',
  types: drainingEventTypes,
  async handle(event: OutboxEvent, database) {
    // A merge moved the losers' behaviour to the survivor without touching a trigger's table.
    const survivor = event.type === 'contact.merged' ? (event.data.survivorId as string | undefined) : undefined;
    if (survivor) await markContactsDirty(database.db, event.workspaceId, [survivor]);
    await drainDirtyContacts(database.db, { workspaceId: event.workspaceId });
  },
});

/** Clock-relative segments (in_last, within) drift without a change: re-evaluate them, with events. */
export const refreshRelativeSegmentsJob = defineJob({
  id: 'segments.refresh_relative',
  version: 1,
  payload: z.object({}),
  async handler(_p, job) {
    const segs = await rows<{ id: string; workspace_id: string; version: number }>(
      job.database.db,
      sql`select id, workspace_id, version from segments where deleted_at is null and time_relative and status = 'ready'`,
    );
    const slot = Math.floor(Date.now() / 60_000);
    for (const s of segs)
      await enqueue(
        job.database.db,
        rebuildSegmentJob,
        { workspaceId: s.workspace_id, segmentId: s.id, version: s.version, emitEvents: true },
        { workspaceId: s.workspace_id, idempotencyKey: `segments.refresh:${s.id}:${slot}` },
      );
    return { segments: segs.length };
  },
});
