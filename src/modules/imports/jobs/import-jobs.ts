import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { defineJob, type JobContext, PermanentJobError } from '../../../kernel/jobs/index.ts';
import { imports } from '../schema.ts';
import { removeImportFile, removeStaleImportFiles } from '../use-cases/remove-import-files.ts';
import { runImport } from './run-import.ts';
import { runUndo } from './run-undo.ts';

const payload = z.object({
  workspaceId: z.uuid(),
  importId: z.uuid(),
  batchSize: z.number().int().min(1).max(50_000).default(5000).describe('Rows per batch; each batch is one transaction'),
});
const maxAttempts = 5;

const hooksOf = (job: JobContext) => ({ progress: (v: Record<string, unknown>) => job.progress(v), cancelled: () => job.cancelled() });

/** Marks the import failed on the last attempt (or at once for a problem retrying cannot fix); earlier failures retry and resume. */
async function guard<T>(job: JobContext, importId: string, status: 'failed', fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const permanent = job.attempt >= maxAttempts || (err as { code?: string }).code?.startsWith('import_');
    if (permanent) {
      const [row] = await job.database.db
        .update(imports)
        .set({ status, error: message.slice(0, 2000), finishedAt: new Date(), updatedAt: new Date() })
        .where(eq(imports.id, importId))
        .returning();
      if (row) await removeImportFile(job.database.db, row.workspaceId, row.fileId);
      throw new PermanentJobError(message);
    }
    throw err;
  }
}

/** Runs an import (POST /api/imports, tandem import); resumes from its checkpoint when run again. */
export const runImportJob = defineJob({
  id: 'imports.run',
  version: 1,
  payload,
  maxAttempts,
  handler: (p, job) =>
    guard(job, p.importId, 'failed', () => runImport(job.database, p.workspaceId, p.importId, hooksOf(job), p.batchSize)),
});

/** Undoes an import (POST /api/imports/:id/undo). */
export const undoImportJob = defineJob({
  id: 'imports.undo',
  version: 1,
  payload,
  maxAttempts,
  handler: (p, job) => guard(job, p.importId, 'failed', () => runUndo(job.database, p.workspaceId, p.importId, hooksOf(job), p.batchSize)),
});

/** Deletes uploaded files of ended imports and day-old unused uploads (scheduled hourly in index.ts). */
export const removeImportFilesJob = defineJob({
  id: 'imports.remove_files',
  version: 1,
  payload: z.object({}),
  handler: (_p, job) => removeStaleImportFiles(job.database.db),
});
