import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Actor, Ctx } from '../../../kernel/context.ts';
import { inWorkspace } from '../../../kernel/db/index.ts';
import { AppError } from '../../../kernel/errors.ts';
import { defineJob, getJob, type JobContext, PermanentJobError } from '../../../kernel/jobs/index.ts';
import type { OperationRow } from '../bulk-apply.ts';
import { finishForward, finishUndo, forwardBatch, lockOperation, resultOf, undoBatch } from '../bulk-passes.ts';
import { bulkOperations } from '../schema.ts';

const payload = z.object({
  workspaceId: z.uuid(),
  operationId: z.uuid(),
  batchSize: z.number().int().min(1).max(10_000).describe('Records per batch; each batch is one transaction'),
});
type Payload = z.infer<typeof payload>;
const maxAttempts = 5;

interface Pass {
  /** The status batches run in; an operation found in `from` is moved to it first. */
  active: string;
  from?: string;
  actorOf(op: OperationRow): Actor;
  step(ctx: Ctx, op: OperationRow, limit: number): Promise<{ processed: number; op: OperationRow }>;
  finish(ctx: Ctx, op: OperationRow): Promise<OperationRow>;
  fail(ctx: Ctx, op: OperationRow, message: string): Promise<OperationRow>;
  /** When the job itself was cancelled (jobs admin). */
  cancel(ctx: Ctx, op: OperationRow): Promise<OperationRow>;
  progress(op: OperationRow): { done: number; total: number | null };
}

/**
 * Runs an operation's pass batch by batch: each batch locks the operation row, applies to the next records
 * after its cursor and moves the cursor in one transaction, so a rerun (crash, lost lease) resumes where the
 * last committed batch ended. Stops between batches when the operation or the job was cancelled.
 */
async function runPass(job: JobContext, p: Payload, pass: Pass) {
  const db = job.database.db;
  const [first] = await db
    .select()
    .from(bulkOperations)
    .where(inWorkspace(bulkOperations.workspaceId, p, eq(bulkOperations.id, p.operationId)));
  if (!first) return { stopped: 'operation not found' };
  const ctx: Ctx = { db, workspaceId: p.workspaceId, actor: pass.actorOf(first), requestId: `job:${job.jobId}` };
  const inTx = <T>(fn: (c: Ctx, op: OperationRow) => Promise<T>) =>
    db.transaction(async (tx) => {
      const c = { ...ctx, db: tx };
      const op = await lockOperation(c, p.operationId);
      return op ? fn(c, op) : null;
    });
  try {
    for (;;) {
      if (await job.cancelled()) {
        const status = await getJob(ctx, job.jobId).then(
          (j) => j.status,
          () => null,
        );
        if (status === 'cancelled')
          await inTx((c, op) => (op.status === pass.active || op.status === pass.from ? pass.cancel(c, op) : Promise.resolve(op)));
        return { stopped: 'job cancelled or lease lost' };
      }
      const step = await inTx(async (c, op) => {
        let current = op;
        if (pass.from && op.status === pass.from) current = (await setStatus(c, op, pass.active)) ?? op;
        if (current.status !== pass.active) return null;
        const r = await pass.step(c, current, p.batchSize);
        return r.processed === 0 ? { op: await pass.finish(c, r.op), finished: true } : { op: r.op, finished: false };
      });
      if (!step) return { stopped: 'operation no longer running' };
      await job.progress(pass.progress(step.op));
      if (step.finished) return { status: step.op.status, ...pass.progress(step.op) };
    }
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    // A bad stored filter (a custom field deleted meanwhile) will not get better; other errors retry until the last attempt.
    const permanent = err instanceof AppError || job.attempt >= maxAttempts;
    if (permanent)
      await inTx((c, op) => (op.status === pass.active || op.status === pass.from ? pass.fail(c, op, message) : Promise.resolve(op)));
    throw permanent ? new PermanentJobError(message) : err;
  }
}

async function setStatus(ctx: Ctx, op: OperationRow, status: string) {
  const [row] = await ctx.db
    .update(bulkOperations)
    .set({ status, updatedAt: new Date() })
    .where(inWorkspace(bulkOperations.workspaceId, ctx, eq(bulkOperations.id, op.id)))
    .returning();
  return row;
}

/** Runs a bulk action that selected more records than run inline (see startBulkAction). */
export const runBulkJob = defineJob({
  id: 'bulk.run',
  version: 1,
  payload,
  maxAttempts,
  handler: (p, job) =>
    runPass(job, p, {
      active: 'running',
      from: 'pending',
      actorOf: (op) => op.actor as unknown as Actor,
      step: (c, op, limit) => forwardBatch(c, op, limit),
      finish: (c, op) => finishForward(c, op, 'completed'),
      fail: (c, op, message) => finishForward(c, op, 'failed', message),
      cancel: (c, op) => finishForward(c, op, 'cancelled'),
      progress: (op) => ({ done: op.done, total: op.total }),
    }),
});

/** Undoes a bulk operation with more items than undo inline (see undoBulkAction). */
export const undoBulkJob = defineJob({
  id: 'bulk.undo',
  version: 1,
  payload,
  maxAttempts,
  handler: (p, job) =>
    runPass(job, p, {
      active: 'undoing',
      actorOf: (op) => resultOf(op).undo?.by ?? (op.actor as unknown as Actor),
      step: (c, op, limit) => undoBatch(c, op, limit),
      finish: (c, op) => finishUndo(c, op),
      fail: (c, op, message) => finishUndo(c, op, 'undo_failed', message),
      // An undo stopped half-way can be asked for again: it continues with the items not yet restored.
      cancel: (c, op) => finishUndo(c, op, 'undo_failed', 'The undo job was cancelled; undo again to finish it.'),
      progress: (op) => {
        const u = resultOf(op).undo;
        return { done: (u?.restored ?? 0) + (u?.notRestorable ?? 0), total: u?.total ?? null };
      },
    }),
});
