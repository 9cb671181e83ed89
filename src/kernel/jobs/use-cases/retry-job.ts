import { eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../audit/index.ts';
import type { Ctx } from '../../context.ts';
import { AppError } from '../../errors.ts';
import { jobsChannel } from '../enqueue.ts';
import type { JobView } from '../http/jobs.types.ts';
import { findJob, toJobView } from '../queries/get-job.ts';
import { jobs } from '../schema.ts';

const retryable = new Set(['dead', 'failed', 'cancelled']);

/**
 * Puts a dead, failed or cancelled job of the caller's workspace back in the queue with a fresh set of
 * attempts. The last error stays visible until the job succeeds.
 */
export async function retryJob(ctx: Ctx, id: string): Promise<JobView> {
  return ctx.db.transaction(async (tx) => {
    const before = await findJob(tx, ctx, id, { forUpdate: true });
    if (!retryable.has(before.status))
      throw new AppError('job_not_retryable', `Job ${id} is ${before.status}; only dead, failed or cancelled jobs can be retried.`, {
        id,
        status: before.status,
      });
    const [after] = await tx
      .update(jobs)
      .set({
        status: 'queued',
        attempts: 0,
        runAt: sql`now()`,
        lockedBy: null,
        lockedUntil: null,
        finishedAt: null,
        result: null,
        progress: null,
        updatedAt: new Date(),
      })
      .where(eq(jobs.id, id))
      .returning();
    await tx.execute(sql`select pg_notify(${jobsChannel}, '')`);
    await recordAudit(
      { ...ctx, db: tx },
      {
        action: 'job.retried',
        entityType: 'job',
        entityId: id,
        before: { name: before.name, status: before.status, attempts: before.attempts, lastError: before.lastError },
        after: { status: 'queued', attempts: 0 },
      },
    );
    return toJobView(after!);
  });
}
