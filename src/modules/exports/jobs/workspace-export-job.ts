import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { inWorkspace } from '../../../kernel/db/index.ts';
import { AppError } from '../../../kernel/errors.ts';
import { defineJob, PermanentJobError } from '../../../kernel/jobs/index.ts';
import { workspaceExports } from '../schema.ts';
import { writeWorkspaceZip } from '../workspace/write-workspace-zip.ts';

const payload = z.object({ workspaceId: z.uuid(), exportId: z.uuid() });

/**
 * Writes a workspace export's zip. Safe to run twice: a rerun writes the file again from the start (to a .part
 * file renamed when complete), and a finished or cancelled export is left alone. Stops between batches when cancelled.
 */
export const workspaceExportJob = defineJob({
  id: 'exports.workspace',
  version: 1,
  payload,
  maxAttempts: 3,
  async handler(p, job) {
    const db = job.database.db;
    const where = inWorkspace(workspaceExports.workspaceId, p, eq(workspaceExports.id, p.exportId));
    const [row] = await db.select().from(workspaceExports).where(where);
    if (!row || ['completed', 'cancelled', 'failed'].includes(row.status)) return { skipped: row?.status ?? 'not found' };
    await db.update(workspaceExports).set({ status: 'running', startedAt: new Date(), error: null, updatedAt: new Date() }).where(where);
    const part = `${row.filePath}.part`;
    await mkdir(path.dirname(row.filePath), { recursive: true });
    let lastSaved = 0;
    try {
      const manifest = await writeWorkspaceZip(db, p.workspaceId, createWriteStream(part), {
        cancelled: () => job.cancelled(),
        async onProgress(pr) {
          await job.progress({ done: pr.rows, total: pr.totalRows, file: pr.file });
          if (pr.rows - lastSaved < 10_000 && pr.rows < pr.totalRows) return;
          lastSaved = pr.rows;
          await db.update(workspaceExports).set({ processedRows: pr.rows, totalRows: pr.totalRows, updatedAt: new Date() }).where(where);
        },
      });
      await rename(part, row.filePath);
      const counts = Object.fromEntries(manifest.files.map((f) => [f.name, f.rows]));
      const totalRows = manifest.files.filter((f) => f.table).reduce((n, f) => n + f.rows, 0);
      await db
        .update(workspaceExports)
        .set({
          status: 'completed',
          bytes: (await stat(row.filePath)).size,
          counts,
          processedRows: totalRows,
          totalRows,
          finishedAt: new Date(),
          updatedAt: new Date(),
        })
        .where(where);
      return { rows: totalRows };
    } catch (err) {
      await rm(part, { force: true });
      const cancelled = err instanceof AppError && err.code === 'export_cancelled';
      const message = err instanceof Error ? err.message : String(err);
      await db
        .update(workspaceExports)
        .set({
          status: cancelled ? 'cancelled' : 'failed',
          error: cancelled ? null : message,
          finishedAt: new Date(),
          updatedAt: new Date(),
        })
        .where(where);
      throw new PermanentJobError(message);
    }
  },
});
