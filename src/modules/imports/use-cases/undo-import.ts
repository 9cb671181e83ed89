import { eq } from 'drizzle-orm';
import { recordAudit } from '../../../kernel/audit/index.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { AppError } from '../../../kernel/errors.ts';
import { enqueue } from '../../../kernel/jobs/index.ts';
import { importEntity } from '../entities/registry.ts';
import { undoImportJob } from '../jobs/import-jobs.ts';
import { requirePermission } from '../permissions.ts';
import { loadImport, toImportView } from '../queries/get-import.ts';
import { imports } from '../schema.ts';

/** Queues the undo of a finished import (within 7 days, once): created records are deleted, updated ones restored. */
export async function undoImport(ctx: Ctx, id: string) {
  return ctx.db.transaction(async (tx) => {
    const c = { ...ctx, db: tx };
    const imp = await loadImport(c, id, true);
    requirePermission(ctx, importEntity(imp.entity).permission);
    const finished = imp.status === 'completed' || imp.status === 'cancelled' || imp.status === 'failed';
    if (!finished || !imp.undoableUntil || imp.undoableUntil < new Date())
      throw new AppError(
        'import_not_undoable',
        imp.status === 'undoing' || imp.status === 'undone'
          ? 'This import was already undone.'
          : finished
            ? 'Imports can be undone for 7 days; this one is older.'
            : `The import is ${imp.status}; cancel it first, then undo.`,
        { id, status: imp.status },
      );
    const undoJobId = await enqueue(
      tx,
      undoImportJob,
      { workspaceId: ctx.workspaceId, importId: id, batchSize: 5000 },
      {
        workspaceId: ctx.workspaceId,
        idempotencyKey: `import-undo:${id}`,
      },
    );
    const [row] = await tx
      .update(imports)
      .set({ status: 'undoing', undoJobId, updatedAt: new Date() })
      .where(eq(imports.id, id))
      .returning();
    await recordAudit(c, { action: 'import.undo_requested', entityType: 'import', entityId: id, before: { status: imp.status } });
    return toImportView(row!);
  });
}
