import { eq } from 'drizzle-orm';
import { recordAudit } from '../../../kernel/audit/index.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { AppError } from '../../../kernel/errors.ts';
import { jobs } from '../../../kernel/jobs/index.ts';
import { undoDays } from '../jobs/run-import.ts';
import { loadImport, toImportView } from '../queries/get-import.ts';
import { imports } from '../schema.ts';
import { removeImportFile } from './remove-import-files.ts';

/** Stops a queued or running import between batches; what was written stays (and can be undone). */
export async function cancelImport(ctx: Ctx, id: string) {
  const { view, fileId } = await ctx.db.transaction(async (tx) => {
    const c = { ...ctx, db: tx };
    const imp = await loadImport(c, id, true);
    if (imp.status !== 'queued' && imp.status !== 'running')
      throw new AppError('import_not_cancellable', `The import is ${imp.status}; only queued or running imports can be cancelled.`, { id });
    const now = new Date();
    const [row] = await tx
      .update(imports)
      .set({ status: 'cancelled', finishedAt: now, undoableUntil: new Date(now.getTime() + undoDays * 86_400_000), updatedAt: now })
      .where(eq(imports.id, id))
      .returning();
    if (imp.jobId)
      await tx.update(jobs).set({ status: 'cancelled', finishedAt: now, lockedUntil: null, updatedAt: now }).where(eq(jobs.id, imp.jobId));
    await recordAudit(c, { action: 'import.cancelled', entityType: 'import', entityId: id, after: { processedRows: imp.processedRows } });
    return { view: toImportView(row!), fileId: row!.fileId };
  });
  // A runner still reading the file keeps its open handle until it stops at the next batch.
  await removeImportFile(ctx.db, ctx.workspaceId, fileId);
  return view;
}
