import { eq } from 'drizzle-orm';
import type { Ctx } from '../../../kernel/context.ts';
import { inWorkspace } from '../../../kernel/db/index.ts';
import { notFound } from '../../../kernel/errors.ts';
import type { OperationRow } from '../bulk-apply.ts';
import { type OperationResult, resultOf } from '../bulk-passes.ts';
import type { Selection } from '../bulk-selection.ts';
import { type EntityType, entities, requirePermission } from '../entities.ts';
import { bulkOperations } from '../schema.ts';

/** A bulk operation as the API returns it. */
export interface BulkOperationView {
  id: string;
  entityType: EntityType;
  action: string;
  params: Record<string, unknown>;
  selection: { idCount: number } | { filter: unknown };
  status: string;
  done: number;
  total: number | null;
  result: OperationResult;
  /** Whether POST /api/bulk/:id/undo would be accepted now. */
  undoable: boolean;
  jobId: string | null;
  createdBy: string | null;
  createdAt: Date;
  finishedAt: Date | null;
  undoneAt: Date | null;
  expiresAt: Date;
}

export const undoableStatuses = ['completed', 'cancelled', 'failed', 'undo_failed'];

/** The API shape of an operation row (ids are summarized as a count; the undo actor is left out). */
export function toOperationView(r: OperationRow): BulkOperationView {
  const sel = r.selection as Selection;
  const { undo, ...result } = resultOf(r);
  return {
    id: r.id,
    entityType: r.entityType as EntityType,
    action: r.action,
    params: r.params,
    selection: sel.ids ? { idCount: sel.ids.length } : { filter: sel.filter },
    status: r.status,
    done: r.done,
    total: r.total,
    result: {
      ...result,
      ...(undo && { undo: { total: undo.total, restored: undo.restored, notRestorable: undo.notRestorable, failures: undo.failures } }),
    },
    undoable: undoableStatuses.includes(r.status) && !r.itemsPurgedAt && r.expiresAt.getTime() > Date.now(),
    jobId: r.jobId,
    createdBy: r.createdBy,
    createdAt: r.createdAt,
    finishedAt: r.finishedAt,
    undoneAt: r.undoneAt,
    expiresAt: r.expiresAt,
  };
}

/** Only the member who started an operation, or an admin, sees or acts on it; everyone else gets 404. */
const mayAccess = (ctx: Ctx, r: OperationRow) => ctx.actor.role === 'admin' || (!!ctx.actor.userId && r.createdBy === ctx.actor.userId);

/** One operation with its status and progress. */
export async function getBulkOperation(ctx: Ctx, id: string): Promise<BulkOperationView> {
  const [row] = await ctx.db
    .select()
    .from(bulkOperations)
    .where(inWorkspace(bulkOperations.workspaceId, ctx, eq(bulkOperations.id, id)));
  if (!row || !mayAccess(ctx, row)) throw notFound('bulk_operation', id);
  requirePermission(ctx, entities[row.entityType as EntityType].read);
  return toOperationView(row);
}

/** The operation locked for cancel or undo, if the caller may act on it; 404 otherwise. */
export async function loadOperationForWrite(ctx: Ctx, id: string): Promise<OperationRow> {
  const [row] = await ctx.db
    .select()
    .from(bulkOperations)
    .where(inWorkspace(bulkOperations.workspaceId, ctx, eq(bulkOperations.id, id)))
    .for('update');
  if (!row || !mayAccess(ctx, row)) throw notFound('bulk_operation', id);
  return row;
}
