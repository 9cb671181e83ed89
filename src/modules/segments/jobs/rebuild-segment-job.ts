import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { type Ctx, systemActor } from '../../../kernel/context.ts';
import { type Executor, rows } from '../../../kernel/db/index.ts';
import { defineJob } from '../../../kernel/jobs/index.ts';
import { definitionCompiler } from '../definition.ts';
import { applyMembership, emitMembershipEvents, rangeScope } from '../use-cases/apply-membership.ts';

const rangeSize = 20_000;

export interface RebuildOptions {
  /** Only this version of the definition: a newer edit queued its own rebuild. */
  version?: number;
  /** segment.entered/exited events for the changes (the clock refresh); a new or edited definition records history only. */
  emitEvents?: boolean;
  progress?: (p: { done: number; total: number; entered: number; exited: number }) => Promise<void>;
  cancelled?: () => Promise<boolean>;
}

/**
 * Re-evaluates a segment over every contact of its workspace, in id ranges of 20,000 (one transaction each), with the
 * same statement the incremental drain runs. Returns false when the segment is gone or was edited meanwhile.
 */
export async function rebuildSegment(db: Executor, workspaceId: string, segmentId: string, opts: RebuildOptions = {}): Promise<boolean> {
  const [s] = await rows<{ id: string; name: string; definition: unknown; version: number }>(
    db,
    sql`select id, name, definition, version from segments where workspace_id = ${workspaceId} and id = ${segmentId} and deleted_at is null`,
  );
  if (!s || (opts.version !== undefined && s.version !== opts.version)) return false;
  const ctx: Ctx = { db, workspaceId, actor: systemActor('segments') };
  const where = await (await definitionCompiler(ctx))(s.definition, ['definition'], false);
  const [{ total } = { total: 0 }] = await rows<{ total: number }>(
    db,
    sql`select count(*)::int as total from contacts where workspace_id = ${workspaceId}`,
  );
  const ref = { id: s.id, workspaceId, name: s.name };
  const tally = { done: 0, total, entered: 0, exited: 0 };
  let after: string | null = null;
  for (;;) {
    if (opts.cancelled && (await opts.cancelled())) return false;
    const [edge]: { id: string }[] = await rows<{ id: string }>(
      db,
      sql`select id from contacts where workspace_id = ${workspaceId} ${after ? sql`and id > ${after}::uuid` : sql``}
          order by id offset ${rangeSize - 1} limit 1`,
    );
    const upTo: string | null = edge?.id ?? null;
    const change = await db.transaction(async (tx) => {
      const c = await applyMembership(tx, ref, where, rangeScope(after, upTo));
      if (opts.emitEvents) await emitMembershipEvents(tx, ref, c);
      return c;
    });
    tally.done = Math.min(total, tally.done + rangeSize);
    tally.entered += change.entered.length;
    tally.exited += change.exited.length;
    await opts.progress?.(tally);
    if (!upTo) break;
    after = upTo;
  }
  await db.execute(sql`update segments set status = 'ready', built_at = now(),
      member_count = (select count(*) from segment_members m where m.segment_id = ${segmentId})
    where id = ${segmentId} ${opts.version !== undefined ? sql`and version = ${opts.version}` : sql``}`);
  return true;
}

export const rebuildSegmentJob = defineJob({
  id: 'segments.rebuild',
  version: 1,
  payload: z.object({
    workspaceId: z.uuid(),
    segmentId: z.uuid(),
    version: z.int().optional(),
    emitEvents: z.boolean().default(false),
  }),
  maxAttempts: 5,
  async handler(p, job) {
    const done = await rebuildSegment(job.database.db, p.workspaceId, p.segmentId, {
      version: p.version,
      emitEvents: p.emitEvents,
      progress: (t) => job.progress(t),
      cancelled: () => job.cancelled(),
    });
    return { rebuilt: done };
  },
});
