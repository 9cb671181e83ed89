import { eq } from 'drizzle-orm';
import type { Ctx } from '../../context.ts';
import type { Executor } from '../../db/client.ts';
import { inWorkspace } from '../../db/helpers.ts';
import { notFound } from '../../errors.ts';
import type { JobView } from '../http/jobs.types.ts';
import { jobs } from '../schema.ts';

type JobRow = typeof jobs.$inferSelect;

/** Shapes a jobs row for the admin API. */
export function toJobView(r: JobRow): JobView {
  return {
    id: r.id,
    name: r.name,
    version: r.version,
    status: r.status as JobView['status'],
    priority: r.priority,
    attempts: r.attempts,
    maxAttempts: r.maxAttempts,
    runAt: r.runAt,
    lastError: r.lastError,
    progress: r.progress ?? null,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    startedAt: r.startedAt,
    finishedAt: r.finishedAt,
    payload: r.payload,
    result: r.result ?? null,
    lockedBy: r.lockedBy,
    lockedUntil: r.lockedUntil,
    idempotencyKey: r.idempotencyKey,
  };
}

/** Reads one job of the caller's workspace (locked for update when `forUpdate`); job_not_found otherwise. */
export async function findJob(
  exec: Executor,
  ctx: Pick<Ctx, 'workspaceId'>,
  id: string,
  opts: { forUpdate?: boolean } = {},
): Promise<JobRow> {
  const q = exec
    .select()
    .from(jobs)
    .where(inWorkspace(jobs.workspaceId, ctx, eq(jobs.id, id)));
  const [row] = opts.forUpdate ? await q.for('update') : await q;
  if (!row) throw notFound('job', id);
  return row;
}

/** One job of the caller's workspace, with payload and result. */
export async function getJob(ctx: Ctx, id: string): Promise<JobView> {
  return toJobView(await findJob(ctx.db, ctx, id));
}
