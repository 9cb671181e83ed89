import { eq } from 'drizzle-orm';
import { recordAudit } from '../../audit/index.ts';
import type { Ctx } from '../../context.ts';
import { AppError } from '../../errors.ts';
import type { JobView } from '../http/jobs.types.ts';
import { findJob, toJobView } from '../queries/get-job.ts';
import { jobs } from '../schema.ts';

const cancellable = new Set(['queued', 'running']);

/**
 * Cancels a queued or running job of the caller's workspace. A running handler keeps running until it
 * checks `cancelled()`, and its outcome is then ignored (it no longer holds the job).
 */
export async function cancelJob(ctx: Ctx, id: string): Promise<JobView> {
  return ctx.db.transaction(async (tx) => {
    const before = await findJob(tx, ctx, id, { forUpdate: true });
    if (!cancellable.has(before.status))
      throw new AppError('job_not_cancellable', `Job ${id} is ${before.status}; only queued or running jobs can be cancelled.`, {
        id,
        status: before.status,
      });
    const [after] = await tx
      .update(jobs)
      .set({ status: 'cancelled', finishedAt: new Date(), lockedUntil: null, updatedAt: new Date() })
      .where(eq(jobs.id, id))
      .returning();
    await recordAudit(
      { ...ctx, db: tx },
      {
        action: 'job.cancelled',
        entityType: 'job',
        entityId: id,
        before: { name: before.name, status: before.status, attempts: before.attempts },
        after: { status: 'cancelled' },
      },
    );
    return toJobView(after!);
  });
}
