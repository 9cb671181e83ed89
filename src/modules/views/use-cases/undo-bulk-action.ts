import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Ctx } from '../../../kernel/context.ts';
import { inWorkspace, newId, rows } from '../../../kernel/db/index.ts';
import { AppError } from '../../../kernel/errors.ts';
import { enqueue } from '../../../kernel/jobs/index.ts';
import { actionPermission, type BulkActionName } from '../bulk-action.ts';
import { finishUndo, resultOf, undoBatch } from '../bulk-passes.ts';
import { type EntityType, entities, requirePermission } from '../entities.ts';
import { undoBulkJob } from '../jobs/bulk-jobs.ts';
import { type BulkOperationView, loadOperationForWrite, toOperationView, undoableStatuses } from '../queries/get-bulk-operation.ts';
import { bulkOperationItems, bulkOperations } from '../schema.ts';
import { type BulkOptions, bulkBatchSize, bulkInlineLimit } from './start-bulk-action.ts';

/**
 * Restores the previous values of every record a bulk operation changed (within 7 days; 410 bulk_undo_expired
 * after). Records that cannot be restored (a deleted contact whose email another contact took meanwhile) are
 * reported and left as they are; the rest are restored. Large undos run as a job, like large actions.
 */
export async function undoBulkAction(
  ctx: Ctx,
  id: string,
  opts: BulkOptions = {},
): Promise<{ operation: BulkOperationView; queued: boolean }> {
  return ctx.db.transaction(async (tx) => {
    const c = { ...ctx, db: tx };
    const op = await loadOperationForWrite(c, id);
    requirePermission(ctx, actionPermission(op.action as BulkActionName, entities[op.entityType as EntityType]));
    if (!undoableStatuses.includes(op.status))
      throw new AppError(
        'bulk_not_undoable',
        op.status === 'undone' || op.status === 'undoing'
          ? `Bulk operation ${id} is already ${op.status === 'undone' ? 'undone' : 'being undone'}.`
          : `Bulk operation ${id} is still ${op.status}; wait for it to finish or cancel it, then undo.`,
        { id, status: op.status },
      );
    if (op.itemsPurgedAt || op.expiresAt.getTime() <= Date.now())
      throw new AppError('bulk_undo_expired', `Bulk operation ${id} can no longer be undone: undo is kept for 7 days.`, {
        id,
        expiresAt: op.expiresAt,
      });
    const i = bulkOperationItems;
    const [count] = await rows<{ n: number }>(
      tx,
      sql`select count(*)::int as n from ${i} where ${and(inWorkspace(i.workspaceId, ctx, eq(i.operationId, id)), isNull(i.undoneAt), isNull(i.undoError))}`,
    );
    const remaining = Number(count?.n ?? 0);
    const result = resultOf(op);
    // An undo asked for again after one stopped half-way (undo_failed) continues it, keeping its counts.
    const prior = result.undo ?? { total: 0, restored: 0, notRestorable: 0, failures: [] };
    const undo = { ...prior, total: prior.restored + prior.notRestorable + remaining, by: { ...ctx.actor } };
    const [undoing] = await tx
      .update(bulkOperations)
      .set({
        status: 'undoing',
        cursor: null,
        result: { ...result, error: undefined, undo },
        updatedAt: new Date(),
      })
      .where(inWorkspace(bulkOperations.workspaceId, ctx, eq(bulkOperations.id, id)))
      .returning();
    if (remaining <= (opts.inlineLimit ?? bulkInlineLimit)) {
      const { op: after } = await undoBatch(c, undoing!, null);
      return { operation: toOperationView(await finishUndo(c, after)), queued: false };
    }
    const jobId = await enqueue(
      tx,
      undoBulkJob,
      { workspaceId: ctx.workspaceId, operationId: id, batchSize: opts.batchSize ?? bulkBatchSize },
      { workspaceId: ctx.workspaceId, idempotencyKey: `bulk-undo:${id}:${newId()}` },
    );
    const [withJob] = await tx
      .update(bulkOperations)
      .set({ jobId })
      .where(inWorkspace(bulkOperations.workspaceId, ctx, eq(bulkOperations.id, id)))
      .returning();
    return { operation: toOperationView(withJob!), queued: true };
  });
}
