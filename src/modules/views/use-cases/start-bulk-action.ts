import { eq } from 'drizzle-orm';
import type { Ctx } from '../../../kernel/context.ts';
import { inWorkspace } from '../../../kernel/db/index.ts';
import { enqueue } from '../../../kernel/jobs/index.ts';
import { actionPermission, type BulkAction, checkAction, undoDays } from '../bulk-action.ts';
import { finishForward, forwardBatch } from '../bulk-passes.ts';
import { countSelected, type Selection, selectionCondition } from '../bulk-selection.ts';
import { type EntityType, entities, requirePermission } from '../entities.ts';
import { runBulkJob } from '../jobs/bulk-jobs.ts';
import { type BulkOperationView, toOperationView } from '../queries/get-bulk-operation.ts';
import { bulkOperations } from '../schema.ts';

/** Up to this many records a bulk action (or its undo) runs inside the request, in one transaction. */
export const bulkInlineLimit = 1000;
/** Records per transaction when a job runs it. */
export const bulkBatchSize = 500;

export interface BulkOptions {
  /** Overrides bulkInlineLimit (tests use a small one to exercise the job path). */
  inlineLimit?: number;
  batchSize?: number;
}

export type BulkInput = BulkAction & { selection: Selection };

/**
 * Starts a bulk action on the records of a selection (ids, or a filter evaluated now) that the actor may
 * see. Up to the inline limit it runs at once in one transaction and returns the finished operation;
 * above it the operation is queued as a job (`queued: true`) and runs in batches. Either way each changed
 * record's previous values are kept for undo, and the operation gets one audit entry and one event.
 */
export async function startBulkAction(
  ctx: Ctx,
  entityType: EntityType,
  input: BulkInput,
  opts: BulkOptions = {},
): Promise<{ operation: BulkOperationView; queued: boolean }> {
  const spec = entities[entityType];
  requirePermission(ctx, actionPermission(input.action, spec));
  const inlineLimit = opts.inlineLimit ?? bulkInlineLimit;
  const selection: Selection = input.selection.ids ? { ids: [...new Set(input.selection.ids)] } : { filter: input.selection.filter };
  return ctx.db.transaction(async (tx) => {
    const c = { ...ctx, db: tx };
    const params = await checkAction(c, entityType, input);
    const cond = await selectionCondition(c, spec, selection, ['body', 'selection']);
    const n = await countSelected(c, spec, cond, inlineLimit);
    const queued = n > inlineLimit;
    const [op] = await tx
      .insert(bulkOperations)
      .values({
        workspaceId: ctx.workspaceId,
        entityType,
        action: input.action,
        params,
        selection,
        status: queued ? 'pending' : 'running',
        total: queued ? await countSelected(c, spec, cond) : n,
        actor: { ...ctx.actor },
        createdBy: ctx.actor.userId ?? ctx.actor.id,
        expiresAt: new Date(Date.now() + undoDays * 86_400_000),
      })
      .returning();
    if (!queued) {
      const { op: after } = await forwardBatch(c, op!, null);
      return { operation: toOperationView(await finishForward(c, after, 'completed')), queued };
    }
    const jobId = await enqueue(
      tx,
      runBulkJob,
      { workspaceId: ctx.workspaceId, operationId: op!.id, batchSize: opts.batchSize ?? bulkBatchSize },
      { workspaceId: ctx.workspaceId, idempotencyKey: `bulk:${op!.id}` },
    );
    const [withJob] = await tx
      .update(bulkOperations)
      .set({ jobId })
      .where(inWorkspace(bulkOperations.workspaceId, ctx, eq(bulkOperations.id, op!.id)))
      .returning();
    return { operation: toOperationView(withJob!), queued };
  });
}
