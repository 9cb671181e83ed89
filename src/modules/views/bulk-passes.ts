import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import { recordAudit } from '../../kernel/audit/index.ts';
import type { Ctx } from '../../kernel/context.ts';
import { inWorkspace } from '../../kernel/db/index.ts';
import { emitEvent } from '../../kernel/events/index.ts';
import { applyAction, lockBatch, type OperationRow } from './bulk-apply.ts';
import { type Selection, selectionCondition } from './bulk-selection.ts';
import { type UndoFailure, undoItems } from './bulk-undo.ts';
import { type EntityType, entities } from './entities.ts';
import { bulkOperationItems, bulkOperations } from './schema.ts';

export interface UndoSummary {
  total: number;
  restored: number;
  notRestorable: number;
  /** The first 100 records that could not be restored, with why. */
  failures: UndoFailure[];
  /** Who asked for the undo (a job applies it on their behalf). */
  by?: Ctx['actor'];
}

export interface OperationResult {
  changed: number;
  skipped: Record<string, number>;
  /** Selected ids that matched no record the actor could see (other workspaces, deleted, not visible). */
  missing?: number;
  error?: string;
  undo?: UndoSummary;
}

const maxFailures = 100;
export const resultOf = (op: OperationRow): OperationResult => ({
  changed: 0,
  skipped: {},
  ...(op.result as Partial<OperationResult> | null),
});
const specOf = (op: OperationRow) => entities[op.entityType as EntityType];

async function save(ctx: Ctx, op: OperationRow, set: Partial<typeof bulkOperations.$inferInsert>): Promise<OperationRow> {
  const [row] = await ctx.db
    .update(bulkOperations)
    .set({ ...set, updatedAt: new Date() })
    .where(inWorkspace(bulkOperations.workspaceId, ctx, eq(bulkOperations.id, op.id)))
    .returning();
  return row!;
}

/** The operation, locked: its batches and state changes serialize on this row, so a rerun never repeats a batch. */
export async function lockOperation(ctx: Ctx, id: string): Promise<OperationRow | undefined> {
  const [row] = await ctx.db
    .select()
    .from(bulkOperations)
    .where(inWorkspace(bulkOperations.workspaceId, ctx, eq(bulkOperations.id, id)))
    .for('update');
  return row;
}

/** Applies the action to the next batch after the operation's cursor (all remaining records when `limit` is null). */
export async function forwardBatch(ctx: Ctx, op: OperationRow, limit: number | null): Promise<{ processed: number; op: OperationRow }> {
  const spec = specOf(op);
  const cond = await selectionCondition(ctx, spec, op.selection as Selection, ['selection']);
  const batch = await lockBatch(ctx, spec, cond, op.cursor, limit);
  const { items, skipped } = await applyAction(ctx, spec, op, batch);
  if (items.length)
    await ctx.db
      .insert(bulkOperationItems)
      .values(items.map((i) => ({ workspaceId: ctx.workspaceId, operationId: op.id, recordId: i.recordId, before: i.before })))
      .onConflictDoNothing();
  const result = resultOf(op);
  for (const [reason, n] of Object.entries(skipped)) result.skipped[reason] = (result.skipped[reason] ?? 0) + n;
  result.changed += items.length;
  const cursor = batch.at(-1)?.id ?? op.cursor;
  return { processed: batch.length, op: await save(ctx, op, { cursor, done: op.done + batch.length, result: { ...result } }) };
}

const selectionSummary = (s: Selection) => (s.ids ? { ids: s.ids.slice(0, 1000), idCount: s.ids.length } : { filter: s.filter });

/** Ends the forward pass: status, one audit entry for the whole operation, and the bulk.completed event. */
export async function finishForward(
  ctx: Ctx,
  op: OperationRow,
  status: 'completed' | 'cancelled' | 'failed',
  error?: string,
): Promise<OperationRow> {
  const selection = op.selection as Selection;
  const result = resultOf(op);
  if (status === 'completed' && selection.ids) result.missing = Math.max(0, selection.ids.length - op.done);
  if (error) result.error = error.slice(0, 1000);
  const done = await save(ctx, op, {
    status,
    finishedAt: new Date(),
    cursor: null,
    total: status === 'completed' ? op.done : op.total,
    result: { ...result },
  });
  const summary = { entityType: op.entityType, status, count: result.changed, done: op.done, total: done.total, params: op.params };
  await recordAudit(ctx, {
    action: `bulk.${op.action}`,
    entityType: 'bulk_operation',
    entityId: op.id,
    after: { ...summary, selection: selectionSummary(selection), skipped: result.skipped, ...(error && { error }) },
  });
  await emitEvent(ctx, { type: 'bulk.completed', entityType: 'bulk_operation', entityId: op.id, data: { ...summary, action: op.action } });
  return done;
}

/** Restores the next batch of the operation's items after its cursor (all remaining when `limit` is null). */
export async function undoBatch(ctx: Ctx, op: OperationRow, limit: number | null): Promise<{ processed: number; op: OperationRow }> {
  const i = bulkOperationItems;
  const q = ctx.db
    .select({ record_id: i.recordId, before: i.before })
    .from(i)
    .where(
      and(
        inWorkspace(i.workspaceId, ctx, eq(i.operationId, op.id), isNull(i.undoneAt), isNull(i.undoError)),
        op.cursor ? gt(i.recordId, op.cursor) : undefined,
      ),
    )
    .orderBy(i.recordId);
  const items = limit ? await q.limit(limit) : await q;
  const outcome = await undoItems(ctx, specOf(op), op, items);
  const mine = (ids: string[]) =>
    inWorkspace(i.workspaceId, ctx, eq(i.operationId, op.id), sql`${i.recordId} = any(${sql.param(ids)}::uuid[])`);
  if (outcome.restored.length) await ctx.db.update(i).set({ undoneAt: new Date() }).where(mine(outcome.restored));
  for (const reason of new Set(outcome.failed.map((f) => f.reason)))
    await ctx.db
      .update(i)
      .set({ undoError: reason })
      .where(mine(outcome.failed.filter((f) => f.reason === reason).map((f) => f.id)));
  const result = resultOf(op);
  const undo = result.undo ?? { total: 0, restored: 0, notRestorable: 0, failures: [] };
  result.undo = {
    ...undo,
    restored: undo.restored + outcome.restored.length,
    notRestorable: undo.notRestorable + outcome.failed.length,
    failures: [...undo.failures, ...outcome.failed].slice(0, maxFailures),
  };
  const cursor = items.at(-1)?.record_id ?? op.cursor;
  return { processed: items.length, op: await save(ctx, op, { cursor, result: { ...result } }) };
}

/** Ends an undo: status undone, one audit entry, and the bulk.undone event. */
export async function finishUndo(
  ctx: Ctx,
  op: OperationRow,
  status: 'undone' | 'undo_failed' = 'undone',
  error?: string,
): Promise<OperationRow> {
  const result = resultOf(op);
  if (error) result.error = error.slice(0, 1000);
  const done = await save(ctx, op, { status, cursor: null, ...(status === 'undone' && { undoneAt: new Date() }), result: { ...result } });
  const undo = { restored: result.undo?.restored ?? 0, notRestorable: result.undo?.notRestorable ?? 0 };
  await recordAudit(ctx, {
    action: 'bulk.undo',
    entityType: 'bulk_operation',
    entityId: op.id,
    after: {
      entityType: op.entityType,
      action: op.action,
      status,
      ...undo,
      failures: result.undo?.failures ?? [],
      ...(error && { error }),
    },
  });
  await emitEvent(ctx, {
    type: 'bulk.undone',
    entityType: 'bulk_operation',
    entityId: op.id,
    data: { entityType: op.entityType, action: op.action, status, ...undo },
  });
  return done;
}
