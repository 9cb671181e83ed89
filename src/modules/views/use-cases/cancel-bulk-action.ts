import type { Ctx } from '../../../kernel/context.ts';
import { AppError } from '../../../kernel/errors.ts';
import { actionPermission, type BulkActionName } from '../bulk-action.ts';
import { finishForward } from '../bulk-passes.ts';
import { type EntityType, entities, requirePermission } from '../entities.ts';
import { type BulkOperationView, loadOperationForWrite, toOperationView } from '../queries/get-bulk-operation.ts';

/**
 * Stops a queued or running bulk operation between batches: the row lock waits for a batch in flight,
 * so what is done stays done (and can be undone) and no further batch starts.
 */
export async function cancelBulkAction(ctx: Ctx, id: string): Promise<BulkOperationView> {
  return ctx.db.transaction(async (tx) => {
    const c = { ...ctx, db: tx };
    const op = await loadOperationForWrite(c, id);
    requirePermission(ctx, actionPermission(op.action as BulkActionName, entities[op.entityType as EntityType]));
    if (op.status !== 'pending' && op.status !== 'running')
      throw new AppError(
        'bulk_not_cancellable',
        `Bulk operation ${id} is ${op.status}; only pending or running operations can be cancelled.`,
        {
          id,
          status: op.status,
        },
      );
    return toOperationView(await finishForward(c, op, 'cancelled'));
  });
}
