import { sql } from 'drizzle-orm';
import type { Ctx } from '../../../kernel/context.ts';
import { rows } from '../../../kernel/db/index.ts';

/** The latest full evaluation job of a segment and how far it got (the segment page's progress bar). */
export async function getRebuildProgress(ctx: Ctx, segmentId: string) {
  const [j] = await rows<{ id: string; status: string; progress: { done?: number; total?: number } | null }>(
    ctx.db,
    sql`select id, status, progress from jobs where workspace_id = ${ctx.workspaceId} and name = 'segments.rebuild'
          and payload->>'segmentId' = ${segmentId} order by created_at desc limit 1`,
  );
  return j ? { jobId: j.id, status: j.status, done: j.progress?.done ?? 0, total: j.progress?.total ?? 0 } : null;
}
